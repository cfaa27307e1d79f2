/**
 * Eigenvalues (and optionally eigenvectors) of a symmetric tridiagonal matrix by the
 * implicit QL algorithm with Wilkinson-type shifts (EISPACK tql1/tql2 as in JAMA), plus
 * inverse iteration for a few selected eigenvectors.
 */
import { hypot } from './vec.ts';
import { Rng, STREAMS } from '../rng.ts';

const EPS = 2.220446049250313e-16; // 2^-52
const MAX_SWEEPS = 60;

/**
 * In-place QL on (d, e): d becomes the eigenvalues ascending. e has length >= n-1 with
 * e[i] = T[i][i+1]; it is destroyed. If Z (n x n, row-major) is given, its ROWS are rotated:
 * on input Z = Q^T (rows = basis vectors, identity for T itself), on output row j is the
 * eigenvector of eigenvalue d[j] (rows sorted with d).
 */
export function tql(d: Float64Array, eIn: Float64Array, n: number, Z?: Float64Array, zn = n): void {
  if (n === 0) return;
  const e = new Float64Array(n);
  for (let i = 0; i < n - 1; i++) e[i] = eIn[i];
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n) {
      if (Math.abs(e[m]) <= EPS * tst1) break;
      m++;
    }
    if (m === n) m = n - 1;
    if (m > l) {
      let iter = 0;
      do {
        if (++iter > MAX_SWEEPS) throw new Error('tql: no convergence');
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        p = d[m];
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          if (Z) {
            // rows i and i+1 of Z
            const ri = i * zn;
            const ri1 = ri + zn;
            for (let k = 0; k < zn; k++) {
              const zi1 = Z[ri1 + k];
              const zi = Z[ri + k];
              Z[ri1 + k] = s * zi + c * zi1;
              Z[ri + k] = c * zi - s * zi1;
            }
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > EPS * tst1);
    }
    d[l] += f;
    e[l] = 0;
  }
  // sort ascending (selection sort: O(n^2) compares, O(n) row swaps)
  const tmp = Z ? new Float64Array(zn) : null;
  for (let i = 0; i < n - 1; i++) {
    let k = i;
    let p = d[i];
    for (let j = i + 1; j < n; j++) {
      if (d[j] < p) {
        k = j;
        p = d[j];
      }
    }
    if (k !== i) {
      d[k] = d[i];
      d[i] = p;
      if (Z && tmp) {
        tmp.set(Z.subarray(i * zn, i * zn + zn));
        Z.copyWithin(i * zn, k * zn, k * zn + zn);
        Z.set(tmp, k * zn);
      }
    }
  }
}

/** Eigenvalues of the tridiagonal (d, e), ascending; inputs untouched. */
export function tridiagEigenvalues(d: Float64Array, e: Float64Array): Float64Array {
  const n = d.length;
  const w = Float64Array.from(d);
  tql(w, e, n);
  return w;
}

/**
 * Eigenvectors of the tridiagonal (d, e) for the given eigenvalues (from tql), by inverse
 * iteration with partial pivoting (LAPACK dstein-style): eigenvalues closer than 1e-3 ||T||
 * form a cluster whose vectors are orthogonalised against each other. Returns
 * lambdas.length unit vectors, row-major.
 */
export function tridiagEigenvectors(d: Float64Array, e: Float64Array, lambdas: ArrayLike<number>): Float64Array {
  const n = d.length;
  const nv = lambdas.length;
  const Zout = new Float64Array(nv * n);
  let tnorm = 0;
  for (let i = 0; i < n; i++) {
    const row = Math.abs(d[i]) + (i > 0 ? Math.abs(e[i - 1]) : 0) + (i < n - 1 ? Math.abs(e[i]) : 0);
    tnorm = Math.max(tnorm, row);
  }
  if (tnorm === 0) tnorm = 1;
  const ortol = 1e-3 * tnorm;
  const pivmin = EPS * tnorm;
  // LU of T - lambda I with partial pivoting: U has 3 diagonals (u0, u1, u2), multipliers ml, pivots piv
  const u0 = new Float64Array(n);
  const u1 = new Float64Array(n);
  const u2 = new Float64Array(n);
  const ml = new Float64Array(n);
  const piv = new Uint8Array(n);
  const x = new Float64Array(n);
  const rng = new Rng(0, STREAMS.lanczos);
  // order of processing: by eigenvalue, so clusters are consecutive
  const order = Array.from({ length: nv }, (_, i) => i).sort((i, j) => lambdas[i] - lambdas[j]);
  for (let oi = 0; oi < nv; oi++) {
    const idx = order[oi];
    const lam = lambdas[idx];
    // factor
    for (let i = 0; i < n; i++) {
      u0[i] = d[i] - lam;
      u1[i] = i < n - 1 ? e[i] : 0;
      u2[i] = 0;
    }
    let sub = n > 1 ? e[0] : 0;
    for (let i = 0; i < n - 1; i++) {
      // rows i (u0[i], u1[i], u2[i]) and i+1 (sub, d[i+1]-lam, e[i+1])
      const diagNext = u0[i + 1];
      const supNext = u1[i + 1];
      if (Math.abs(u0[i]) >= Math.abs(sub)) {
        piv[i] = 0;
        if (u0[i] === 0) u0[i] = pivmin;
        const m = sub / u0[i];
        ml[i] = m;
        u0[i + 1] = diagNext - m * u1[i];
        u1[i + 1] = supNext - m * u2[i];
      } else {
        piv[i] = 1;
        const m = u0[i] / sub;
        ml[i] = m;
        // swap rows: new row i = (sub, diagNext, supNext)
        const a1 = u1[i];
        const a2 = u2[i];
        u0[i] = sub;
        u1[i] = diagNext;
        u2[i] = supNext;
        u0[i + 1] = a1 - m * diagNext;
        u1[i + 1] = a2 - m * supNext;
      }
      u2[i + 1] = 0;
      sub = i + 2 < n ? e[i + 1] : 0;
      if (i + 1 === n - 1 && u0[n - 1] === 0) u0[n - 1] = pivmin;
    }
    if (n === 1 && u0[0] === 0) u0[0] = pivmin;
    for (let i = 0; i < n; i++) if (Math.abs(u0[i]) < pivmin) u0[i] = u0[i] < 0 ? -pivmin : pivmin;
    // start vector
    for (let i = 0; i < n; i++) x[i] = rng.uniform() - 0.5;
    // lambda is accurate to O(eps ||T||), so each solve amplifies the wanted direction by
    // ~1/eps; three solves (with cluster orthogonalisation in between) are ample.
    for (let it = 0; it < 3; it++) {
      // forward: apply L^-1 (with the row interchanges)
      for (let i = 0; i < n - 1; i++) {
        if (piv[i] === 0) {
          x[i + 1] -= ml[i] * x[i];
        } else {
          const t = x[i];
          x[i] = x[i + 1];
          x[i + 1] = t - ml[i] * x[i];
        }
      }
      // backward: U^-1
      for (let i = n - 1; i >= 0; i--) {
        let s = x[i];
        if (i + 1 < n) s -= u1[i] * x[i + 1];
        if (i + 2 < n) s -= u2[i] * x[i + 2];
        x[i] = s / u0[i];
      }
      // rescale first (the solve can overflow-grow), then orthogonalise within the cluster
      let mx = 0;
      for (let i = 0; i < n; i++) mx = Math.max(mx, Math.abs(x[i]));
      for (let i = 0; i < n; i++) x[i] /= mx;
      for (let oj = oi - 1; oj >= 0; oj--) {
        const jdx = order[oj];
        if (Math.abs(lambdas[jdx] - lam) > ortol) break;
        const zo = jdx * n;
        let s = 0;
        for (let i = 0; i < n; i++) s += x[i] * Zout[zo + i];
        for (let i = 0; i < n; i++) x[i] -= s * Zout[zo + i];
      }
      let s = 0;
      for (let i = 0; i < n; i++) s += x[i] * x[i];
      const nr = Math.sqrt(s);
      for (let i = 0; i < n; i++) x[i] /= nr;
    }
    Zout.set(x, idx * n);
  }
  return Zout;
}
