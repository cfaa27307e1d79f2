/**
 * The report's figures: which documents each one is made of (endpoint + parameters), how
 * its panels are drawn, and the words around them. Used at build time only
 * (site/build/prebuild.ts computes the documents with the core's computeDocument).
 */
import type { EndpointName } from '../../../shared/src/endpoints.ts';
import type { PanelSpec } from './charts.ts';
import type {
  OverlapCurveDoc,
  OverlapScanDoc,
  PhaseDiagramDoc,
  SimulationDoc,
  TheorySpectrumDoc,
  ThresholdDoc,
} from './docs.ts';
import { fmt } from './docs.ts';
import type { Identity } from '../../../shared/src/result.ts';

export interface Request {
  /** short human label of the result in the figure's list */
  label: string;
  endpoint: EndpointName;
  params: Record<string, number | string>;
}

/** Figure 1: the Hessian spectrum at initialization, MODEL.md 4 reference point. */
export const SPECTRUM = { p: 2, pstar: 1, a: 1, alpha: 5, N: 1000, seed: 1 } as const;

/**
 * Figures 2 and 4: p = 2, p* = 1, one continuous and one discontinuous transition.
 * a = 0.01: alpha_BBP = 1.440, square-root edge, m^2 rises from 0 (continuous).
 * a = 3:    alpha_BBP = 2.170, smooth edge, m^2 jumps to 0.278 (discontinuous).
 * (a = 1 is discontinuous too, but its jump, 0.031, is too small to see on a plot.)
 */
export const CASES = [
  { key: 'continuous', a: 0.01, alphaMin: 0.4, alphaMax: 4 },
  { key: 'discontinuous', a: 3, alphaMin: 0.5, alphaMax: 6 },
] as const;
export const CASE_MODEL = { p: 2, pstar: 1 } as const;
/** finite-N scan: small N and few seeds so the whole build stays around a minute */
export const SCAN = { N: 200, points: 10, seeds: 4, seed: 1 } as const;
export const CURVE_POINTS = 160;

/** Figure 3: alpha_BBP versus p for several a. */
export const PHASE = { pstar: 1, pMax: 16, a: [0.01, 0.1, 1, 10] } as const;

export function requests() {
  const spectrum = {
    sim: { label: 'finite-N spectrum', endpoint: 'simulate', params: { ...SPECTRUM, hessian: 'euclidean', bins: 300, k: 8 } },
    theory: { label: 'theory spectrum', endpoint: 'spectrum', params: { p: SPECTRUM.p, pstar: SPECTRUM.pstar, a: SPECTRUM.a, alpha: SPECTRUM.alpha, points: 400 } },
  } satisfies Record<string, Request>;
  const cases = CASES.map((c) => ({
    ...c,
    threshold: { label: `threshold, a = ${c.a}`, endpoint: 'threshold', params: { ...CASE_MODEL, a: c.a } } satisfies Request,
    curve: { label: `theory curve, a = ${c.a}`, endpoint: 'overlapCurve', params: { ...CASE_MODEL, a: c.a, alphaMin: c.alphaMin, alphaMax: c.alphaMax, points: CURVE_POINTS } } satisfies Request,
    scan: { label: `finite-N scan, a = ${c.a}`, endpoint: 'simulateOverlap', params: { N: SCAN.N, ...CASE_MODEL, a: c.a, alphaMin: c.alphaMin, alphaMax: c.alphaMax, points: SCAN.points, seeds: SCAN.seeds, seed: SCAN.seed } } satisfies Request,
  }));
  const phase = PHASE.a.map((a) => ({ label: `phase diagram, a = ${a}`, endpoint: 'phaseDiagram', params: { pstar: PHASE.pstar, a, pMax: PHASE.pMax } }) satisfies Request);
  return { spectrum, cases, phase };
}

export interface ResultRef {
  label: string;
  id: string;
  endpoint: string;
  params: Record<string, number | string>;
}

export interface Panel {
  key: string;
  title: string;
  spec: PanelSpec;
  alt: string;
  /** path of the PNG fallback below the site root */
  png: string;
  /** its size in CSS pixels (set by the build) */
  width?: number;
  height?: number;
}

export interface FigureData {
  key: string;
  panels: Panel[];
  results: ResultRef[];
}

export const ref = (label: string, d: Identity): ResultRef => ({ label, id: d.id, endpoint: d.endpoint, params: d.params as Record<string, number | string> });

export interface Computed {
  spectrum: { sim: SimulationDoc; theory: TheorySpectrumDoc };
  cases: { key: string; a: number; threshold: ThresholdDoc; curve: OverlapCurveDoc; scan: OverlapScanDoc }[];
  phase: PhaseDiagramDoc[];
}

/** Assemble the figures from the computed documents. */
export function assemble(c: Computed): FigureData[] {
  const { sim, theory } = c.spectrum;
  const out = theory.outlier;
  const lowest = sim.bottom.slice(0, 3).map((e) => fmt(e.lambda, 4)).join(', ');
  const fig1: FigureData = {
    key: 'spectrum',
    panels: [
      {
        key: 'spectrum',
        title: 'The whole spectrum',
        spec: { kind: 'spectrum', theory, sim },
        png: '/figures/spectrum.png',
        alt: `Histogram of all ${sim.dimension} Hessian eigenvalues of one instance with N = ${sim.params.N}, against the theoretical density, over the whole spectrum.`,
      },
      {
        key: 'spectrum-zoom',
        title: 'Left edge and outlier (zoom)',
        spec: { kind: 'spectrum', theory, sim, zoom: true },
        png: '/figures/spectrum-zoom.png',
        alt: `Zoom on the left of the spectrum: the bulk starts at the edge λ₋ = ${fmt(theory.edge.lambda, 4)} (${theory.edge.kind} edge); ${out ? `the theory predicts an outlier at λ* = ${fmt(out.lambda, 4)} with m² = ${fmt(out.overlap2, 3)}` : 'the theory predicts no outlier'}; the lowest simulated eigenvalues are ${lowest}.`,
      },
    ],
    results: [ref('finite-N spectrum', sim), ref('theory spectrum', theory)],
  };
  const fig2: FigureData = {
    key: 'overlap',
    panels: c.cases.map((k) => ({
      key: `overlap-${k.key}`,
      title: `${k.threshold.kind === 'continuous' ? 'Continuous' : 'Discontinuous'} transition, a = ${k.a}`,
      spec: { kind: 'overlap', curve: k.curve, scan: k.scan },
      png: `/figures/overlap-${k.key}.png`,
      alt: `Squared overlap m² versus α for p = 2, p* = 1, a = ${k.a}: theory zero below α_BBP = ${fmt(k.threshold.alphaBBP, 4)}, then ${k.threshold.kind === 'continuous' ? 'rising continuously from zero' : `jumping to ${fmt(k.threshold.overlapJump, 3)}`}; simulation with N = ${k.scan.params.N} shown as points with error bars.`,
    })),
    results: c.cases.flatMap((k) => [ref(`threshold, a = ${k.a}`, k.threshold), ref(`theory curve, a = ${k.a}`, k.curve), ref(`finite-N scan, a = ${k.a}`, k.scan)]),
  };
  const fig3: FigureData = {
    key: 'phase',
    panels: [
      {
        key: 'phase',
        title: 'α_BBP versus p',
        spec: { kind: 'phase', diagrams: c.phase },
        png: '/figures/phase.png',
        alt: `α_BBP versus the student width p from 1 to ${c.phase[0]?.params.pMax} for a = ${c.phase.map((d) => d.params.a).join(', ')}, decreasing with p towards the p → ∞ limits p*(a+1)/2; the weak-recovery line p*/2 = ${fmt(c.phase[0]?.alphaWeakRecovery)} lies below all of them.`,
      },
    ],
    results: c.phase.map((d) => ref(`phase diagram, a = ${d.params.a}`, d)),
  };
  const fig4: FigureData = {
    key: 'positions',
    panels: c.cases.map((k) => ({
      key: `positions-${k.key}`,
      title: `${k.threshold.kind === 'continuous' ? 'Continuous' : 'Discontinuous'} transition, a = ${k.a}`,
      spec: { kind: 'positions', curve: k.curve, scan: k.scan },
      png: `/figures/positions-${k.key}.png`,
      alt: `Edge λ₋ and outlier λ* versus α for p = 2, p* = 1, a = ${k.a}; the outlier detaches from the edge at α_BBP = ${fmt(k.threshold.alphaBBP, 4)} (λ = ${fmt(k.threshold.lambdaBBP, 4)}); the finite-N lowest eigenvalue (N = ${k.scan.params.N}) follows the lower of the two.`,
    })),
    results: c.cases.flatMap((k) => [ref(`theory curve, a = ${k.a}`, k.curve), ref(`finite-N scan, a = ${k.a}`, k.scan)]),
  };
  return [fig1, fig2, fig3, fig4];
}
