/**
 * Small least-squares fits and a seeded bootstrap, for the finite-N studies.
 * Pure functions on plain arrays; every fit reports its quality next to its parameters.
 */
import { log } from '../math.ts';
import { Rng } from '../rng.ts';

/*
 * Portability: a study's document must be the same bytes in every engine, and engines differ
 * in Math.pow, log, exp ... (math.ts). Only IEEE basic operations, sqrt (correctly rounded
 * everywhere) and the portable log of math.ts are used.
 */
const sq = (x: number): number => x * x;

/** N^(-2/3) for N >= 1 from basic operations: Newton's cube root, then 1 / c^2. */
export function invCbrtSquared(N: number): number {
  let c = Math.max(N / 3, 2); // >= cbrt(N) for 1 <= N
  for (let i = 0; i < 200; i++) {
    const next = (2 * c + N / (c * c)) / 3;
    if (next >= c) break; // from above, Newton decreases monotonically until rounding stops it
    c = next;
  }
  return 1 / (c * c);
}

/** 1 / ln N with the portable logarithm (math.ts). */
export const invLog = (N: number): number => 1 / log(N);

export interface LineFit {
  slope: number;
  intercept: number;
  /** sum of ((y - fit) / sigma)^2 */
  chi2: number;
  /** points - 2 */
  dof: number;
  /** 1 - SS_res / SS_tot (unweighted) */
  r2: number;
}

/**
 * Ordinary least squares y = intercept + slope x (unweighted: with a handful of seeds the
 * per-point standard errors are themselves noisy, and weighting by them would let a lucky
 * small error dominate). chi2 uses sigma (floored) as a goodness-of-fit measure only.
 */
export function fitLine(x: readonly number[], y: readonly number[], sigma: readonly number[], sigmaFloor = 1e-6): LineFit {
  const n = x.length;
  if (n < 2 || y.length !== n) throw new RangeError(`fitLine needs >= 2 matching points, got ${n}`);
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += sq(x[i] - mx);
    sxy += (x[i] - mx) * (y[i] - my);
    syy += sq(y[i] - my);
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const intercept = my - slope * mx;
  let chi2 = 0;
  let ssRes = 0;
  for (let i = 0; i < n; i++) {
    const r = y[i] - (intercept + slope * x[i]);
    ssRes += r * r;
    chi2 += sq(r / Math.max(sigma[i] ?? 0, sigmaFloor));
  }
  return { slope, intercept, chi2, dof: n - 2, r2: syy > 0 ? 1 - ssRes / syy : 1 };
}

export interface ScaleFit {
  /** d = c f(N) */
  c: number;
  cErr: number;
  chi2: number;
  /** points - 1 */
  dof: number;
  chi2PerDof: number | null;
}

/** Weighted one-parameter fit y = c f (through the origin), weights 1/sigma^2. */
export function fitScale(f: readonly number[], y: readonly number[], sigma: readonly number[], sigmaFloor = 1e-6): ScaleFit {
  let sff = 0;
  let sfy = 0;
  const w = sigma.map((s) => 1 / sq(Math.max(s, sigmaFloor)));
  for (let i = 0; i < f.length; i++) {
    sff += w[i] * f[i] * f[i];
    sfy += w[i] * f[i] * y[i];
  }
  const c = sfy / sff;
  let chi2 = 0;
  for (let i = 0; i < f.length; i++) chi2 += w[i] * sq(y[i] - c * f[i]);
  const dof = f.length - 1;
  return { c, cErr: Math.sqrt(1 / sff), chi2, dof, chi2PerDof: dof > 0 ? chi2 / dof : null };
}

/** Mean and standard error (sample standard deviation / sqrt(n)); error 0 for n = 1. */
export function meanStderr(xs: readonly number[]): { mean: number; stderr: number } {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  if (n < 2) return { mean, stderr: 0 };
  const variance = xs.reduce((s, x) => s + (x - mean) * (x - mean), 0) / (n - 1);
  return { mean, stderr: Math.sqrt(variance / n) };
}

/** Sample standard deviation (n - 1). */
export function stdev(xs: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  const m = xs.reduce((s, x) => s + x, 0) / n;
  return Math.sqrt(xs.reduce((s, x) => s + sq(x - m), 0) / (n - 1));
}

/** Linear-interpolated quantile of a sample (q in [0, 1]). */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((u, v) => u - v);
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(s.length - 1, lo + 1);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}

/** Stream of the bootstrap draws; far from the model's streams (rng.ts STREAMS). */
export const BOOTSTRAP_STREAM = 0xb007;

/**
 * `replicas` resamplings with replacement of the indices 0..n-1, from a seeded generator:
 * the same (seed, stream) gives the same resamples everywhere (a deterministic bootstrap).
 */
export function bootstrapIndices(n: number, replicas: number, seed: number, stream: number): number[][] {
  const rng = new Rng(seed >>> 0, (BOOTSTRAP_STREAM + stream) >>> 0);
  return Array.from({ length: replicas }, () => Array.from({ length: n }, () => Math.min(n - 1, Math.floor(rng.uniform() * n))));
}
