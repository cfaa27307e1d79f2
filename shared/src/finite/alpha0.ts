/**
 * The lower threshold alpha_0(N) (MODEL.md 5): at finite N, m^2(alpha) leaves zero before
 * alpha_BBP; near where it vanishes it follows a square-root law m ~ (alpha - alpha_0)^(1/2),
 * i.e. m^2 is linear in alpha, and alpha_0 is where that line crosses zero.
 *
 * Fit window (a rule, reported with the result): the contiguous run of grid points whose
 * mean m^2 lies in [low, high] and that ends where the curve first rises above high: above
 * the level of a random eigenvector (p* / N), below the saturation of the curve. At least 3
 * points (one degree of freedom) or no fit.
 * Error bar: bootstrap over seeds. A replica resamples the seeds with replacement, jointly
 * for all alphas (one seed's instances at different alpha share their teacher, student and
 * first data rows, so they are correlated), refits on the same window and gives one alpha_0.
 */
import { bootstrapIndices, fitLine, meanStderr, quantile, stdev } from './fits.ts';

export interface Alpha0Options {
  low: number;
  high: number;
  replicas: number;
  /** bootstrap seed and stream (deterministic) */
  seed: number;
  stream: number;
}

export interface Alpha0Fit {
  /** null when the window has fewer than 3 points (then see `reason`) */
  alpha0: number | null;
  /** bootstrap standard deviation of alpha_0 */
  alpha0Err: number | null;
  /** bootstrap 16% and 84% quantiles (a 68% interval) */
  alpha0Interval: [number, number] | null;
  /** m^2 = slope (alpha - alpha_0) */
  slope: number | null;
  window: {
    low: number;
    high: number;
    alphaFrom: number | null;
    alphaTo: number | null;
    points: number;
    indices: number[];
    /** the window starts at the first grid point: m^2 may vanish below the grid, alpha_0 is an extrapolation */
    atGridStart: boolean;
  };
  chi2: number | null;
  dof: number | null;
  chi2PerDof: number | null;
  r2: number | null;
  bootstrap: { replicas: number; used: number; seed: number; stream: number };
  reason?: string;
}

/**
 * The rise: the contiguous run of points with low <= y <= high that ends just before the
 * curve first exceeds high (or at the last point if it never does). Walking back from the
 * crossing, rather than forward from the start, keeps noise in the flat region below from
 * cutting the window short.
 */
export function fitWindow(y: readonly number[], low: number, high: number): number[] {
  const cross = y.findIndex((v) => v > high);
  const end = cross < 0 ? y.length - 1 : cross - 1;
  const out: number[] = [];
  for (let i = end; i >= 0 && y[i] >= low && y[i] <= high; i--) out.unshift(i);
  return out;
}

/**
 * alpha_0 from per-instance m^2: samples[i][s] at alpha[i], seed s (same seed order for
 * every alpha).
 */
export function fitAlpha0(alpha: readonly number[], samples: readonly (readonly number[])[], o: Alpha0Options): Alpha0Fit {
  const stats = samples.map((xs) => meanStderr(xs));
  const mean = stats.map((s) => s.mean);
  const win = fitWindow(mean, o.low, o.high);
  const window = {
    low: o.low,
    high: o.high,
    alphaFrom: win.length ? alpha[win[0]] : null,
    alphaTo: win.length ? alpha[win[win.length - 1]] : null,
    points: win.length,
    indices: win,
    atGridStart: win[0] === 0,
  };
  const boot = { replicas: o.replicas, used: 0, seed: o.seed, stream: o.stream };
  const none = (reason: string): Alpha0Fit => ({
    alpha0: null, alpha0Err: null, alpha0Interval: null, slope: null, window,
    chi2: null, dof: null, chi2PerDof: null, r2: null, bootstrap: boot, reason,
  });
  if (win.length < 3) return none(`only ${win.length} grid point(s) with mean m^2 in [${o.low}, ${o.high}]; refine the alpha grid or widen the window`);
  const x = win.map((i) => alpha[i]);
  const fit = fitLine(x, win.map((i) => mean[i]), win.map((i) => stats[i].stderr), 1e-4);
  if (!(fit.slope > 0)) return none('m^2 does not increase with alpha inside the window');
  const alpha0 = -fit.intercept / fit.slope;
  const nSeeds = samples[0].length;
  const draws: number[] = [];
  for (const idx of bootstrapIndices(nSeeds, o.replicas, o.seed, o.stream)) {
    const ys = win.map((i) => idx.reduce((s, k) => s + samples[i][k], 0) / nSeeds);
    const b = fitLine(x, ys, ys.map(() => 1));
    if (b.slope > 0) draws.push(-b.intercept / b.slope);
  }
  boot.used = draws.length;
  if (draws.length < o.replicas / 2) return none(`the slope is not positive in ${o.replicas - draws.length} of ${o.replicas} bootstrap replicas`);
  return {
    alpha0,
    alpha0Err: stdev(draws),
    alpha0Interval: [quantile(draws, 0.16), quantile(draws, 0.84)],
    slope: fit.slope,
    window,
    chi2: fit.chi2,
    dof: fit.dof,
    chi2PerDof: fit.dof > 0 ? fit.chi2 / fit.dof : null,
    r2: fit.r2,
    bootstrap: boot,
  };
}
