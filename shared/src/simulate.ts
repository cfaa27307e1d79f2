/**
 * Finite-N spectrum of the Hessian at initialization: the k lowest and k highest
 * eigenpairs with their teacher/student overlaps and, on the dense path, a histogram of
 * all eigenvalues.
 *
 * method 'auto': dense (Householder + QL, all eigenvalues) when the dimension is <= 2000,
 * else matrix-free thick-restart Lanczos (extremal pairs only, histogram null).
 * Eigenvectors of the spherical Hessian are mapped back from tangent coordinates to the
 * ambient R^{pN} before the overlaps are taken.
 */
import type { Eigenpair, HessianKind, Histogram, Progress, SimulationSpectrum } from './types.ts';
import type { Instance } from './model.ts';
import { sampleInstance } from './model.ts';
import { denseHessian, denseSphericalHessian, embedTangent, hessianOperator, tangentOperator } from './hessian.ts';
import type { TangentBasis } from './hessian.ts';
import { symmetricEigenExtremal } from './linalg/symeig.ts';
import { lanczosExtremal } from './linalg/lanczos.ts';

export interface SimulateQuery {
  N: number;
  p: number;
  pstar: number;
  a: number;
  alpha: number;
  seed: number;
  hessian: HessianKind;
  bins: number;
  k: number;
  method?: 'auto' | 'dense' | 'lanczos';
}

/**
 * Lanczos stopping rule for the product: every returned pair has an explicit residual
 * ||H y - theta y|| <= 1e-8 ||H||_est (times 10 for rounding in the basis). Then
 * |theta - lambda| <= r^2 / gap ~ 1e-10 even for the 1e-3 gaps at the bulk edge, and the
 * eigenvector angle r / gap ~ 3e-4 changes overlaps far below their finite-N scatter;
 * 1e-9 would cost ~7% more matvecs (N = 800, 8 lowest: 288 vs 308 matvecs).
 */
export const LANCZOS_TOL = 1e-8;

/** Largest dimension handled densely by method 'auto'. */
export const DENSE_MAX_DIMENSION = 2000;

export function simulateSpectrum(q: SimulateQuery, onProgress?: Progress): SimulationSpectrum {
  const { N, p, a, hessian } = q;
  if (!(a > 0) || !Number.isFinite(a)) throw new RangeError(`a must be > 0, got ${a}`);
  if (!Number.isInteger(q.k) || q.k < 1) throw new RangeError(`k must be an integer >= 1, got ${q.k}`);
  if (!Number.isInteger(q.bins) || q.bins < 1) throw new RangeError(`bins must be an integer >= 1, got ${q.bins}`);
  if (hessian !== 'euclidean' && hessian !== 'spherical') throw new RangeError(`unknown hessian '${hessian}'`);
  onProgress?.(0, 1, 'sampling');
  const inst = sampleInstance(q);
  onProgress?.(1, 1, 'sampling');
  const dimension = hessian === 'euclidean' ? p * N : p * (N - 1);
  const k = Math.min(q.k, dimension);
  const r = extremalPairs(inst, a, hessian, k, k, q.method ?? 'auto', q.seed, onProgress, q.bins);
  return { dimension, M: inst.M, method: r.method, bottom: r.bottom, top: r.top, histogram: r.histogram };
}

export interface ExtremalPairs {
  method: 'dense' | 'lanczos';
  /** kLow lowest, ascending */
  bottom: Eigenpair[];
  /** kHigh highest, descending */
  top: Eigenpair[];
  histogram: Histogram | null;
  /** Lanczos only: work and accuracy */
  stats: { matvecs: number; restarts: number; maxResidual: number; normEstimate: number } | null;
}

/**
 * The kLow lowest and kHigh highest eigenpairs of the instance's Hessian with overlaps
 * (the core of simulateSpectrum; `bins` > 0 asks for a histogram on the dense path).
 */
export function extremalPairs(
  inst: Instance, a: number, hessian: HessianKind, kLow: number, kHigh: number,
  requested: 'auto' | 'dense' | 'lanczos', seed: number, onProgress?: Progress, bins = 0,
): ExtremalPairs {
  const { N, p } = inst;
  const dimension = hessian === 'euclidean' ? p * N : p * (N - 1);
  let method: 'dense' | 'lanczos' = requested === 'auto' ? (dimension <= DENSE_MAX_DIMENSION ? 'dense' : 'lanczos') : requested;
  if (method === 'lanczos' && kLow + kHigh > dimension) method = 'dense'; // both ends would overlap

  let lowVals: Float64Array, lowVecs: Float64Array, highVals: Float64Array, highVecs: Float64Array;
  let histogram: Histogram | null = null;
  let basis: TangentBasis | null = null;
  let stats: ExtremalPairs['stats'] = null;
  const building = (done: number, total: number) => onProgress?.(done, total, 'building');
  if (method === 'dense') {
    let H: Float64Array;
    if (hessian === 'euclidean') {
      H = denseHessian(inst, a, building);
    } else {
      const sp = denseSphericalHessian(inst, a, building);
      H = sp.H;
      basis = sp.basis;
    }
    const ex = symmetricEigenExtremal(H, dimension, kLow, kHigh, onProgress);
    lowVals = ex.low.values;
    lowVecs = ex.low.vectors;
    highVals = ex.high.values;
    highVecs = ex.high.vectors;
    if (bins > 0) histogram = makeHistogram(ex.values, bins);
  } else {
    const op = hessian === 'euclidean' ? hessianOperator(inst, a) : tangentOperator(inst, a);
    if (hessian === 'spherical') basis = (op as ReturnType<typeof tangentOperator>).basis;
    const res = lanczosExtremal(op, {
      kLow,
      kHigh,
      seed,
      tol: LANCZOS_TOL,
      onProgress: (mv, max, stage) => onProgress?.(mv, max, stage),
    });
    if (!res.converged) throw new Error(`Lanczos did not converge in ${res.matvecs} matvecs`);
    lowVals = res.low.values;
    lowVecs = res.low.vectors;
    highVals = res.high.values;
    highVecs = res.high.vectors;
    let maxResidual = 0;
    for (const r of [...res.low.residuals, ...res.high.residuals]) maxResidual = Math.max(maxResidual, r);
    stats = { matvecs: res.matvecs, restarts: res.restarts, maxResidual, normEstimate: res.normEstimate };
  }
  onProgress?.(0, 1, 'overlaps');
  const pairs = (vals: Float64Array, vecs: Float64Array) =>
    eigenpairs(inst, vals, vecs, dimension, basis);
  const out: ExtremalPairs = { method, bottom: pairs(lowVals, lowVecs), top: pairs(highVals, highVecs), histogram, stats };
  onProgress?.(1, 1, 'overlaps');
  return out;
}

/** `bins` equal bins from min to max eigenvalue; the maximum falls in the last bin. */
export function makeHistogram(values: ArrayLike<number>, bins: number): Histogram {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    lo = Math.min(lo, values[i]);
    hi = Math.max(hi, values[i]);
  }
  const width = hi > lo ? (hi - lo) / bins : 0;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + i * width));
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const b = width > 0 ? Math.min(bins - 1, Math.floor((values[i] - lo) / width)) : 0;
    counts[b]++;
  }
  return { edges, counts };
}

/** Rows of R (rows x N) orthonormalised by modified Gram-Schmidt, applied twice. */
export function orthonormalRows(R: Float64Array, rows: number, N: number): Float64Array {
  const E = Float64Array.from(R);
  for (let pass = 0; pass < 2; pass++) {
    for (let r = 0; r < rows; r++) {
      const ro = r * N;
      for (let q = 0; q < r; q++) {
        const qo = q * N;
        let s = 0;
        for (let i = 0; i < N; i++) s += E[ro + i] * E[qo + i];
        for (let i = 0; i < N; i++) E[ro + i] -= s * E[qo + i];
      }
      let s = 0;
      for (let i = 0; i < N; i++) s += E[ro + i] * E[ro + i];
      const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
      for (let i = 0; i < N; i++) E[ro + i] *= inv;
    }
  }
  return E;
}

/**
 * Squared norm of the projection of v (pN, block k = v_k) on span{rows of E} in every
 * block: sum_k sum_l (E_l . v_k)^2, E orthonormal rows.
 */
export function blockOverlap2(v: Float64Array, vo: number, p: number, N: number, E: Float64Array, rows: number): number {
  let tot = 0;
  for (let k = 0; k < p; k++) {
    const o = vo + k * N;
    for (let l = 0; l < rows; l++) {
      const eo = l * N;
      let s = 0;
      for (let i = 0; i < N; i++) s += E[eo + i] * v[o + i];
      tot += s * s;
    }
  }
  return tot;
}

function eigenpairs(
  inst: Instance, vals: Float64Array, vecs: Float64Array, dim: number, basis: TangentBasis | null,
): Eigenpair[] {
  const { N, p, pstar } = inst;
  const n = p * N;
  const Et = orthonormalRows(inst.Wstar, pstar, N);
  const Es = orthonormalRows(inst.W, p, N);
  const v = new Float64Array(n);
  const out: Eigenpair[] = [];
  for (let j = 0; j < vals.length; j++) {
    if (basis) embedTangent(basis, vecs, v, j * dim, 0);
    else v.set(vecs.subarray(j * dim, j * dim + dim));
    out.push({
      lambda: vals[j],
      teacherOverlap2: blockOverlap2(v, 0, p, N, Et, pstar),
      studentOverlap2: blockOverlap2(v, 0, p, N, Es, p),
    });
  }
  return out;
}
