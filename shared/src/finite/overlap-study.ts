/**
 * Finite-N overlap study (MODEL.md 5, issue 5): for each N of a list, each alpha of a grid
 * and each seed, the teacher mass m^2 of the lowest p p* eigenvectors (the count of
 * informative outliers above alpha_BBP) of one instance; per N and alpha the mean and
 * standard error over seeds, the N -> infinity curve beside them, and alpha_0(N) from the
 * square-root law with a bootstrap error bar (alpha0.ts).
 */
import { intList } from '../params.ts';
import { overlapCurve, threshold } from '../theory/index.ts';
import type { ModelParams, ThresholdResult } from '../types.ts';
import { fitAlpha0, type Alpha0Fit } from './alpha0.ts';
import { meanStderr } from './fits.ts';
import { linspace } from '../grid.ts';
import { seedAt } from './overlap.ts';
import { checkParts, spectrumPart, type PartDocument, type PartRef, type PartRequest } from './parts.ts';

export interface OverlapStudyParams extends ModelParams {
  /** canonical integer list, e.g. "250,500" */
  Ns: string;
  alphaMin: number;
  alphaMax: number;
  points: number;
  seeds: number;
  seed: number;
  fitLow: number;
  fitHigh: number;
  replicas: number;
}

export interface OverlapStudySize {
  N: number;
  overlap2: number[];
  overlap2Stderr: number[];
  /** per alpha, the per-seed m^2 (the bootstrap's input; lets anyone redo the fit) */
  samples: number[][];
  /** mean lowest eigenvalue per alpha */
  lambdaMin: number[];
  fit: Alpha0Fit;
}

export interface OverlapStudy {
  alpha: number[];
  seeds: number[];
  threshold: ThresholdResult;
  /** N -> infinity m^2 on a finer grid, for the plot */
  theory: { alpha: number[]; overlap2: number[] };
  sizes: OverlapStudySize[];
  rule: string;
  parts: PartRef[];
}

/** Grid points of the theory curve drawn beside the data. */
export const THEORY_POINTS = 121;

export const studySeeds = (q: { seeds: number; seed: number }): number[] => Array.from({ length: q.seeds }, (_, s) => seedAt(q.seed, s));

/** Parts in a fixed order: N outermost, then alpha, then seed. */
export function overlapStudyParts(q: OverlapStudyParams): PartRequest[] {
  const alpha = linspace(q.alphaMin, q.alphaMax, q.points);
  const seeds = studySeeds(q);
  return intList(q.Ns).flatMap((N) => alpha.flatMap((al) => seeds.map((s) => spectrumPart(q, N, al, s))));
}

export function combineOverlapStudy(q: OverlapStudyParams, docs: readonly PartDocument[]): OverlapStudy {
  const requests = overlapStudyParts(q);
  const parts = checkParts(requests, docs);
  const alpha = linspace(q.alphaMin, q.alphaMax, q.points);
  const seeds = studySeeds(q);
  const count = q.p * q.pstar;
  const Ns = intList(q.Ns);
  const sizes = Ns.map((N, n): OverlapStudySize => {
    const samples: number[][] = [];
    const lambdaMin: number[] = [];
    alpha.forEach((_, i) => {
      const at = (s: number) => docs[(n * alpha.length + i) * seeds.length + s];
      const m2 = seeds.map((_, s) => at(s).bottom.slice(0, count).reduce((t, e) => t + e.teacherOverlap2, 0) / count);
      samples.push(m2);
      lambdaMin.push(meanStderr(seeds.map((_, s) => at(s).bottom[0].lambda)).mean);
    });
    const stats = samples.map(meanStderr);
    return {
      N,
      overlap2: stats.map((s) => s.mean),
      overlap2Stderr: stats.map((s) => s.stderr),
      samples,
      lambdaMin,
      fit: fitAlpha0(alpha, samples, { low: q.fitLow, high: q.fitHigh, replicas: q.replicas, seed: q.seed, stream: N }),
    };
  });
  const curve = overlapCurve({ p: q.p, pstar: q.pstar, a: q.a, alphaMin: q.alphaMin, alphaMax: q.alphaMax, points: THEORY_POINTS });
  return {
    alpha,
    seeds,
    threshold: threshold(q),
    theory: { alpha: curve.alpha, overlap2: curve.overlap2 },
    sizes,
    rule:
      `m^2 of an instance: mean teacher mass of its ${count} = p p* lowest eigenvectors (Lanczos). ` +
      `alpha_0(N): least-squares line m^2 = slope (alpha - alpha_0) on the contiguous run of grid points with mean m^2 in [${q.fitLow}, ${q.fitHigh}] that ends where the mean first exceeds ${q.fitHigh} (at least 3 points); ` +
      `error: standard deviation of alpha_0 over ${q.replicas} bootstrap resamplings of the seeds (jointly over alpha), generator seed ${q.seed}, stream 0xb007 + N.`,
    parts,
  };
}
