/**
 * Teacher-student instance at initialization (MODEL.md section 1).
 *
 * Generator definition (on top of GENERATOR_VERSION):
 * - teacher W* (pstar x N): stream 'teacher' of the seed, rows drawn in order, each row N
 *   Gaussians (float64) rescaled to |w|^2 = N (norm summed in index order);
 * - student W (p x N): stream 'student', same recipe;
 * - data X (M x N, M = round(alpha N)): stream 'data', row-major, each entry a standard
 *   Gaussian g rounded to the fixed-point grid x = q / 4096 (12 fractional bits),
 *   q = Math.round(4096 g) saturated to |q| <= 32767 (|g| < 8: all but ~1e-15 of entries).
 *   X stores q as an Int16Array: 2 bytes an entry, so N = 2000, alpha = 5 (20 M entries) is
 *   40 MB and a node process stays under 128 MB (issue 6). The grid moves each entry by at
 *   most 2^-13 and the variance by 5e-9; test/core/model.test.ts measures its effect on the
 *   spectrum against unrounded float64 Gaussians.
 * Draws are sequential within a stream, so the teacher does not depend on p or M, the
 * student not on pstar or M, and the first rows of X not on M.
 * Pre-activations lam = X W^T / sqrt(N) (M x p), lamS = X W*^T / sqrt(N) (M x pstar) are
 * computed in float64 from the exact entries q * X_SCALE. Kernels work on q and apply
 * X_SCALE (a power of two: exact) once per sum, which gives the same bits as scaling first.
 */
import { Rng } from './rng.ts';

/**
 * Part of every result's id. Bump it whenever any computed number may change: the model or
 * its sampling, the theory's numerics, or the eigensolvers (tolerances, restarts, kernels'
 * summation order). test/golden pins one document per endpoint to catch that.
 * tsq/2: Lanczos stops at residual <= 1e-8 ||H|| with a larger basis (last digits moved).
 * tsq/3: data on the 2^-12 fixed-point grid (Int16Array) instead of float32; the theory on
 *   the portable elementary functions of math.ts instead of the engine's Math.*.
 */
export const MODEL_VERSION = 'tsq/3';

/** Value of one unit of X's Int16 entries: x = q * X_SCALE (2^-12). */
export const X_SCALE = 1 / 4096;
const Q_MAX = 32767;

/** The fixed-point code of a Gaussian deviate g (see the generator definition above). */
export function quantize(g: number): number {
  const q = Math.round(g / X_SCALE); // dividing by a power of two is exact
  return q > Q_MAX ? Q_MAX : q < -Q_MAX ? -Q_MAX : q;
}

export interface InstanceParams {
  N: number;
  p: number;
  pstar: number;
  alpha: number;
  seed: number;
}

export interface Instance {
  N: number;
  p: number;
  pstar: number;
  M: number;
  /** data codes, M x N row-major: entry x = X[i] * X_SCALE (fixed-point standard Gaussians) */
  X: Int16Array;
  /** student rows, p x N row-major, |w_k|^2 = N */
  W: Float64Array;
  /** teacher rows, pstar x N row-major */
  Wstar: Float64Array;
  /** student pre-activations, M x p row-major */
  lam: Float64Array;
  /** teacher pre-activations, M x pstar row-major */
  lamS: Float64Array;
  /** teacher labels y = |lamS|^2 / pstar */
  y: Float64Array;
  /** student outputs yhat = |lam|^2 / p */
  yhat: Float64Array;
}

function checkInt(name: string, v: number, min: number): void {
  if (!Number.isInteger(v) || v < min) throw new RangeError(`${name} must be an integer >= ${min}, got ${v}`);
}

/** rows x N Gaussian rows from `rng`, each rescaled to squared norm N. */
export function sphereRows(rng: Rng, rows: number, N: number): Float64Array {
  const W = new Float64Array(rows * N);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let i = 0; i < N; i++) {
      const g = rng.gaussian();
      W[r * N + i] = g;
      s += g * g;
    }
    const scale = Math.sqrt(N / s);
    for (let i = 0; i < N; i++) W[r * N + i] *= scale;
  }
  return W;
}

/** Pre-activations X Wrows^T / sqrt(N): M x rows row-major. */
export function preactivations(X: Int16Array, M: number, N: number, Wrows: Float64Array, rows: number): Float64Array {
  const out = new Float64Array(M * rows);
  const inv = X_SCALE / Math.sqrt(N);
  for (let mu = 0; mu < M; mu++) {
    const off = mu * N;
    for (let k = 0; k < rows; k++) {
      const wo = k * N;
      let s = 0;
      for (let i = 0; i < N; i++) s += X[off + i] * Wrows[wo + i];
      out[mu * rows + k] = s * inv;
    }
  }
  return out;
}

/** Mean of squares per row of an M x rows matrix. */
function meanSquares(L: Float64Array, M: number, rows: number): Float64Array {
  const out = new Float64Array(M);
  for (let mu = 0; mu < M; mu++) {
    let s = 0;
    for (let k = 0; k < rows; k++) {
      const v = L[mu * rows + k];
      s += v * v;
    }
    out[mu] = s / rows;
  }
  return out;
}

export function sampleInstance(q: InstanceParams): Instance {
  const { N, p, pstar, alpha, seed } = q;
  checkInt('N', N, 2);
  checkInt('p', p, 1);
  checkInt('pstar', pstar, 1);
  if (!(alpha > 0) || !Number.isFinite(alpha)) throw new RangeError(`alpha must be > 0, got ${alpha}`);
  const M = Math.round(alpha * N);
  if (M < 1) throw new RangeError(`M = round(alpha N) must be >= 1`);
  const Wstar = sphereRows(new Rng(seed, 'teacher'), pstar, N);
  const W = sphereRows(new Rng(seed, 'student'), p, N);
  const X = new Int16Array(M * N);
  const data = new Rng(seed, 'data');
  for (let i = 0; i < X.length; i++) X[i] = quantize(data.gaussian());
  const lam = preactivations(X, M, N, W, p);
  const lamS = preactivations(X, M, N, Wstar, pstar);
  return { N, p, pstar, M, X, W, Wstar, lam, lamS, y: meanSquares(lamS, M, pstar), yhat: meanSquares(lam, M, p) };
}

/** Loss L = 1/2 sum_mu (y - yhat)^2 / (a + y), at the instance's W or at another W (p x N). */
export function loss(inst: Instance, a: number, W?: Float64Array): number {
  const { M, N, p, y } = inst;
  const yhat = W ? meanSquares(preactivations(inst.X, M, N, W, p), M, p) : inst.yhat;
  let L = 0;
  for (let mu = 0; mu < M; mu++) {
    const d = y[mu] - yhat[mu];
    L += (d * d) / (a + y[mu]);
  }
  return 0.5 * L;
}

/**
 * Euclidean gradient dL/dW (p x N row-major, block k = d/dw_k):
 * grad_k = (1/sqrt N) sum_mu c_mu lam_k^mu x^mu, c_mu = (2/p)(yhat - y)/(a + y).
 */
export function gradient(inst: Instance, a: number, W?: Float64Array): Float64Array {
  const { M, N, p, X, y } = inst;
  const lam = W ? preactivations(X, M, N, W, p) : inst.lam;
  const yhat = W ? meanSquares(lam, M, p) : inst.yhat;
  const g = new Float64Array(p * N);
  const inv = X_SCALE / Math.sqrt(N);
  const coef = new Float64Array(p);
  for (let mu = 0; mu < M; mu++) {
    const c = ((2 / p) * (yhat[mu] - y[mu])) / (a + y[mu]);
    for (let k = 0; k < p; k++) coef[k] = c * lam[mu * p + k] * inv;
    const off = mu * N;
    for (let k = 0; k < p; k++) {
      const ck = coef[k];
      const go = k * N;
      for (let i = 0; i < N; i++) g[go + i] += ck * X[off + i];
    }
  }
  return g;
}
