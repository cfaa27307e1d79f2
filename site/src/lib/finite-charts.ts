/**
 * Panels of the finite-N section (issue 5), as plain datasets and axes: charts.ts turns them
 * into a chart.js configuration with its shared config() (same fonts, legend, error bars,
 * PNG fallback). No chart.js import here, so charts.ts can import this without a cycle.
 * The specs carry trimmed study documents (no per-seed samples, no part list).
 */
import { fmt } from './docs.ts';

export interface FiniteFit {
  alpha0: number | null;
  alpha0Err: number | null;
  window: { alphaFrom: number | null; alphaTo: number | null; points: number };
  r2: number | null;
  chi2PerDof: number | null;
}

export interface FiniteOverlapView {
  a: number;
  alpha: number[];
  threshold: { alphaBBP: number; kind: string; overlapJump: number };
  theory: { alpha: number[]; overlap2: number[] };
  sizes: { N: number; overlap2: number[]; overlap2Stderr: number[]; fit: FiniteFit }[];
  seeds: number;
}

export interface FiniteEdgeView {
  a: number;
  alpha: number;
  edge: { lambda: number; kind: string };
  N: number[];
  distance: number[];
  distanceStderr: number[];
  fits: { law: string; fit: { c: number; cErr: number; chi2PerDof: number | null } }[];
  verdict: string;
  seeds: number;
}

export type FinitePanelSpec =
  | { kind: 'finite-overlap'; study: FiniteOverlapView }
  | { kind: 'finite-alpha0'; studies: FiniteOverlapView[] }
  | { kind: 'finite-edge'; study: FiniteEdgeView };

type Point = { x: number; y: number | null };

export interface PlainDataset {
  label: string;
  data: Point[];
  showLine: boolean;
  borderColor: string;
  backgroundColor: string;
  borderWidth?: number;
  borderDash?: number[];
  pointRadius: number;
  pointStyle?: string;
  errorBars?: number[];
}

export interface PlainAxes {
  x: string;
  y: string;
  xType?: 'linear' | 'logarithmic';
  yMin?: number;
  yMax?: number;
  xMin?: number;
  xMax?: number;
}

/** Okabe-Ito, as in charts.ts; sizes light to dark so larger N reads as "closer to theory". */
const SIZE_COLORS = ['#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#0072B2'];
const THEORY = '#1a1a1a';
const GREY = '#6b6b6b';

const line = (label: string, data: Point[], color: string, extra: Partial<PlainDataset> = {}): PlainDataset => ({
  label, data, showLine: true, borderColor: color, backgroundColor: color, borderWidth: 2, pointRadius: 0, pointStyle: 'line', ...extra,
});
const points = (label: string, data: Point[], color: string, extra: Partial<PlainDataset> = {}): PlainDataset => ({
  label, data, showLine: false, borderColor: color, backgroundColor: color, pointRadius: 3.5, pointStyle: 'circle', ...extra,
});

/** N -> infinity m^2 with the jump drawn as a vertical segment at alpha_BBP. */
function theoryLine(s: FiniteOverlapView): Point[] {
  const t = s.threshold;
  const pts: Point[] = s.theory.alpha.map((x, i) => ({ x, y: s.theory.overlap2[i] }));
  if (t.alphaBBP > pts[0].x && t.alphaBBP < pts[pts.length - 1].x) {
    const i = pts.findIndex((p) => p.x > t.alphaBBP);
    pts.splice(i, 0, { x: t.alphaBBP, y: 0 }, { x: t.alphaBBP, y: t.overlapJump });
  }
  return pts;
}

function overlapPanel(s: FiniteOverlapView): { datasets: PlainDataset[]; axes: PlainAxes } {
  const ds: PlainDataset[] = [line('theory m², N → ∞', theoryLine(s), THEORY)];
  s.sizes.forEach((z, i) => {
    const color = SIZE_COLORS[i % SIZE_COLORS.length];
    ds.push(points(`N = ${z.N}`, s.alpha.map((x, j) => ({ x, y: z.overlap2[j] })), color, { errorBars: z.overlap2Stderr, showLine: true, borderWidth: 1 }));
  });
  const top = Math.max(...s.sizes.flatMap((z) => z.overlap2.map((v, j) => v + z.overlap2Stderr[j])), ...s.theory.overlap2);
  ds.push(line(`α_BBP = ${fmt(s.threshold.alphaBBP, 4)} (${s.threshold.kind})`, [{ x: s.threshold.alphaBBP, y: 0 }, { x: s.threshold.alphaBBP, y: 1.05 * top }], GREY, { borderDash: [4, 4], borderWidth: 1.5 }));
  return { datasets: ds, axes: { x: 'sample ratio α = M/N', y: `m² (mean ± s.e., ${s.seeds} seeds)`, yMin: 0, yMax: Math.min(1, Math.ceil(10.5 * top) / 10), xMin: s.alpha[0], xMax: s.alpha[s.alpha.length - 1] } };
}

function alpha0Panel(studies: FiniteOverlapView[]): { datasets: PlainDataset[]; axes: PlainAxes } {
  const ds: PlainDataset[] = [];
  const Ns = studies.flatMap((s) => s.sizes.map((z) => z.N));
  const [lo, hi] = [Math.min(...Ns) * 0.75, Math.max(...Ns) * 1.25];
  const colors = ['#0072B2', '#D55E00'];
  studies.forEach((s, i) => {
    const ok = s.sizes.filter((z) => z.fit.alpha0 !== null);
    ds.push(points(`α₀(N), a = ${s.a} (${s.threshold.kind}); ± bootstrap s.d.`, ok.map((z) => ({ x: z.N, y: z.fit.alpha0 })), colors[i], { errorBars: ok.map((z) => z.fit.alpha0Err ?? 0), showLine: true, borderWidth: 1, pointStyle: i ? 'triangle' : 'circle', pointRadius: 5 }));
    ds.push(line(`α_BBP = ${fmt(s.threshold.alphaBBP, 4)}, a = ${s.a}`, [{ x: lo, y: s.threshold.alphaBBP }, { x: hi, y: s.threshold.alphaBBP }], colors[i], { borderDash: [7, 4], borderWidth: 1.5 }));
  });
  const ys = studies.flatMap((s) => [s.threshold.alphaBBP, ...s.sizes.flatMap((z) => (z.fit.alpha0 === null ? [] : [z.fit.alpha0 - (z.fit.alpha0Err ?? 0), z.fit.alpha0 + (z.fit.alpha0Err ?? 0)]))]);
  return { datasets: ds, axes: { x: 'N', xType: 'logarithmic', y: 'α₀(N) and α_BBP', xMin: lo, xMax: hi, yMin: Math.min(0, ...ys), yMax: 1.1 * Math.max(...ys) } };
}

function edgePanel(s: FiniteEdgeView): { datasets: PlainDataset[]; axes: PlainAxes } {
  const ds: PlainDataset[] = [
    points(`d(N) = λ_bulk − λ₋, mean ± s.e. (${s.seeds} seeds)`, s.N.map((x, i) => ({ x, y: s.distance[i] })), THEORY, { errorBars: s.distanceStderr, pointRadius: 4.5, pointStyle: 'rectRot' }),
  ];
  const [lo, hi] = [Math.min(...s.N) * 0.75, Math.max(...s.N) * 1.25];
  const grid = Array.from({ length: 40 }, (_, i) => lo * (hi / lo) ** (i / 39));
  const shape = (law: string, N: number) => (law === '1/ln N' ? 1 / Math.log(N) : N ** (-2 / 3));
  const colors = ['#009E73', '#D55E00'];
  s.fits.forEach((f, i) => {
    const q = f.fit.chi2PerDof === null ? '' : `, χ²/dof = ${fmt(f.fit.chi2PerDof, 3)}`;
    ds.push(line(`${fmt(f.fit.c, 3)} × ${f.law === '1/ln N' ? '1/ln N' : 'N^(−2/3)'}${q}${s.verdict === f.law ? ' ✓' : ''}`, grid.map((N) => ({ x: N, y: f.fit.c * shape(f.law, N) })), colors[i], { borderDash: i ? [7, 4] : undefined }));
  });
  ds.push(line('edge λ₋ (d = 0)', [{ x: lo, y: 0 }, { x: hi, y: 0 }], GREY, { borderDash: [2, 3], borderWidth: 1 }));
  const ys = [0, ...s.distance.map((d, i) => d + s.distanceStderr[i]), ...s.distance.map((d, i) => d - s.distanceStderr[i])];
  const pad = 0.1 * (Math.max(...ys) - Math.min(...ys) || 1);
  return { datasets: ds, axes: { x: 'N', xType: 'logarithmic', y: 'distance from the edge d(N)', xMin: lo, xMax: hi, yMin: Math.min(...ys) - pad, yMax: Math.max(...ys) + pad } };
}

export function finitePanel(spec: FinitePanelSpec): { datasets: PlainDataset[]; axes: PlainAxes } {
  switch (spec.kind) {
    case 'finite-overlap':
      return overlapPanel(spec.study);
    case 'finite-alpha0':
      return alpha0Panel(spec.studies);
    case 'finite-edge':
      return edgePanel(spec.study);
  }
}

export function finitePanelTitle(spec: FinitePanelSpec): string {
  switch (spec.kind) {
    case 'finite-overlap':
      return `Finite-N overlap m² versus α, a = ${spec.study.a}`;
    case 'finite-alpha0':
      return 'Lower threshold α₀(N) next to α_BBP';
    case 'finite-edge':
      return `Distance of the lowest bulk eigenvalue from the edge, a = ${spec.study.a}`;
  }
}
