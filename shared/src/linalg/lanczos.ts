/**
 * Thick-restart Lanczos (Wu & Simon 2000) with full reorthogonalisation for the kLow lowest
 * and kHigh highest eigenpairs of a symmetric operator known only through matvecs.
 *
 * - Basis vectors q_0..q_{m-1} (rows of Q) are kept orthonormal by two passes of classical
 *   Gram-Schmidt against the whole basis ("twice is enough"), so no ghost eigenvalues.
 * - Projected matrix T = Q^T A Q: tridiagonal until the first restart, then an arrowhead
 *   block (kept Ritz values + couplings beta * s_last) followed by a tridiagonal part.
 * - Every `checkEvery` steps the wanted Ritz pairs are computed; the residual of a Ritz pair
 *   (theta, Q s) is exactly |beta_m s_{m-1}|. When all wanted residuals are below
 *   tol * ||A||_est the Ritz vectors are formed and their residuals ||A y - theta y|| are
 *   checked with one explicit block matvec (these are what `residuals` reports).
 * - When the basis is full it is compressed to the ~half most wanted Ritz vectors plus the
 *   current residual direction (thick restart), which bounds memory at (maxBasis + 1) n.
 * Deterministic: the start vector comes from Rng(seed, 'lanczos').
 * Limitation (as for every single-vector Krylov method): an exactly multiple eigenvalue is
 * found once; random operators here have simple spectra.
 */
import type { LinearOperator } from './operator.ts';
import { Rng, STREAMS } from '../rng.ts';
import { tql, tridiagEigenvectors } from './tql.ts';
import { symmetricEigenExtremal } from './symeig.ts';

export interface LanczosOptions {
  kLow: number;
  kHigh: number;
  /** relative residual target: ||A y - theta y|| <= tol * ||A||_est (default 1e-9) */
  tol?: number;
  /**
   * basis size that triggers a thick restart. Default: as many vectors as fit in BASIS_BYTES
   * (6 MiB: 195 at n = 4000), at least max(60, 4 (kLow + kHigh) + 40), at most 400 and n.
   * Restarts cost matvecs on clustered ends: at N = 2000 (n = 4000, 8 lowest, tol 1e-9)
   * basis 72 needed 676 matvecs, 150 -> 628, 250 -> 602.
   */
  maxBasis?: number;
  /** matvec budget (default max(1000, 20 n^(1/2) (kLow+kHigh)) capped by 50 n) */
  maxMatvecs?: number;
  /** steps between convergence checks (default 10) */
  checkEvery?: number;
  seed?: number;
  onProgress?: (matvecs: number, maxMatvecs: number, stage: string) => void;
}

export interface EigenBlock {
  values: Float64Array;
  /** unit eigenvectors, row j contiguous */
  vectors: Float64Array;
  /** explicit ||A y - theta y|| */
  residuals: Float64Array;
}

export interface LanczosResult {
  /** kLow lowest, ascending */
  low: EigenBlock;
  /** kHigh highest, descending */
  high: EigenBlock;
  matvecs: number;
  restarts: number;
  converged: boolean;
  /** largest |Ritz value| seen: the scale of tol */
  normEstimate: number;
}

/** Memory for the Krylov basis under the default maxBasis (a Worker has 128 MB in all). */
const BASIS_BYTES = 6 * 1024 * 1024;

interface Ritz {
  values: Float64Array; // wanted + kept, arbitrary order
  S: Float64Array; // rows: eigenvectors of T (length m)
  lowIdx: number[]; // indices into values of the lowest, ascending
  highIdx: number[]; // of the highest, descending
  absMax: number;
}

export function lanczosExtremal(op: LinearOperator, opts: LanczosOptions): LanczosResult {
  const n = op.dimension;
  const kLow = Math.min(opts.kLow, n);
  const kHigh = Math.min(opts.kHigh, n - kLow); // the two ends must not overlap
  const want = kLow + kHigh;
  const tol = opts.tol ?? 1e-9;
  const defaultBasis = Math.min(400, Math.max(60, 4 * want + 40, Math.floor(BASIS_BYTES / (8 * n)) - 1));
  const maxBasis = Math.min(Math.max(opts.maxBasis ?? defaultBasis, 2 * want + 10), n);
  const maxMatvecs = opts.maxMatvecs ?? Math.min(Math.max(1000, Math.ceil(20 * Math.sqrt(n) * Math.max(want, 1))), 50 * n);
  const checkEvery = opts.checkEvery ?? 10;
  const rng = new Rng(opts.seed ?? 0, STREAMS.lanczos);

  const Q = new Float64Array((maxBasis + 1) * n);
  const T = new Float64Array(maxBasis * maxBasis); // dense projected matrix (row-major)
  const w = new Float64Array(n);
  const h = new Float64Array(maxBasis + 1);
  const chunk = new Float64Array(maxBasis * COMBINE_COLS); // restart workspace (no n-sized copies)
  const Twork = new Float64Array(maxBasis * maxBasis); // copy of T for the dense Ritz solve, reused
  let m = 0; // basis size
  let tridiagonal = true; // T tridiagonal (no restart yet)
  let matvecs = 0;
  let restarts = 0;
  let normEst = 0;

  // start vector
  randomUnitOrthogonal(Q, 0, n, rng);
  let beta = 0; // coupling of q_m to the previous vector (tridiagonal part)

  const orthogonalise = (v: Float64Array, upto: number): void => {
    // two passes of classical Gram-Schmidt against rows 0..upto-1 of Q
    projectOut(Q, n, upto, v, h);
    projectOut(Q, n, upto, v, h);
  };

  let sinceCheck = 0;
  let justRestarted = false;
  for (;;) {
    // --- one Lanczos step: q_m is set (row m of Q) and coupled to q_{m-1} by `beta`
    const qo = m * n;
    op.apply(Q.subarray(qo, qo + n), w, 1);
    matvecs++;
    let alpha = 0;
    for (let t = 0; t < n; t++) alpha += Q[qo + t] * w[t];
    T[m * maxBasis + m] = alpha;
    if (m > 0 && !justRestarted) {
      T[m * maxBasis + m - 1] = beta;
      T[(m - 1) * maxBasis + m] = beta;
    }
    justRestarted = false;
    orthogonalise(w, m + 1);
    let bnext = 0;
    for (let t = 0; t < n; t++) bnext += w[t] * w[t];
    bnext = Math.sqrt(bnext);
    normEst = Math.max(normEst, Math.abs(alpha) + bnext + beta);
    m++;
    sinceCheck++;
    let invariant = false;
    if (m < n) {
      if (bnext <= 1e-12 * Math.max(normEst, 1e-300)) {
        // invariant subspace: continue with a fresh direction, decoupled (beta = 0)
        invariant = true;
        randomUnitOrthogonal(Q, m, n, rng, (v) => orthogonalise(v, m));
        bnext = 0;
      } else {
        const inv = 1 / bnext;
        const o = m * n;
        for (let t = 0; t < n; t++) Q[o + t] = w[t] * inv;
      }
    }
    beta = bnext;
    opts.onProgress?.(matvecs, maxMatvecs, 'lanczos');

    const full = m === maxBasis || m === n;
    const budget = matvecs >= maxMatvecs;
    if (!(full || budget || sinceCheck >= checkEvery || (invariant && m >= want))) continue;
    if (m < want && !budget && m < n) continue;
    sinceCheck = 0;

    // --- Ritz pairs of T (m x m)
    const ritz = ritzPairs(T, maxBasis, m, tridiagonal, kLow, kHigh, full ? keepCounts(m, kLow, kHigh) : null, Twork);
    normEst = Math.max(normEst, ritz.absMax);
    const thresh = tol * normEst;
    let ok = true;
    for (const i of [...ritz.lowIdx, ...ritz.highIdx]) {
      const resEst = m === n ? 0 : Math.abs(beta * ritz.S[i * m + m - 1]);
      if (resEst > thresh) ok = false;
    }
    if (ok || budget || m === n) {
      const low = formRitz(Q, n, m, ritz, ritz.lowIdx);
      const high = formRitz(Q, n, m, ritz, ritz.highIdx);
      // explicit residuals in one block matvec
      const Y = new Float64Array((kLow + kHigh) * n);
      Y.set(low.vectors, 0);
      Y.set(high.vectors, kLow * n);
      const AY = new Float64Array(Y.length);
      if (kLow + kHigh > 0) op.apply(Y, AY, kLow + kHigh);
      matvecs += kLow + kHigh;
      let worst = 0;
      const res = (blk: EigenBlock, off: number) => {
        for (let j = 0; j < blk.values.length; j++) {
          const o = (off + j) * n;
          let s = 0;
          for (let t = 0; t < n; t++) {
            const r = AY[o + t] - blk.values[j] * Y[o + t];
            s += r * r;
          }
          blk.residuals[j] = Math.sqrt(s);
          worst = Math.max(worst, blk.residuals[j]);
        }
      };
      res(low, 0);
      res(high, kLow);
      // a loose factor: the estimate ignores the rounding in the basis
      const converged = worst <= 10 * thresh || (m === n && worst <= 1e-8 * normEst);
      if (converged || budget || m === n) {
        return { low, high, matvecs, restarts, converged, normEstimate: normEst };
      }
    }
    if (!full) continue;

    // --- thick restart: keep the most wanted Ritz vectors plus q_m
    const keep = [...ritz.lowIdx, ...ritz.highIdx, ...keptExtra(ritz)];
    const l = keep.length;
    const Sk = new Float64Array(l * m);
    for (let r = 0; r < l; r++) Sk.set(ritz.S.subarray(keep[r] * m, keep[r] * m + m), r * m);
    combineRowsInPlace(Q, n, m, Sk, l, chunk);
    Q.copyWithin(l * n, m * n, m * n + n); // q_m -> row l
    T.fill(0);
    for (let r = 0; r < l; r++) {
      const i = keep[r];
      T[r * maxBasis + r] = ritz.values[i];
      const c = beta * ritz.S[i * m + m - 1];
      T[r * maxBasis + l] = c;
      T[l * maxBasis + r] = c;
    }
    m = l;
    beta = 0; // the coupling of q_l is now in the arrowhead
    justRestarted = true;
    tridiagonal = false;
    restarts++;
    opts.onProgress?.(matvecs, maxMatvecs, 'lanczos restart');
  }
}

/** How many Ritz vectors to keep at each end on restart: about a third of the basis. */
function keepCounts(m: number, kLow: number, kHigh: number): [number, number] {
  const extra = Math.max(0, Math.floor(m / 3) - kLow - kHigh);
  const want = kLow + kHigh;
  if (want === 0) return [0, 0];
  const eLow = kLow > 0 ? Math.round((extra * kLow) / want) : 0;
  const eHigh = kHigh > 0 ? extra - eLow : 0;
  return [kLow + eLow, kHigh + eHigh];
}

function keptExtra(r: Ritz & { extra?: number[] }): number[] {
  return r.extra ?? [];
}

/**
 * Eigenpairs of the m x m projected matrix: the kLow lowest, the kHigh highest, and, if
 * `keep` is given, additional ones next to them (for the restart).
 */
function ritzPairs(
  T: Float64Array, ld: number, m: number, tridiagonal: boolean, kLow: number, kHigh: number,
  keep: [number, number] | null, work: Float64Array,
): Ritz & { extra: number[] } {
  const nl = Math.min(keep ? keep[0] : kLow, m);
  const nh = Math.min(keep ? keep[1] : kHigh, m - nl);
  let values: Float64Array;
  let S: Float64Array;
  let all: Float64Array;
  if (tridiagonal) {
    const d = new Float64Array(m);
    const e = new Float64Array(Math.max(m - 1, 0));
    for (let i = 0; i < m; i++) d[i] = T[i * ld + i];
    for (let i = 0; i + 1 < m; i++) e[i] = T[i * ld + i + 1];
    all = Float64Array.from(d);
    tql(all, e, m);
    const sel = [...Array(nl).keys(), ...Array.from({ length: nh }, (_, j) => m - 1 - j)];
    values = Float64Array.from(sel, (i) => all[i]);
    S = tridiagEigenvectors(d, e, values);
  } else {
    const A = work.subarray(0, m * m);
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) A[i * m + j] = T[i * ld + j];
    const ex = symmetricEigenExtremal(A, m, nl, nh);
    all = ex.values;
    values = new Float64Array(nl + nh);
    values.set(ex.low.values, 0);
    values.set(ex.high.values, nl);
    S = new Float64Array((nl + nh) * m);
    S.set(ex.low.vectors, 0);
    S.set(ex.high.vectors, nl * m);
  }
  const kl = Math.min(kLow, nl);
  const kh = Math.min(kHigh, nh);
  const lowIdx = [...Array(kl).keys()];
  const highIdx = Array.from({ length: kh }, (_, j) => nl + j);
  const extra = [
    ...Array.from({ length: nl - kl }, (_, j) => kl + j),
    ...Array.from({ length: nh - kh }, (_, j) => nl + kh + j),
  ];
  const absMax = m > 0 ? Math.max(Math.abs(all[0]), Math.abs(all[m - 1])) : 0;
  return { values, S, lowIdx, highIdx, absMax, extra };
}

function formRitz(Q: Float64Array, n: number, m: number, ritz: Ritz, idx: number[]): EigenBlock {
  const k = idx.length;
  const vectors = new Float64Array(k * n);
  const values = new Float64Array(k);
  for (let r = 0; r < k; r++) {
    const i = idx[r];
    values[r] = ritz.values[i];
    combineInto(Q, n, m, ritz.S, i * m, vectors, r * n);
    let s = 0;
    for (let t = 0; t < n; t++) s += vectors[r * n + t] * vectors[r * n + t];
    const inv = 1 / Math.sqrt(s);
    for (let t = 0; t < n; t++) vectors[r * n + t] *= inv;
  }
  return { values, vectors, residuals: new Float64Array(k) };
}

/**
 * v <- v - Q[0..upto)^T (Q[0..upto) v): one classical Gram-Schmidt pass, h = the coefficients.
 * Four basis rows per sweep (5 loads per 4 multiply-adds instead of 2 per 1): the
 * reorthogonalisation is ~10% of a step at n = 4000, m = 200.
 */
function projectOut(Q: Float64Array, n: number, upto: number, v: Float64Array, h: Float64Array): void {
  let i = 0;
  for (; i + 3 < upto; i += 4) {
    const o0 = i * n, o1 = o0 + n, o2 = o1 + n, o3 = o2 + n;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let t = 0; t < n; t++) {
      const x = v[t];
      s0 += Q[o0 + t] * x;
      s1 += Q[o1 + t] * x;
      s2 += Q[o2 + t] * x;
      s3 += Q[o3 + t] * x;
    }
    h[i] = s0;
    h[i + 1] = s1;
    h[i + 2] = s2;
    h[i + 3] = s3;
  }
  for (; i < upto; i++) {
    const o = i * n;
    let s = 0;
    for (let t = 0; t < n; t++) s += Q[o + t] * v[t];
    h[i] = s;
  }
  i = 0;
  for (; i + 3 < upto; i += 4) {
    const o0 = i * n, o1 = o0 + n, o2 = o1 + n, o3 = o2 + n;
    const h0 = h[i], h1 = h[i + 1], h2 = h[i + 2], h3 = h[i + 3];
    for (let t = 0; t < n; t++) v[t] -= h0 * Q[o0 + t] + h1 * Q[o1 + t] + (h2 * Q[o2 + t] + h3 * Q[o3 + t]);
  }
  for (; i < upto; i++) {
    const o = i * n;
    const c = h[i];
    for (let t = 0; t < n; t++) v[t] -= c * Q[o + t];
  }
}

/** out[oo..oo+n) = sum_j S[so + j] Q_j over the m rows of Q, four rows per sweep. */
function combineInto(Q: Float64Array, n: number, m: number, S: Float64Array, so: number, out: Float64Array, oo: number): void {
  let j = 0;
  for (; j + 3 < m; j += 4) {
    const o0 = j * n, o1 = o0 + n, o2 = o1 + n, o3 = o2 + n;
    const c0 = S[so + j], c1 = S[so + j + 1], c2 = S[so + j + 2], c3 = S[so + j + 3];
    for (let t = 0; t < n; t++) out[oo + t] += c0 * Q[o0 + t] + c1 * Q[o1 + t] + (c2 * Q[o2 + t] + c3 * Q[o3 + t]);
  }
  for (; j < m; j++) {
    const o = j * n;
    const c = S[so + j];
    for (let t = 0; t < n; t++) out[oo + t] += c * Q[o + t];
  }
}

/** Columns per block of the in-place restart (l x COMBINE_COLS doubles of workspace). */
const COMBINE_COLS = 256;

/**
 * Rows 0..l-1 of Q <- S Q[0..m) (S: l x m row-major), in place, one block of columns at a
 * time, so the thick restart needs no second n x l array.
 */
function combineRowsInPlace(Q: Float64Array, n: number, m: number, S: Float64Array, l: number, work: Float64Array): void {
  for (let c0 = 0; c0 < n; c0 += COMBINE_COLS) {
    const w = Math.min(COMBINE_COLS, n - c0);
    work.fill(0, 0, l * w);
    for (let r = 0; r < l; r++) {
      const wo = r * w;
      let j = 0;
      for (; j + 3 < m; j += 4) {
        const o0 = j * n + c0, o1 = o0 + n, o2 = o1 + n, o3 = o2 + n;
        const a0 = S[r * m + j], a1 = S[r * m + j + 1], a2 = S[r * m + j + 2], a3 = S[r * m + j + 3];
        for (let t = 0; t < w; t++) work[wo + t] += a0 * Q[o0 + t] + a1 * Q[o1 + t] + (a2 * Q[o2 + t] + a3 * Q[o3 + t]);
      }
      for (; j < m; j++) {
        const o = j * n + c0;
        const a = S[r * m + j];
        for (let t = 0; t < w; t++) work[wo + t] += a * Q[o + t];
      }
    }
    for (let r = 0; r < l; r++) Q.set(work.subarray(r * w, r * w + w), r * n + c0);
  }
}

/** Row `row` of Q <- a random unit vector (optionally orthogonalised by `orth`). */
function randomUnitOrthogonal(Q: Float64Array, row: number, n: number, rng: Rng, orth?: (v: Float64Array) => void): void {
  const v = new Float64Array(n);
  for (let attempt = 0; attempt < 5; attempt++) {
    for (let t = 0; t < n; t++) v[t] = rng.gaussian();
    orth?.(v);
    let s = 0;
    for (let t = 0; t < n; t++) s += v[t] * v[t];
    if (s > 1e-20) {
      const inv = 1 / Math.sqrt(s);
      for (let t = 0; t < n; t++) Q[row * n + t] = v[t] * inv;
      return;
    }
  }
  throw new Error('lanczos: could not extend the basis');
}
