/**
 * Figures 5-7 (the finite-N section) from the committed study documents: panel specs with
 * trimmed documents, the words of the alt texts, and the results behind each figure.
 */
import type { EdgeStudy } from '../../../shared/src/finite/edge-study.ts';
import type { OverlapStudy } from '../../../shared/src/finite/overlap-study.ts';
import type { Identity } from '../../../shared/src/result.ts';
import { fmt } from './docs.ts';
import type { FigureData } from './figures.ts';
import { ref } from './figures.ts';
import type { FiniteEdgeView, FiniteOverlapView } from './finite-charts.ts';

export type OverlapStudyDoc = OverlapStudy & Identity;
export type EdgeStudyDoc = EdgeStudy & Identity;

export interface FiniteCaseDocs {
  key: string;
  overlap: OverlapStudyDoc;
  edge: EdgeStudyDoc;
}

export const overlapView = (d: OverlapStudyDoc): FiniteOverlapView => ({
  a: Number(d.params.a),
  alpha: d.alpha,
  threshold: d.threshold,
  theory: d.theory,
  seeds: d.seeds.length,
  sizes: d.sizes.map((z) => ({
    N: z.N,
    overlap2: z.overlap2,
    overlap2Stderr: z.overlap2Stderr,
    fit: { alpha0: z.fit.alpha0, alpha0Err: z.fit.alpha0Err, window: z.fit.window, r2: z.fit.r2, chi2PerDof: z.fit.chi2PerDof },
  })),
});

export const edgeView = (d: EdgeStudyDoc): FiniteEdgeView => ({
  a: Number(d.params.a),
  alpha: d.alpha,
  edge: d.edge,
  N: d.N,
  distance: d.distance,
  distanceStderr: d.distanceStderr,
  fits: d.fits,
  verdict: d.verdict,
  seeds: d.seeds.length,
});

const kindTitle = (k: string) => (k === 'continuous' ? 'Continuous' : 'Discontinuous');

export function assembleFinite(cases: FiniteCaseDocs[]): FigureData[] {
  const overlap: FigureData = {
    key: 'finite-overlap',
    panels: cases.map((c) => {
      const v = overlapView(c.overlap);
      return {
        key: `finite-overlap-${c.key}`,
        title: `${kindTitle(v.threshold.kind)} transition, a = ${v.a}`,
        spec: { kind: 'finite-overlap', study: v },
        png: `/figures/finite-overlap-${c.key}.png`,
        alt: `m² versus α for N = ${v.sizes.map((z) => z.N).join(', ')} (mean ± s.e. over ${v.seeds} seeds) against the N → ∞ theory, zero below α_BBP = ${fmt(v.threshold.alphaBBP, 4)}; ${v.sizes.map((z) => `N = ${z.N}: α₀ = ${z.fit.alpha0 === null ? 'no fit' : `${fmt(z.fit.alpha0, 3)} ± ${fmt(z.fit.alpha0Err, 2)}`}`).join('; ')}.`,
      };
    }),
    results: cases.map((c) => ref(`finite-N overlap study, a = ${c.overlap.params.a}`, c.overlap)),
  };
  const alpha0: FigureData = {
    key: 'finite-alpha0',
    panels: [
      {
        key: 'finite-alpha0',
        title: 'α₀(N) and α_BBP',
        spec: { kind: 'finite-alpha0', studies: cases.map((c) => overlapView(c.overlap)) },
        png: '/figures/finite-alpha0.png',
        alt: `The lower threshold α₀(N) with bootstrap error bars versus N, next to α_BBP: ${cases.map((c) => `a = ${c.overlap.params.a} (α_BBP = ${fmt(c.overlap.threshold.alphaBBP, 4)}): ${c.overlap.sizes.map((z) => (z.fit.alpha0 === null ? `N = ${z.N} no fit` : `N = ${z.N} ${fmt(z.fit.alpha0, 3)} ± ${fmt(z.fit.alpha0Err, 2)}`)).join(', ')}`).join('; ')}.`,
      },
    ],
    results: cases.map((c) => ref(`finite-N overlap study, a = ${c.overlap.params.a}`, c.overlap)),
  };
  const edge: FigureData = {
    key: 'finite-edge',
    panels: cases.map((c) => {
      const v = edgeView(c.edge);
      return {
        key: `finite-edge-${c.key}`,
        title: `${kindTitle(c.edge.threshold.kind)} case, a = ${v.a}, α = ${v.alpha} (${v.edge.kind === 'sqrt' ? 'square-root' : 'smooth'} edge)`,
        spec: { kind: 'finite-edge', study: v },
        png: `/figures/finite-edge-${c.key}.png`,
        alt: `Distance of the lowest bulk eigenvalue from the edge λ₋ = ${fmt(v.edge.lambda, 4)} versus N = ${v.N.join(', ')}: ${v.distance.map((d, i) => `${fmt(d, 3)} ± ${fmt(v.distanceStderr[i], 2)}`).join(', ')}; fits ${v.fits.map((f) => `${f.law}: χ²/dof = ${fmt(f.fit.chi2PerDof, 3)}`).join(', ')}; verdict ${v.verdict}.`,
      };
    }),
    results: cases.map((c) => ref(`finite-N edge study, a = ${c.edge.params.a}`, c.edge)),
  };
  return [overlap, alpha0, edge];
}
