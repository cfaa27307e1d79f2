/**
 * The report's finite-N study (section 5): which documents it is made of. Shared by the
 * script that computes them (site/build/finite-study.ts, run by hand: minutes of CPU) and by
 * the build, which reads the committed documents from site/data/finite/ instead of
 * recomputing them (test/core/finite-report.test.ts re-verifies ids and recomputes parts).
 *
 * p = 2, p* = 1; a = 3 is discontinuous (jump 0.278, as in figures 2 and 4), a = 0.1 is
 * continuous. (Figures 2 and 4 use a = 0.01 for the continuous case; here a = 0.1, because
 * at a = 0.01 the spectrum reaches out to ~1/a and Lanczos needs about twice the matvecs.)
 * The edge study's alpha is on the overlap grid with the same seeds, so it reuses parts.
 */
export const FINITE_MODEL = { p: 2, pstar: 1 } as const;
export const FINITE_NS = '100,200,400,800';
export const FINITE_SEEDS = { seeds: 6, seed: 1 } as const;

export const FINITE_CASES = [
  { key: 'continuous', a: 0.1, alphaMin: 0.2, alphaMax: 2, points: 13, edgeAlpha: 0.8 },
  { key: 'discontinuous', a: 3, alphaMin: 0.2, alphaMax: 2.6, points: 13, edgeAlpha: 1.4 },
] as const;

export type FiniteCase = (typeof FINITE_CASES)[number];

export function finiteRequests(c: FiniteCase) {
  return {
    overlap: {
      endpoint: 'finiteOverlap' as const,
      params: { Ns: FINITE_NS, ...FINITE_MODEL, a: c.a, alphaMin: c.alphaMin, alphaMax: c.alphaMax, points: c.points, ...FINITE_SEEDS },
    },
    edge: {
      endpoint: 'finiteEdge' as const,
      params: { Ns: FINITE_NS, ...FINITE_MODEL, a: c.a, alpha: c.edgeAlpha, ...FINITE_SEEDS },
    },
  };
}
