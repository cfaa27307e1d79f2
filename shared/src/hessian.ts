/**
 * Hessian of the loss at initialization (MODEL.md section 2), dense and matrix-free.
 *
 * H = sum_mu (x x^T / N) (x) D^mu, D^mu = c_mu I_p + b_mu lam lam^T with
 *   c_mu = (2/p)(yhat - y)/(a + y),  b_mu = (4/p^2)/(a + y).
 * Index layout: (k, i) -> k N + i (block k = student row k), as in the gradient.
 *
 * Spherical (Riemannian on the product of spheres |w_k|^2 = N): on tangent vectors,
 *   Hess[v]_k = P_k (H v)_k - mu_k v_k,  P_k = I - w_k w_k^T / N,  mu_k = (w_k . grad_k L) / N.
 * Its matrix lives on the p(N-1)-dimensional tangent space. We use, per block, the
 * Householder reflector P_k^H = I - beta v v^T mapping w_k to a multiple of e_0: its columns
 * 1..N-1 are an orthonormal basis of the tangent space ("tangent coordinates"), so the dense
 * matrix and the reduced operator have exactly p(N-1) eigenvalues, none spurious.
 */
import type { Instance } from './model.ts';
import { X_SCALE, gradient } from './model.ts';
import type { LinearOperator } from './linalg/operator.ts';

export interface SampleWeights {
  c: Float64Array;
  b: Float64Array;
}

export function sampleWeights(inst: Instance, a: number): SampleWeights {
  const { M, p, y, yhat } = inst;
  const c = new Float64Array(M);
  const b = new Float64Array(M);
  for (let mu = 0; mu < M; mu++) {
    const den = a + y[mu];
    c[mu] = ((2 / p) * (yhat[mu] - y[mu])) / den;
    b[mu] = 4 / (p * p) / den;
  }
  return { c, b };
}

/** mu_k = (w_k . grad_k L) / N, the finite-N Lagrange shift of the spherical Hessian. */
export function sphericalShifts(inst: Instance, a: number): Float64Array {
  const { N, p, W } = inst;
  const g = gradient(inst, a);
  const mu = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    let s = 0;
    for (let i = 0; i < N; i++) s += W[k * N + i] * g[k * N + i];
    mu[k] = s / N;
  }
  return mu;
}

// ---------------------------------------------------------------------------------------
// Dense Euclidean Hessian

/** Rows of X per chunk in the dense build: the transposed chunk (N x CHUNK doubles) stays in cache. */
const CHUNK = 128;

/**
 * Dense Euclidean Hessian, n x n row-major (n = pN). Block (k, k') is the symmetric matrix
 * (1/N) X^T diag(d_kk') X with d_kk' = c delta_kk' + b lam_k lam_k'; only the upper triangle of
 * each of the p(p+1)/2 distinct blocks is computed (register tiles over a transposed,
 * weighted chunk of X), then mirrored.
 */
export function denseHessian(inst: Instance, a: number, onProgress?: (done: number, total: number) => void): Float64Array {
  const { N, p, M, X, lam } = inst;
  const n = p * N;
  const H = new Float64Array(n * n);
  const { c, b } = sampleWeights(inst, a);
  const B = Math.min(CHUNK, M);
  const XT = new Float64Array(N * B); // XT[i*B + m] = X[mu0 + m][i]
  const Z = new Float64Array(N * B); // weighted copy
  const d = new Float64Array(B);
  for (let mu0 = 0; mu0 < M; mu0 += B) {
    const nb = Math.min(B, M - mu0);
    for (let m = 0; m < nb; m++) {
      const off = (mu0 + m) * N;
      for (let i = 0; i < N; i++) XT[i * B + m] = X[off + i] * X_SCALE;
    }
    for (let m = nb; m < B; m++) for (let i = 0; i < N; i++) XT[i * B + m] = 0;
    for (let k = 0; k < p; k++) {
      for (let k2 = k; k2 < p; k2++) {
        for (let m = 0; m < nb; m++) {
          const mu = mu0 + m;
          d[m] = b[mu] * lam[mu * p + k] * lam[mu * p + k2] + (k === k2 ? c[mu] : 0);
        }
        for (let m = nb; m < B; m++) d[m] = 0;
        for (let i = 0; i < N; i++) {
          const io = i * B;
          for (let m = 0; m < B; m++) Z[io + m] = XT[io + m] * d[m];
        }
        gramUpperAccumulate(XT, Z, N, B, H, n, k * N, k2 * N);
      }
    }
    onProgress?.(mu0 + nb, M);
  }
  // scale by 1/N and mirror: block (k,k') upper triangle -> full block and its transpose
  const invN = 1 / N;
  for (let k = 0; k < p; k++) {
    for (let k2 = k; k2 < p; k2++) {
      const r0 = k * N;
      const c0 = k2 * N;
      for (let i = 0; i < N; i++) {
        for (let j = i; j < N; j++) {
          const v = H[(r0 + i) * n + c0 + j] * invN;
          H[(r0 + i) * n + c0 + j] = v;
          H[(r0 + j) * n + c0 + i] = v;
          H[(c0 + i) * n + r0 + j] = v;
          H[(c0 + j) * n + r0 + i] = v;
        }
      }
    }
  }
  return H;
}

/**
 * H[r0+i][c0+j] += sum_m A[i][m] Z[j][m] for j >= i (tiles may also touch j = i-1, which is
 * overwritten by the mirror step). A, Z: N x B row-major. 4 x 4 register tiles (8 loads per
 * 16 multiply-adds), then 2 x 4 for the last rows.
 */
function gramUpperAccumulate(
  A: Float64Array, Z: Float64Array, N: number, B: number,
  H: Float64Array, n: number, r0: number, c0: number,
): void {
  let i = 0;
  // 4 x 4 tiles: 8 loads per 16 multiply-adds
  for (; i + 3 < N; i += 4) {
    const a0 = i * B, a1 = a0 + B, a2 = a1 + B, a3 = a2 + B;
    const h0 = (r0 + i) * n + c0, h1 = h0 + n, h2 = h1 + n, h3 = h2 + n;
    let j = i;
    for (; j + 3 < N; j += 4) {
      const z0 = j * B, z1 = z0 + B, z2 = z1 + B, z3 = z2 + B;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let m = 0; m < B; m++) {
        const x0 = A[a0 + m], x1 = A[a1 + m], x2 = A[a2 + m], x3 = A[a3 + m];
        let y = Z[z0 + m];
        s00 += x0 * y; s10 += x1 * y; s20 += x2 * y; s30 += x3 * y;
        y = Z[z1 + m];
        s01 += x0 * y; s11 += x1 * y; s21 += x2 * y; s31 += x3 * y;
        y = Z[z2 + m];
        s02 += x0 * y; s12 += x1 * y; s22 += x2 * y; s32 += x3 * y;
        y = Z[z3 + m];
        s03 += x0 * y; s13 += x1 * y; s23 += x2 * y; s33 += x3 * y;
      }
      H[h0 + j] += s00; H[h0 + j + 1] += s01; H[h0 + j + 2] += s02; H[h0 + j + 3] += s03;
      H[h1 + j] += s10; H[h1 + j + 1] += s11; H[h1 + j + 2] += s12; H[h1 + j + 3] += s13;
      H[h2 + j] += s20; H[h2 + j + 1] += s21; H[h2 + j + 2] += s22; H[h2 + j + 3] += s23;
      H[h3 + j] += s30; H[h3 + j + 1] += s31; H[h3 + j + 2] += s32; H[h3 + j + 3] += s33;
    }
    for (; j < N; j++) {
      const z0 = j * B;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let m = 0; m < B; m++) {
        const y0 = Z[z0 + m];
        s0 += A[a0 + m] * y0;
        s1 += A[a1 + m] * y0;
        s2 += A[a2 + m] * y0;
        s3 += A[a3 + m] * y0;
      }
      H[h0 + j] += s0;
      H[h1 + j] += s1;
      H[h2 + j] += s2;
      H[h3 + j] += s3;
    }
  }
  for (; i + 1 < N; i += 2) {
    const a0 = i * B;
    const a1 = a0 + B;
    const h0 = (r0 + i) * n + c0;
    const h1 = h0 + n;
    let j = i;
    for (; j + 3 < N; j += 4) {
      const z0 = j * B;
      const z1 = z0 + B;
      const z2 = z1 + B;
      const z3 = z2 + B;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      for (let m = 0; m < B; m++) {
        const x0 = A[a0 + m];
        const x1 = A[a1 + m];
        let y = Z[z0 + m];
        s00 += x0 * y;
        s10 += x1 * y;
        y = Z[z1 + m];
        s01 += x0 * y;
        s11 += x1 * y;
        y = Z[z2 + m];
        s02 += x0 * y;
        s12 += x1 * y;
        y = Z[z3 + m];
        s03 += x0 * y;
        s13 += x1 * y;
      }
      H[h0 + j] += s00;
      H[h0 + j + 1] += s01;
      H[h0 + j + 2] += s02;
      H[h0 + j + 3] += s03;
      H[h1 + j] += s10;
      H[h1 + j + 1] += s11;
      H[h1 + j + 2] += s12;
      H[h1 + j + 3] += s13;
    }
    for (; j < N; j++) {
      const z0 = j * B;
      let s0 = 0, s1 = 0;
      for (let m = 0; m < B; m++) {
        const y0 = Z[z0 + m];
        s0 += A[a0 + m] * y0;
        s1 += A[a1 + m] * y0;
      }
      H[h0 + j] += s0;
      H[h1 + j] += s1;
    }
  }
  if (i < N) {
    const a0 = i * B;
    const h0 = (r0 + i) * n + c0;
    let s = 0;
    for (let m = 0; m < B; m++) s += A[a0 + m] * Z[a0 + m];
    H[h0 + i] += s;
  }
}

// ---------------------------------------------------------------------------------------
// Tangent-space coordinates (Householder basis per block)

export interface TangentBasis {
  N: number;
  p: number;
  /** Householder vectors, p x N: P_k = I - beta_k v_k v_k^T, P_k w_k = -sign(w_k0) |w_k| e_0 */
  V: Float64Array;
  beta: Float64Array;
}

export function tangentBasis(W: Float64Array, p: number, N: number): TangentBasis {
  const V = new Float64Array(p * N);
  const beta = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    const o = k * N;
    let s = 0;
    for (let i = 0; i < N; i++) s += W[o + i] * W[o + i];
    const nw = Math.sqrt(s);
    for (let i = 0; i < N; i++) V[o + i] = W[o + i];
    V[o] += W[o] >= 0 ? nw : -nw;
    let vv = 0;
    for (let i = 0; i < N; i++) vv += V[o + i] * V[o + i];
    beta[k] = 2 / vv;
  }
  return { N, p, V, beta };
}

/** Tangent coordinates z (p(N-1)) -> ambient vector x (pN): x_k = P_k [0; z_k]. */
export function embedTangent(T: TangentBasis, z: Float64Array, x: Float64Array, zo = 0, xo = 0): void {
  const { N, p, V, beta } = T;
  const n1 = N - 1;
  for (let k = 0; k < p; k++) {
    const vo = k * N;
    const xk = xo + k * N;
    const zk = zo + k * n1;
    let s = 0;
    for (let i = 1; i < N; i++) s += V[vo + i] * z[zk + i - 1];
    s *= beta[k];
    x[xk] = -s * V[vo];
    for (let i = 1; i < N; i++) x[xk + i] = z[zk + i - 1] - s * V[vo + i];
  }
}

/** Ambient x (pN) -> tangent coordinates z (p(N-1)): z_k = (P_k x_k)[1:] (drops the normal part). */
export function restrictTangent(T: TangentBasis, x: Float64Array, z: Float64Array, xo = 0, zo = 0): void {
  const { N, p, V, beta } = T;
  const n1 = N - 1;
  for (let k = 0; k < p; k++) {
    const vo = k * N;
    const xk = xo + k * N;
    const zk = zo + k * n1;
    let s = 0;
    for (let i = 0; i < N; i++) s += V[vo + i] * x[xk + i];
    s *= beta[k];
    for (let i = 1; i < N; i++) z[zk + i - 1] = x[xk + i] - s * V[vo + i];
  }
}

/**
 * Dense spherical Hessian in tangent coordinates: m x m, m = p(N-1),
 * Q^T H Q - diag(mu_k), Q = blockdiag(columns 1..N-1 of P_k).
 */
export function denseSphericalHessian(
  inst: Instance, a: number, onProgress?: (done: number, total: number) => void,
): { H: Float64Array; dimension: number; basis: TangentBasis; shifts: Float64Array } {
  const { N, p } = inst;
  const n = p * N;
  const H = denseHessian(inst, a, onProgress);
  const T = tangentBasis(inst.W, p, N);
  const mu = sphericalShifts(inst, a);
  const r = new Float64Array(n);
  // left: rows of block k <- P_k rows
  for (let k = 0; k < p; k++) {
    const vo = k * N;
    const bk = T.beta[k];
    r.fill(0);
    for (let i = 0; i < N; i++) {
      const vi = T.V[vo + i];
      if (vi === 0) continue;
      const ro = (k * N + i) * n;
      for (let j = 0; j < n; j++) r[j] += vi * H[ro + j];
    }
    for (let i = 0; i < N; i++) {
      const f = bk * T.V[vo + i];
      if (f === 0) continue;
      const ro = (k * N + i) * n;
      for (let j = 0; j < n; j++) H[ro + j] -= f * r[j];
    }
  }
  // right: each row, block columns <- P_k
  for (let row = 0; row < n; row++) {
    const ro = row * n;
    for (let k = 0; k < p; k++) {
      const vo = k * N;
      const co = ro + k * N;
      let s = 0;
      for (let j = 0; j < N; j++) s += H[co + j] * T.V[vo + j];
      s *= T.beta[k];
      for (let j = 0; j < N; j++) H[co + j] -= s * T.V[vo + j];
    }
  }
  // compress: drop index 0 of every block, subtract mu_k on the diagonal
  const m = p * (N - 1);
  const out = new Float64Array(m * m);
  for (let k = 0; k < p; k++) {
    for (let i = 1; i < N; i++) {
      const src = (k * N + i) * n;
      const dst = (k * (N - 1) + i - 1) * m;
      for (let k2 = 0; k2 < p; k2++) {
        const s0 = src + k2 * N + 1;
        const d0 = dst + k2 * (N - 1);
        for (let j = 0; j < N - 1; j++) out[d0 + j] = H[s0 + j];
      }
      out[dst + k * (N - 1) + i - 1] -= mu[k];
    }
  }
  // exact symmetry (the two-sided transform is symmetric only up to rounding)
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const v = 0.5 * (out[i * m + j] + out[j * m + i]);
      out[i * m + j] = v;
      out[j * m + i] = v;
    }
  }
  return { H: out, dimension: m, basis: T, shifts: mu };
}

// ---------------------------------------------------------------------------------------
// Matrix-free operators

/** Samples per tile of the matrix-free product (8 rows of X reused from registers/L1). */
const TILE = 8;

/**
 * Euclidean Hessian operator (dimension pN): H V = (1/N) X^T (per-sample p x p weights) X V,
 * two passes over each tile of TILE samples while its rows are in L1:
 *   s_{a,r} = x_a . V_r for the R = nvec p slices V_r (length N) of the block,
 *   t_{a,(j,k)} = (c s_{a,(j,k)} + b lam_k (lam . s_{a,j})) / N,   out_r += sum_a t_{a,r} x_a.
 * Register tiles of 8 samples x 2 slices: 10 loads per 16 multiply-adds in the dot products
 * and 10 loads + 2 stores per 16 in the update (the old per-sample loops needed 3 per 2),
 * measured ~2x faster in V8 (~1.8 GFMA/s vs 0.9 on one core). Cost 2 p M N per vector.
 */
export function hessianOperator(inst: Instance, a: number): LinearOperator {
  const { N, p, M, X, lam } = inst;
  const n = p * N;
  const { c, b } = sampleWeights(inst, a);
  // The kernels take the Int16 codes q; both sums carry one X_SCALE, applied here (exact).
  const weightScale = (X_SCALE * X_SCALE) / N;
  let S = new Float64Array(TILE * p);
  return {
    dimension: n,
    apply(V: Float64Array, out: Float64Array, nvec: number) {
      const R = nvec * p; // length-N slices, slice r at r N (vector j = r / p, block k = r % p)
      if (S.length < TILE * R) S = new Float64Array(TILE * R);
      out.fill(0, 0, nvec * n);
      const full = M - (M % TILE);
      for (let mu = 0; mu < M; mu += TILE) {
        const nt = mu < full ? TILE : M - mu;
        const o = mu * N;
        // dot products
        if (nt === TILE) {
          let r = 0;
          for (; r + 1 < R; r += 2) tileDots2(X, o, N, V, r * N, r * N + N, S, R, r);
          if (r < R) tileDots1(X, o, N, V, r * N, S, R, r);
        } else {
          for (let t = 0; t < nt; t++) for (let r = 0; r < R; r++) S[t * R + r] = rowDot(X, o + t * N, V, r * N, N);
        }
        // weights
        for (let t = 0; t < nt; t++) {
          const m = mu + t;
          const cm = c[m] * weightScale;
          const bm = b[m] * weightScale;
          const lo = m * p;
          for (let j = 0; j < nvec; j++) {
            const so = t * R + j * p;
            let ls = 0;
            for (let k = 0; k < p; k++) ls += lam[lo + k] * S[so + k];
            ls *= bm;
            for (let k = 0; k < p; k++) S[so + k] = cm * S[so + k] + ls * lam[lo + k];
          }
        }
        // rank-nt update of the output slices
        if (nt === TILE) {
          let r = 0;
          for (; r + 1 < R; r += 2) tileAxpy2(X, o, N, S, R, r, out, r * N, r * N + N);
          if (r < R) tileAxpy1(X, o, N, S, R, r, out, r * N);
        } else {
          for (let t = 0; t < nt; t++) {
            const xo = o + t * N;
            for (let r = 0; r < R; r++) {
              const tr = S[t * R + r];
              const wo = r * N;
              for (let i = 0; i < N; i++) out[wo + i] += tr * X[xo + i];
            }
          }
        }
      }
    },
  };
}

/** vec.dot for an Int16 data row: a separate copy keeps the matvec's loads monomorphic. */
function rowDot(X: Int16Array, xo: number, V: Float64Array, vo: number, N: number): number {
  let s0 = 0, s1 = 0;
  let i = 0;
  for (; i + 1 < N; i += 2) {
    s0 += X[xo + i] * V[vo + i];
    s1 += X[xo + i + 1] * V[vo + i + 1];
  }
  if (i < N) s0 += X[xo + i] * V[vo + i];
  return s0 + s1;
}

// Generated-style straight-line kernels (8 samples x 2 or 1 slices): V8 keeps the
// accumulators in registers only when they are plain locals.
function tileDots2(X: Int16Array, o: number, N: number, V: Float64Array, v0: number, v1: number, S: Float64Array, R: number, r: number): void {
  const o0 = o; const o1 = o0 + N; const o2 = o1 + N; const o3 = o2 + N; const o4 = o3 + N; const o5 = o4 + N; const o6 = o5 + N; const o7 = o6 + N;
  let s00 = 0, s01 = 0, s10 = 0, s11 = 0, s20 = 0, s21 = 0, s30 = 0, s31 = 0, s40 = 0, s41 = 0, s50 = 0, s51 = 0, s60 = 0, s61 = 0, s70 = 0, s71 = 0;
  for (let i = 0; i < N; i++) {
    const u0 = V[v0 + i]; const u1 = V[v1 + i];
    const x0 = X[o0 + i]; s00 += x0 * u0; s01 += x0 * u1;
    const x1 = X[o1 + i]; s10 += x1 * u0; s11 += x1 * u1;
    const x2 = X[o2 + i]; s20 += x2 * u0; s21 += x2 * u1;
    const x3 = X[o3 + i]; s30 += x3 * u0; s31 += x3 * u1;
    const x4 = X[o4 + i]; s40 += x4 * u0; s41 += x4 * u1;
    const x5 = X[o5 + i]; s50 += x5 * u0; s51 += x5 * u1;
    const x6 = X[o6 + i]; s60 += x6 * u0; s61 += x6 * u1;
    const x7 = X[o7 + i]; s70 += x7 * u0; s71 += x7 * u1;
  }
  S[0 * R + r] = s00; S[0 * R + r + 1] = s01;
  S[1 * R + r] = s10; S[1 * R + r + 1] = s11;
  S[2 * R + r] = s20; S[2 * R + r + 1] = s21;
  S[3 * R + r] = s30; S[3 * R + r + 1] = s31;
  S[4 * R + r] = s40; S[4 * R + r + 1] = s41;
  S[5 * R + r] = s50; S[5 * R + r + 1] = s51;
  S[6 * R + r] = s60; S[6 * R + r + 1] = s61;
  S[7 * R + r] = s70; S[7 * R + r + 1] = s71;
}

function tileDots1(X: Int16Array, o: number, N: number, V: Float64Array, v0: number, S: Float64Array, R: number, r: number): void {
  const o0 = o; const o1 = o0 + N; const o2 = o1 + N; const o3 = o2 + N; const o4 = o3 + N; const o5 = o4 + N; const o6 = o5 + N; const o7 = o6 + N;
  let s00 = 0, s10 = 0, s20 = 0, s30 = 0, s40 = 0, s50 = 0, s60 = 0, s70 = 0;
  for (let i = 0; i < N; i++) {
    const u0 = V[v0 + i];
    const x0 = X[o0 + i]; s00 += x0 * u0;
    const x1 = X[o1 + i]; s10 += x1 * u0;
    const x2 = X[o2 + i]; s20 += x2 * u0;
    const x3 = X[o3 + i]; s30 += x3 * u0;
    const x4 = X[o4 + i]; s40 += x4 * u0;
    const x5 = X[o5 + i]; s50 += x5 * u0;
    const x6 = X[o6 + i]; s60 += x6 * u0;
    const x7 = X[o7 + i]; s70 += x7 * u0;
  }
  S[0 * R + r] = s00;
  S[1 * R + r] = s10;
  S[2 * R + r] = s20;
  S[3 * R + r] = s30;
  S[4 * R + r] = s40;
  S[5 * R + r] = s50;
  S[6 * R + r] = s60;
  S[7 * R + r] = s70;
}

function tileAxpy2(X: Int16Array, o: number, N: number, S: Float64Array, R: number, r: number, out: Float64Array, w0: number, w1: number): void {
  const o0 = o; const o1 = o0 + N; const o2 = o1 + N; const o3 = o2 + N; const o4 = o3 + N; const o5 = o4 + N; const o6 = o5 + N; const o7 = o6 + N;
  const t00 = S[0 * R + r], t01 = S[0 * R + r + 1], t10 = S[1 * R + r], t11 = S[1 * R + r + 1], t20 = S[2 * R + r], t21 = S[2 * R + r + 1], t30 = S[3 * R + r], t31 = S[3 * R + r + 1], t40 = S[4 * R + r], t41 = S[4 * R + r + 1], t50 = S[5 * R + r], t51 = S[5 * R + r + 1], t60 = S[6 * R + r], t61 = S[6 * R + r + 1], t70 = S[7 * R + r], t71 = S[7 * R + r + 1];
  for (let i = 0; i < N; i++) {
    const x0 = X[o0 + i]; const x1 = X[o1 + i]; const x2 = X[o2 + i]; const x3 = X[o3 + i]; const x4 = X[o4 + i]; const x5 = X[o5 + i]; const x6 = X[o6 + i]; const x7 = X[o7 + i];
    out[w0 + i] += (t00 * x0 + t10 * x1 + t20 * x2 + t30 * x3) + (t40 * x4 + t50 * x5 + t60 * x6 + t70 * x7);
    out[w1 + i] += (t01 * x0 + t11 * x1 + t21 * x2 + t31 * x3) + (t41 * x4 + t51 * x5 + t61 * x6 + t71 * x7);
  }
}

function tileAxpy1(X: Int16Array, o: number, N: number, S: Float64Array, R: number, r: number, out: Float64Array, w0: number): void {
  const o0 = o; const o1 = o0 + N; const o2 = o1 + N; const o3 = o2 + N; const o4 = o3 + N; const o5 = o4 + N; const o6 = o5 + N; const o7 = o6 + N;
  const t00 = S[0 * R + r], t10 = S[1 * R + r], t20 = S[2 * R + r], t30 = S[3 * R + r], t40 = S[4 * R + r], t50 = S[5 * R + r], t60 = S[6 * R + r], t70 = S[7 * R + r];
  for (let i = 0; i < N; i++) {
    const x0 = X[o0 + i]; const x1 = X[o1 + i]; const x2 = X[o2 + i]; const x3 = X[o3 + i]; const x4 = X[o4 + i]; const x5 = X[o5 + i]; const x6 = X[o6 + i]; const x7 = X[o7 + i];
    out[w0 + i] += (t00 * x0 + t10 * x1 + t20 * x2 + t30 * x3) + (t40 * x4 + t50 * x5 + t60 * x6 + t70 * x7);
  }
}

/**
 * Spherical Hessian in ambient coordinates (vectors of length pN): projects the input on the
 * tangent space, applies H, projects the output and subtracts mu_k times the projected input.
 * Maps everything into the tangent space; the p normal directions are in its kernel, so use
 * `tangentOperator` for eigenvalues (no spurious zeros).
 */
export function sphericalOperatorAmbient(inst: Instance, a: number): LinearOperator {
  const { N, p, W } = inst;
  const n = p * N;
  const H = hessianOperator(inst, a);
  const mu = sphericalShifts(inst, a);
  let P = new Float64Array(n);
  const project = (x: Float64Array, o: number) => {
    for (let k = 0; k < p; k++) {
      const wo = k * N;
      const xo = o + k * N;
      let s = 0;
      for (let i = 0; i < N; i++) s += W[wo + i] * x[xo + i];
      s /= N;
      for (let i = 0; i < N; i++) x[xo + i] -= s * W[wo + i];
    }
  };
  return {
    dimension: n,
    apply(V, out, nvec) {
      if (P.length < nvec * n) P = new Float64Array(nvec * n);
      P.set(V.subarray(0, nvec * n));
      for (let j = 0; j < nvec; j++) project(P, j * n);
      H.apply(P, out, nvec);
      for (let j = 0; j < nvec; j++) {
        project(out, j * n);
        for (let k = 0; k < p; k++) {
          const o = j * n + k * N;
          const m = mu[k];
          for (let i = 0; i < N; i++) out[o + i] -= m * P[o + i];
        }
      }
    },
  };
}

/** Spherical Hessian as an operator on tangent coordinates (dimension p(N-1)). */
export function tangentOperator(inst: Instance, a: number, basis?: TangentBasis): LinearOperator & { basis: TangentBasis } {
  const { N, p } = inst;
  const n = p * N;
  const m = p * (N - 1);
  const T = basis ?? tangentBasis(inst.W, p, N);
  const amb = sphericalOperatorAmbient(inst, a);
  let X = new Float64Array(n);
  let Y = new Float64Array(n);
  return {
    dimension: m,
    basis: T,
    apply(V, out, nvec) {
      if (X.length < nvec * n) {
        X = new Float64Array(nvec * n);
        Y = new Float64Array(nvec * n);
      }
      for (let j = 0; j < nvec; j++) embedTangent(T, V, X, j * m, j * n);
      amb.apply(X, Y, nvec);
      for (let j = 0; j < nvec; j++) restrictTangent(T, Y, out, j * n, j * m);
    },
  };
}
