/**
 * Finite-N edge study (MODEL.md 5): distance d(N) = lambda_bulk - l_- of the lowest bulk
 * eigenvalue from the N -> infinity left edge, versus N, with the two candidate laws
 * d = c N^(-2/3) (Tracy-Widom scale of a square-root edge) and d = c / ln N (a smooth edge,
 * density ~ exp(-A/(l - l_-)): the lowest of ~N eigenvalues sits where N exp(-A/d) ~ 1).
 *
 * Lowest bulk eigenvalue (a counting rule): when the theory has an informative outlier at
 * this alpha (alpha > alpha_BBP), the p p* lowest eigenvalues are the outliers and the bulk
 * starts at index p p*; otherwise at index 0. The mean teacher mass of the eigenvector
 * taken is reported, so a finite-N eigenvalue that still carries teacher mass is visible.
 */
import { intList } from '../params.ts';
import { cachedLaw, leftEdge, outlier, threshold } from '../theory/index.ts';
import type { Edge, ModelParams, ThresholdResult } from '../types.ts';
import { fitScale, invCbrtSquared, invLog, meanStderr, type ScaleFit } from './fits.ts';
import { studySeeds } from './overlap-study.ts';
import { checkParts, spectrumPart, type PartDocument, type PartRef, type PartRequest } from './parts.ts';

export interface EdgeStudyParams extends ModelParams {
  Ns: string;
  alpha: number;
  seeds: number;
  seed: number;
}

export type EdgeLaw = 'N^(-2/3)' | '1/ln N';

export interface EdgeStudy {
  alpha: number;
  threshold: ThresholdResult;
  edge: Edge;
  /** theory outlier position at this alpha, null below alpha_BBP */
  outlier: number | null;
  /** index of the lowest bulk eigenvalue in each instance's ascending list */
  bulkIndex: number;
  N: number[];
  seeds: number[];
  /** per N, per seed: lowest bulk eigenvalue */
  samples: number[][];
  distance: number[];
  distanceStderr: number[];
  /** mean teacher mass of the eigenvector taken as the lowest bulk one */
  teacherOverlap2: number[];
  fits: { law: EdgeLaw; fit: ScaleFit }[];
  /** the law with the smaller chi2/dof, or 'undecided' when they are within a factor 2 */
  verdict: EdgeLaw | 'undecided';
  rule: string;
  parts: PartRef[];
}

export function edgeStudyParts(q: EdgeStudyParams): PartRequest[] {
  const seeds = studySeeds(q);
  return intList(q.Ns).flatMap((N) => seeds.map((s) => spectrumPart(q, N, q.alpha, s)));
}

/** Above this ratio of chi2/dof the better law is named; below it the data do not choose. */
export const VERDICT_RATIO = 2;

export function combineEdgeStudy(q: EdgeStudyParams, docs: readonly PartDocument[]): EdgeStudy {
  const parts = checkParts(edgeStudyParts(q), docs);
  const law = cachedLaw(q);
  const edge = leftEdge(law, q.alpha);
  const out = outlier(law, q.alpha);
  const bulkIndex = out ? q.p * q.pstar : 0;
  const Ns = intList(q.Ns);
  const seeds = studySeeds(q);
  const samples = Ns.map((_, n) => seeds.map((_, s) => docs[n * seeds.length + s].bottom[bulkIndex].lambda));
  const mass = Ns.map((_, n) => meanStderr(seeds.map((_, s) => docs[n * seeds.length + s].bottom[bulkIndex].teacherOverlap2)).mean);
  const stats = samples.map((xs) => meanStderr(xs.map((l) => l - edge.lambda)));
  const d = stats.map((s) => s.mean);
  const err = stats.map((s) => s.stderr);
  const fits: { law: EdgeLaw; fit: ScaleFit }[] = [
    { law: 'N^(-2/3)', fit: fitScale(Ns.map(invCbrtSquared), d, err) },
    { law: '1/ln N', fit: fitScale(Ns.map(invLog), d, err) },
  ];
  const [a, b] = fits.map((f) => f.fit.chi2PerDof ?? f.fit.chi2);
  const verdict = a * VERDICT_RATIO < b ? fits[0].law : b * VERDICT_RATIO < a ? fits[1].law : 'undecided';
  return {
    alpha: q.alpha,
    threshold: threshold(q),
    edge,
    outlier: out ? out.lambda : null,
    bulkIndex,
    N: Ns,
    seeds,
    samples,
    distance: d,
    distanceStderr: err,
    teacherOverlap2: mass,
    fits,
    verdict,
    rule:
      `lowest bulk eigenvalue: index ${bulkIndex} of each instance's ascending eigenvalues (${out ? `the theory has p p* = ${q.p * q.pstar} informative outliers at this alpha` : 'no informative outlier at this alpha'}); ` +
      `d(N) = mean over seeds of lambda_bulk - l_-, error = standard error over seeds; ` +
      `each law d = c f(N) fitted by weighted least squares (weights 1/error^2); verdict: the law with the smaller chi2/dof if smaller by a factor ${VERDICT_RATIO}, else undecided.`,
    parts,
  };
}
