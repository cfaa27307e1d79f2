"""numpy/scipy peer for `npm run bench` (issue 6). Bench only, never part of the product.

Reads an instance written by bench/numerics.mjs (the project's own X, lam, y, yhat, W*:
same matrix, same answer), does what a numpy user would do, and prints one JSON line:
  case1: dense Hessian (float64 GEMMs, one per block pair) + numpy.linalg.eigvalsh
  case2: dense Hessian + scipy.sparse.linalg.eigsh(k, which='SA') + teacher overlaps
Timings cover the build and the solve, not the file reading (the project side likewise
excludes sampling).
usage: peer.py case1|case2 DIR
"""
import json
import sys
import time

import numpy as np
import scipy
import scipy.sparse.linalg as sla


def load(d):
    meta = json.load(open(f"{d}/meta.json"))
    N, p, ps, M = meta["N"], meta["p"], meta["pstar"], meta["M"]
    # the Int16 codes of the fixed-point data; x = q * x_scale (2^-12, exact in float64)
    X = np.fromfile(f"{d}/X.i16", dtype=np.int16).reshape(M, N)
    lam = np.fromfile(f"{d}/lam.f64").reshape(M, p)
    y = np.fromfile(f"{d}/y.f64")
    yhat = np.fromfile(f"{d}/yhat.f64")
    Ws = np.fromfile(f"{d}/Wstar.f64").reshape(ps, N)
    return meta, X, lam, y, yhat, Ws


def dense_hessian(meta, X, lam, y, yhat):
    N, p, a = meta["N"], meta["p"], meta["a"]
    Xd = X.astype(np.float64) * meta["x_scale"]
    den = a + y
    c = (2.0 / p) * (yhat - y) / den
    b = (4.0 / p**2) / den
    H = np.empty((p * N, p * N))
    for k in range(p):
        for k2 in range(k, p):
            w = b * lam[:, k] * lam[:, k2] + (c if k == k2 else 0.0)
            blk = (Xd.T * w) @ Xd / N
            H[k * N:(k + 1) * N, k2 * N:(k2 + 1) * N] = blk
            if k2 != k:
                H[k2 * N:(k2 + 1) * N, k * N:(k + 1) * N] = blk.T
    return H


def blas_info():
    """OpenBLAS core and thread count as the peer runs (numpy's bundled scipy-openblas)."""
    try:
        import ctypes
        import glob
        import os
        libs = glob.glob(os.path.join(os.path.dirname(np.__file__), "..", "numpy.libs", "*openblas*"))
        lib = ctypes.CDLL(libs[0])
        core = lib.scipy_openblas_get_corename64_
        core.restype = ctypes.c_char_p
        nth = lib.scipy_openblas_get_num_threads64_
        nth.restype = ctypes.c_int
        return f"OpenBLAS {core().decode()} core, {nth()} threads"
    except Exception as e:  # noqa: BLE001 - informational only
        return f"unknown ({type(e).__name__})"


def main():
    case, d = sys.argv[1], sys.argv[2]
    meta, X, lam, y, yhat, Ws = load(d)
    N, p = meta["N"], meta["p"]
    t0 = time.perf_counter()
    H = dense_hessian(meta, X, lam, y, yhat)
    t1 = time.perf_counter()
    out = {"case": case}
    if case == "case1":
        vals = np.linalg.eigvalsh(H)
        t2 = time.perf_counter()
        out["values"] = vals.tolist()
    else:
        k = meta["k"]
        v0 = np.random.default_rng(0).standard_normal(p * N)
        vals, vecs = sla.eigsh(H, k=k, which="SA", v0=v0)
        t2 = time.perf_counter()
        order = np.argsort(vals)
        vals, vecs = vals[order], vecs[:, order]
        E = np.linalg.qr(Ws.T)[0].T  # orthonormal teacher rows
        ov = [float(sum(np.sum((E @ vecs[kk * N:(kk + 1) * N, j]) ** 2) for kk in range(p))) for j in range(k)]
        t2 = time.perf_counter()
        res = np.linalg.norm(H @ vecs - vecs * vals, axis=0)
        out["values"] = vals.tolist()
        out["teacherOverlap2"] = ov
        out["maxResidual"] = float(res.max())
    out["buildMs"] = (t1 - t0) * 1e3
    out["solveMs"] = (t2 - t1) * 1e3
    out["ms"] = (t2 - t0) * 1e3
    out["versions"] = {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__, "blas": blas_info()}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
