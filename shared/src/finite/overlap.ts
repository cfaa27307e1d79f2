/**
 * Finite-N overlap scan (MODEL.md 5): for each alpha of a grid and each of `seeds`
 * consecutive seeds, the teacher mass of the lowest p*p* eigenvectors of one random
 * instance, the count the N -> infinity theory predicts as (degenerate) outliers.
 * Reported per alpha as mean and standard error over seeds, beside the theory curve.
 */
import { simulateSpectrum } from '../simulate.ts';
import { overlapCurve } from '../theory/index.ts';
import { linspace } from '../grid.ts';
import { meanStderr } from './fits.ts';
import type { HessianKind, ModelParams, Progress, SimulationSpectrum } from '../types.ts';

export interface OverlapScanParams extends ModelParams {
  N: number;
  alphaMin: number;
  alphaMax: number;
  points: number;
  seeds: number;
  /** first seed; the others follow as seed+1, seed+2, ... (mod 2^32) */
  seed: number;
}

export interface OverlapScan {
  alpha: number[];
  /** mean over seeds of the per-instance m^2 */
  overlap2: number[];
  /** standard error of that mean (0 for a single seed) */
  overlap2Stderr: number[];
  /** lowest eigenvalue, mean over seeds */
  lambdaMin: number[];
  /** the N -> infinity m^2 at the same alphas */
  theoryOverlap2: number[];
  /** eigenvectors averaged per instance: p * p* */
  outlierCount: number;
}

/** k-th seed of a run that starts at `seed`: consecutive uint32 values. */
export const seedAt = (seed: number, k: number): number => (seed + k) >>> 0;

/** Mean teacher mass of the lowest `count` eigenvectors: the finite-N estimate of m^2. */
export function instanceOverlap2(spectrum: SimulationSpectrum, count: number): number {
  const lowest = spectrum.bottom.slice(0, count);
  return lowest.reduce((s, e) => s + e.teacherOverlap2, 0) / lowest.length;
}

/** One instance's bottom of the spectrum, by Lanczos: only the lowest pairs are needed. */
export function bottomOfSpectrum(
  q: ModelParams & { N: number; alpha: number; seed: number; k: number; hessian?: HessianKind },
): SimulationSpectrum {
  return simulateSpectrum({ ...q, hessian: q.hessian ?? 'euclidean', bins: 5, method: 'lanczos' });
}

export function simulateOverlap(q: OverlapScanParams, progress?: Progress): OverlapScan {
  const alpha = linspace(q.alphaMin, q.alphaMax, q.points);
  const outlierCount = q.p * q.pstar;
  const total = q.points * q.seeds;
  const overlap2: number[] = [];
  const overlap2Stderr: number[] = [];
  const lambdaMin: number[] = [];
  alpha.forEach((al, i) => {
    const m2: number[] = [];
    const l0: number[] = [];
    for (let s = 0; s < q.seeds; s++) {
      const spec = bottomOfSpectrum({ ...q, alpha: al, seed: seedAt(q.seed, s), k: outlierCount });
      m2.push(instanceOverlap2(spec, outlierCount));
      l0.push(spec.bottom[0].lambda);
      progress?.(i * q.seeds + s + 1, total, `alpha=${al.toPrecision(4)} seed ${s + 1}/${q.seeds}`);
    }
    const { mean, stderr } = meanStderr(m2);
    overlap2.push(mean);
    overlap2Stderr.push(stderr);
    lambdaMin.push(meanStderr(l0).mean);
  });
  const theory = overlapCurve({ p: q.p, pstar: q.pstar, a: q.a, alphaMin: q.alphaMin, alphaMax: q.alphaMax, points: q.points });
  return { alpha, overlap2, overlap2Stderr, lambdaMin, theoryOverlap2: theory.overlap2, outlierCount };
}
