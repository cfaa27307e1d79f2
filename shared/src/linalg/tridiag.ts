/**
 * Householder reduction of a dense symmetric matrix to tridiagonal form, A = Q T Q^T.
 *
 * Uses the lower triangle of a row-major n x n Float64Array (the upper one is ignored and
 * left untouched), overwriting it (LAPACK dsytd2 'L' conventions):
 *   H_k = I - tau_k v_k v_k^T, v_k[0..k] = 0, v_k[k+1] = 1, v_k[k+2..] stored in A[i][k];
 *   Q = H_0 H_1 ... H_{n-3}.
 * Each step needs the trailing matrix times v_k and a rank-2 update A -= v w^T + w v^T.
 * Both are fused in a single sweep over the contiguous lower rows: the update of step k-1
 * is applied row by row while the symmetric product with v_k is accumulated, so the
 * trailing matrix is streamed once per step instead of twice (memory-bound otherwise).
 */
import { hypot, norm } from './vec.ts';

export interface Tridiagonal {
  n: number;
  /** diagonal, length n */
  d: Float64Array;
  /** off-diagonal T[i][i+1], length max(n-1, 0) */
  e: Float64Array;
}

export interface TridiagonalReduction extends Tridiagonal {
  /** the overwritten input: Householder vectors below the subdiagonal */
  A: Float64Array;
  tau: Float64Array;
}

export function tridiagonalize(A: Float64Array, n: number, onStep?: (k: number, n: number) => void): TridiagonalReduction {
  const d = new Float64Array(n);
  const e = new Float64Array(Math.max(n - 1, 0));
  const tau = new Float64Array(Math.max(n - 1, 0));
  if (n === 1) d[0] = A[0];
  if (n <= 1) return { n, d, e, A, tau };
  let v = new Float64Array(n);
  let w = new Float64Array(n);
  let vP = new Float64Array(n); // previous step's v, w
  let wP = new Float64Array(n);
  const p = new Float64Array(n);
  let hasPrev = false;
  for (let k = 0; k < n - 1; k++) {
    // bring column k (rows k..n-1) up to date with the previous update
    if (hasPrev) {
      const wk = wP[k];
      const vk = vP[k];
      for (let i = k; i < n; i++) A[i * n + k] -= vP[i] * wk + wP[i] * vk;
    }
    d[k] = A[k * n + k];
    if (k === n - 2) {
      e[k] = A[(n - 1) * n + k];
      const last = (n - 1) * n + n - 1;
      if (hasPrev) A[last] -= 2 * vP[n - 1] * wP[n - 1];
      d[n - 1] = A[last];
      break;
    }
    // Householder vector for x = A[k+1..n-1][k]
    const alpha = A[(k + 1) * n + k];
    const xnorm = norm(A, n - k - 2, (k + 2) * n + k, n);
    v.fill(0);
    v[k + 1] = 1;
    let t = 0;
    if (xnorm === 0) {
      e[k] = alpha;
    } else {
      const beta = alpha >= 0 ? -hypot(alpha, xnorm) : hypot(alpha, xnorm);
      t = (beta - alpha) / beta;
      const s = 1 / (alpha - beta);
      for (let i = k + 2; i < n; i++) {
        const x = A[i * n + k] * s;
        A[i * n + k] = x;
        v[i] = x;
      }
      e[k] = beta;
    }
    tau[k] = t;
    // fused sweep over rows k+1..n-1: apply previous update, accumulate p = A22 v
    p.fill(0, k + 1, n);
    const j0 = k + 1;
    if (hasPrev) {
      // Two rows per sweep: vP[j], wP[j], v[j], p[j] are loaded once for both rows (the
      // single-row sweep needed 10 loads + 4 stores per 8 multiply-adds, this 6 + 3).
      // Each row keeps its even/odd accumulators and p[j] gets row i's term before row
      // i+1's, exactly as in one row at a time: the result is bit-identical to it.
      let i = j0;
      for (; i + 1 < n; i += 2) {
        const r0 = i * n;
        const r1 = r0 + n;
        const vp0 = vP[i], wp0 = wP[i], v0 = v[i];
        const vp1 = vP[i + 1], wp1 = wP[i + 1], v1 = v[i + 1];
        let e0 = 0, o0 = 0, e1 = 0, o1 = 0;
        let j = j0;
        for (; j + 1 < i; j += 2) {
          const vpj = vP[j], wpj = wP[j], vj = v[j];
          const vpk = vP[j + 1], wpk = wP[j + 1], vk = v[j + 1];
          const a00 = A[r0 + j] - (vp0 * wpj + wp0 * vpj);
          const a01 = A[r0 + j + 1] - (vp0 * wpk + wp0 * vpk);
          const a10 = A[r1 + j] - (vp1 * wpj + wp1 * vpj);
          const a11 = A[r1 + j + 1] - (vp1 * wpk + wp1 * vpk);
          A[r0 + j] = a00;
          A[r0 + j + 1] = a01;
          A[r1 + j] = a10;
          A[r1 + j + 1] = a11;
          e0 += a00 * vj;
          o0 += a01 * vk;
          e1 += a10 * vj;
          o1 += a11 * vk;
          p[j] = p[j] + a00 * v0 + a10 * v1;
          p[j + 1] = p[j + 1] + a01 * v0 + a11 * v1;
        }
        let tail = 0; // row i+1's term for p[i], added after row i's own update of p[i]
        if (j < i) {
          // j = i - 1: row i's odd tail, row i+1's last pair (i - 1, i)
          const vpj = vP[j], wpj = wP[j], vj = v[j];
          const a00 = A[r0 + j] - (vp0 * wpj + wp0 * vpj);
          const a10 = A[r1 + j] - (vp1 * wpj + wp1 * vpj);
          const a11 = A[r1 + i] - (vp1 * wp0 + wp1 * vp0);
          A[r0 + j] = a00;
          A[r1 + j] = a10;
          A[r1 + i] = a11;
          e0 += a00 * vj;
          e1 += a10 * vj;
          o1 += a11 * v0;
          p[j] = p[j] + a00 * v0 + a10 * v1;
          tail = a11 * v1;
        } else {
          // j = i: row i+1's tail (i+1, i)
          const a10 = A[r1 + i] - (vp1 * wp0 + wp1 * vp0);
          A[r1 + i] = a10;
          e1 += a10 * v0;
          tail = a10 * v1;
        }
        const a00 = A[r0 + i] - 2 * vp0 * wp0;
        A[r0 + i] = a00;
        p[i] += e0 + o0 + a00 * v0;
        p[i] += tail;
        const a11 = A[r1 + i + 1] - 2 * vp1 * wp1;
        A[r1 + i + 1] = a11;
        p[i + 1] += e1 + o1 + a11 * v1;
      }
      if (i < n) {
        const ro = i * n;
        const vpi = vP[i];
        const wpi = wP[i];
        const vi = v[i];
        let acc0 = 0;
        let acc1 = 0;
        let j = j0;
        for (; j + 1 < i; j += 2) {
          const a0 = A[ro + j] - (vpi * wP[j] + wpi * vP[j]);
          const a1 = A[ro + j + 1] - (vpi * wP[j + 1] + wpi * vP[j + 1]);
          A[ro + j] = a0;
          A[ro + j + 1] = a1;
          acc0 += a0 * v[j];
          acc1 += a1 * v[j + 1];
          p[j] += a0 * vi;
          p[j + 1] += a1 * vi;
        }
        if (j < i) {
          const a0 = A[ro + j] - (vpi * wP[j] + wpi * vP[j]);
          A[ro + j] = a0;
          acc0 += a0 * v[j];
          p[j] += a0 * vi;
        }
        const a = A[ro + i] - 2 * vpi * wpi;
        A[ro + i] = a;
        p[i] += acc0 + acc1 + a * vi;
      }
    } else {
      for (let i = j0; i < n; i++) {
        const ro = i * n;
        const vi = v[i];
        let acc = 0;
        for (let j = j0; j < i; j++) {
          const a = A[ro + j];
          acc += a * v[j];
          p[j] += a * vi;
        }
        p[i] += acc + A[ro + i] * vi;
      }
    }
    // w = tau p - (tau^2/2)(p . v) v
    let pv = 0;
    for (let i = j0; i < n; i++) pv += p[i] * v[i];
    const h = 0.5 * t * t * pv;
    w.fill(0);
    for (let i = j0; i < n; i++) w[i] = t * p[i] - h * v[i];
    // rotate buffers: (v, w) become the pending update
    let tmp = vP;
    vP = v;
    v = tmp;
    tmp = wP;
    wP = w;
    w = tmp;
    hasPrev = t !== 0;
    if (onStep && (k & 63) === 0) onStep(k, n);
  }
  return { n, d, e, A, tau };
}

/**
 * x <- Q x for `nvec` vectors of length n stored contiguously (vector j at j*n).
 * Column k of the reflectors is copied once into a contiguous buffer.
 */
export function applyQ(red: TridiagonalReduction, X: Float64Array, nvec: number): void {
  const { n, A, tau } = red;
  const v = new Float64Array(n);
  for (let k = n - 3; k >= 0; k--) {
    const t = tau[k];
    if (t === 0) continue;
    v[k + 1] = 1;
    for (let i = k + 2; i < n; i++) v[i] = A[i * n + k];
    for (let j = 0; j < nvec; j++) {
      const o = j * n;
      let s = 0;
      for (let i = k + 1; i < n; i++) s += v[i] * X[o + i];
      s *= t;
      for (let i = k + 1; i < n; i++) X[o + i] -= s * v[i];
    }
  }
}
