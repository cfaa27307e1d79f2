/**
 * The one chart module. Every figure (report, explorer, /r/ viewer, and the PNG fallbacks
 * rendered at build time on @napi-rs/canvas) goes through `chartConfig(spec)`: a panel
 * specification made of API documents -> a chart.js configuration. No DOM access here.
 */
import {
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartConfiguration,
  type ChartDataset,
  type Plugin,
} from 'chart.js';
import type {
  Doc,
  OverlapCurveDoc,
  OverlapScanDoc,
  PhaseDiagramDoc,
  SimulationDoc,
  TheorySpectrumDoc,
} from './docs.ts';
import { fmt, PATHS } from './docs.ts';
import { finitePanel, finitePanelTitle, type FinitePanelSpec } from './finite-charts.ts';
import { edgeView, overlapView, type EdgeStudyDoc, type OverlapStudyDoc } from './finite-figures.ts';

Chart.register(ScatterController, LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip, Filler);

export { Chart };

/** Okabe-Ito palette: distinguishable with the common colour-vision deficiencies. */
export const COLORS = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  green: '#009E73',
  purple: '#CC79A7',
  orange: '#E69F00',
  sky: '#56B4E9',
  yellow: '#F0E442',
  black: '#1a1a1a',
  grey: '#6b6b6b',
  histogram: 'rgba(86, 180, 233, 0.35)',
  histogramLine: '#3b8fc4',
} as const;
const SERIES = [COLORS.blue, COLORS.vermillion, COLORS.green, COLORS.purple, COLORS.orange, COLORS.sky];

export type PanelSpec =
  | { kind: 'spectrum'; theory?: TheorySpectrumDoc; sim?: SimulationDoc; zoom?: boolean }
  | { kind: 'overlap'; curve?: OverlapCurveDoc; scan?: OverlapScanDoc }
  | { kind: 'positions'; curve: OverlapCurveDoc; scan?: OverlapScanDoc }
  | { kind: 'phase'; diagrams: PhaseDiagramDoc[] }
  | FinitePanelSpec;

export interface RenderEnv {
  /** build-time rendering: fixed size, no animation, no events */
  static?: boolean;
  devicePixelRatio?: number;
  fontFamily?: string;
}

type Point = { x: number; y: number | null };
type DS = ChartDataset<'scatter', Point[]> & { errorBars?: number[]; legendHidden?: boolean };

// ---------------------------------------------------------------------------------------
// Plugins shared by both renderers.

/** Vertical error bars: a dataset with `errorBars[i]` gets y_i +- errorBars[i]. */
const errorBars: Plugin<'scatter'> = {
  id: 'bbpErrorBars',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    chart.data.datasets.forEach((dataset, di) => {
      const ds = dataset as unknown as DS;
      const meta = chart.getDatasetMeta(di);
      if (!ds.errorBars || meta.hidden || !chart.isDatasetVisible(di)) return;
      const yScale = chart.scales[meta.yAxisID ?? 'y'];
      ctx.save();
      ctx.strokeStyle = String(ds.borderColor ?? COLORS.black);
      ctx.lineWidth = 1.25;
      meta.data.forEach((el, i) => {
        const pt = ds.data[i] as Point | undefined;
        const err = ds.errorBars?.[i];
        if (!pt || pt.y === null || !err || !Number.isFinite(err)) return;
        const x = el.x;
        const top = yScale.getPixelForValue(pt.y + err);
        const bottom = yScale.getPixelForValue(pt.y - err);
        ctx.beginPath();
        ctx.moveTo(x, top);
        ctx.lineTo(x, bottom);
        ctx.moveTo(x - 3, top);
        ctx.lineTo(x + 3, top);
        ctx.moveTo(x - 3, bottom);
        ctx.lineTo(x + 3, bottom);
        ctx.stroke();
      });
      ctx.restore();
    });
  },
};

/** Opaque white background so the PNG reads the same outside the page. */
const background: Plugin<'scatter'> = {
  id: 'bbpBackground',
  beforeDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

// ---------------------------------------------------------------------------------------
// Dataset helpers.

const line = (label: string, data: Point[], color: string, extra: Partial<DS> = {}): DS => ({
  label,
  data,
  showLine: true,
  borderColor: color,
  backgroundColor: color,
  borderWidth: 2,
  pointRadius: 0,
  pointHoverRadius: 3,
  spanGaps: false,
  ...extra,
});

const points = (label: string, data: Point[], color: string, extra: Partial<DS> = {}): DS => ({
  label,
  data,
  showLine: false,
  borderColor: color,
  backgroundColor: color,
  pointRadius: 3.5,
  pointHoverRadius: 5,
  ...extra,
});

const vline = (label: string, x: number, y0: number, y1: number, color: string, dash: number[] = [6, 4]): DS =>
  line(label, [{ x, y: y0 }, { x, y: y1 }], color, { borderDash: dash, borderWidth: 1.5, pointStyle: 'line' });

/** Finite values only; null keeps a gap in the line. */
const xy = (xs: readonly number[], ys: readonly (number | null)[]): Point[] =>
  xs.map((x, i) => ({ x, y: ys[i] === null || !Number.isFinite(ys[i] as number) ? null : (ys[i] as number) }));

/** Log axes: label only the round values (0.5, 1, 2, 5, 10, ...), keep the other grid lines. */
const NICE = [0.1, 0.2, 0.3, 0.4, 0.5, 1, 2, 3, 5, 10, 20, 30, 50, 100];
/** The largest labelled value <= x: a log axis starting there labels its first decade too
 * (chart.js drops a tick that falls too close to a non-round minimum). */
const niceFloor = (x: number): number => [...NICE].reverse().find((n) => n <= x) ?? x;

function logTick(value: number | string): string {
  const v = Number(value);
  const hit = NICE.find((n) => Math.abs(v - n) <= 1e-6 * n);
  return hit === undefined ? '' : String(hit);
}

interface Axes {
  x: string;
  y: string;
  xType?: 'linear' | 'logarithmic';
  yType?: 'linear' | 'logarithmic';
  yMin?: number;
  yMax?: number;
  ySuggestedMax?: number;
  xMin?: number;
  xMax?: number;
  y2?: { title: string; min: number; max: number };
}

function config(datasets: DS[], axes: Axes, env: RenderEnv): ChartConfiguration<'scatter', Point[]> {
  const font = env.fontFamily ?? 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif';
  const scales: Record<string, object> = {
    x: {
      type: axes.xType ?? 'linear',
      title: { display: true, text: axes.x, font: { size: 13 } },
      min: axes.xMin,
      max: axes.xMax,
      grid: { color: '#e6e6e6' },
      ticks: { color: '#333', maxRotation: 0 },
    },
    y: {
      type: axes.yType ?? 'linear',
      title: { display: true, text: axes.y, font: { size: 13 } },
      min: axes.yMin,
      max: axes.yMax,
      suggestedMax: axes.ySuggestedMax,
      grid: { color: '#e6e6e6' },
      ticks: axes.yType === 'logarithmic' ? { color: '#333', autoSkip: false, callback: logTick } : { color: '#333' },
    },
  };
  if (axes.y2) {
    scales.y2 = {
      type: 'linear',
      position: 'right',
      min: axes.y2.min,
      max: axes.y2.max,
      title: { display: true, text: axes.y2.title, font: { size: 13 } },
      grid: { drawOnChartArea: false },
      ticks: { color: '#333' },
    };
  }
  return {
    type: 'scatter',
    data: { datasets: datasets as ChartDataset<'scatter', Point[]>[] },
    plugins: [background, errorBars],
    options: {
      responsive: !env.static,
      maintainAspectRatio: false,
      animation: false,
      devicePixelRatio: env.devicePixelRatio,
      events: env.static ? [] : undefined,
      font: { family: font, size: 12 },
      color: '#1a1a1a',
      layout: { padding: { top: 6, right: 10, bottom: 0, left: 4 } },
      interaction: { mode: 'nearest', intersect: false, axis: 'xy' },
      plugins: {
        legend: {
          position: 'bottom',
          labels: {
            usePointStyle: true,
            boxWidth: 9,
            boxHeight: 7,
            padding: 12,
            font: (c: { chart: { width: number } }) => ({ size: c.chart.width < 520 ? 10.5 : 12 }),
            sort: (u, v) => (u.datasetIndex ?? 0) - (v.datasetIndex ?? 0),
            filter: (item, data) => !(data.datasets[item.datasetIndex ?? 0] as unknown as DS).legendHidden,
          },
        },
        tooltip: {
          callbacks: {
            label: (c) => {
              const ds = c.dataset as unknown as DS;
              const pt = c.raw as Point;
              const err = ds.errorBars?.[c.dataIndex];
              return `${ds.label}: (${fmt(pt.x, 4)}, ${fmt(pt.y, 4)}${err ? ` ± ${fmt(err, 2)}` : ''})`;
            },
          },
        },
      },
      scales,
    } as ChartConfiguration<'scatter', Point[]>['options'],
  };
}

// ---------------------------------------------------------------------------------------
// Panels.

/** x-range of the zoom on the informative side: outlier(s), edge and the start of the bulk. */
function zoomRange(theory?: TheorySpectrumDoc, sim?: SimulationDoc): [number, number] | null {
  const edge = theory?.edge.lambda ?? sim?.bottom[Math.min(sim.bottom.length - 1, 2)]?.lambda;
  if (edge === undefined) return null;
  const lows = [edge, theory?.outlier?.lambda, sim?.bottom[0]?.lambda].filter((v): v is number => v !== undefined && Number.isFinite(v));
  const lo = Math.min(...lows);
  const span = Math.max(edge - lo, 0.2);
  return [lo - 0.3 * span, edge + 2 * span];
}

function spectrum(spec: Extract<PanelSpec, { kind: 'spectrum' }>, env: RenderEnv) {
  const { theory, sim } = spec;
  const range = spec.zoom ? zoomRange(theory, sim) : null;
  const inRange = (x: number) => !range || (x >= range[0] && x <= range[1]);
  const ds: DS[] = [];
  let ymax = 0;
  let hist: DS | null = null;
  if (sim?.histogram) {
    const { edges, counts } = sim.histogram;
    const total = counts.reduce((s, c) => s + c, 0);
    const dens = counts.map((c, i) => c / (total * (edges[i + 1] - edges[i])));
    const data: Point[] = [{ x: edges[0], y: 0 }];
    dens.forEach((d, i) => data.push({ x: edges[i], y: d }));
    data.push({ x: edges[edges.length - 1], y: dens[dens.length - 1] }, { x: edges[edges.length - 1], y: 0 });
    ymax = Math.max(ymax, ...dens.filter((_, i) => inRange(edges[i]) || inRange(edges[i + 1])));
    hist = line(`histogram, N = ${sim.params.N}`, data, COLORS.histogramLine, {
      stepped: 'after',
      fill: 'origin',
      backgroundColor: COLORS.histogram,
      borderWidth: 1,
      pointStyle: 'rect',
      order: 2,
    });
  }
  if (theory) {
    ymax = Math.max(ymax, ...theory.density.rho.filter((_, i) => inRange(theory.density.lambda[i])));
    ds.push(line('theory ρ(λ), N → ∞', xy(theory.density.lambda, theory.density.rho), COLORS.blue, { pointStyle: 'line', order: 1 }));
  }
  if (hist) ds.push(hist);
  const top = ymax * 1.08 || 1;
  if (theory) {
    ds.push(vline(`edge λ₋ = ${fmt(theory.edge.lambda, 4)} (${theory.edge.kind === 'sqrt' ? 'square-root' : 'smooth'})`, theory.edge.lambda, 0, top, COLORS.green, [6, 4]));
    if (theory.outlier) ds.push(vline(`outlier λ* = ${fmt(theory.outlier.lambda, 4)}, m² = ${fmt(theory.outlier.overlap2, 3)}`, theory.outlier.lambda, 0, top, COLORS.vermillion, [2, 3]));
  }
  let y2: Axes['y2'];
  if (sim) {
    const lowest = sim.bottom.map((e) => ({ x: e.lambda, y: e.teacherOverlap2 }));
    ds.push(points('lowest eigenvalues: teacher mass (right axis)', lowest, COLORS.vermillion, { yAxisID: 'y2', pointStyle: 'triangle', pointRadius: 5, order: -1 }));
    y2 = { title: 'teacher mass of eigenvector', min: 0, max: 1 };
  }
  return config(ds, { x: 'eigenvalue λ', y: 'density', yMin: 0, ySuggestedMax: top, y2, xMin: range?.[0], xMax: range?.[1] }, env);
}

/** Theory line with the jump drawn at alpha_BBP (vertical segment for a discontinuous transition). */
function theoryOverlapLine(curve: OverlapCurveDoc): Point[] {
  const t = curve.threshold;
  const pts = xy(curve.alpha, curve.overlap2).filter((p) => Math.abs(p.x - t.alphaBBP) > 1e-12);
  if (t.alphaBBP > curve.alpha[0] && t.alphaBBP < curve.alpha[curve.alpha.length - 1]) {
    pts.push({ x: t.alphaBBP, y: 0 }, { x: t.alphaBBP, y: t.overlapJump });
  }
  // stable: the two threshold points keep their order (0 then the jump)
  return pts.map((p, i) => ({ p, i })).sort((u, v) => u.p.x - v.p.x || u.i - v.i).map((u) => u.p);
}

function overlap(spec: Extract<PanelSpec, { kind: 'overlap' }>, env: RenderEnv) {
  const { curve, scan } = spec;
  const ds: DS[] = [];
  if (curve) ds.push(line('theory m², N → ∞', theoryOverlapLine(curve), COLORS.blue, { pointStyle: 'line' }));
  else if (scan) ds.push(line('theory m², N → ∞', xy(scan.alpha, scan.theoryOverlap2), COLORS.blue, { pointStyle: 'line' }));
  if (scan) {
    const q = scan.params;
    ds.push(
      points(`simulation, N = ${q.N}: mean ± s.e. over ${q.seeds} seed${Number(q.seeds) > 1 ? 's' : ''}`, xy(scan.alpha, scan.overlap2), COLORS.vermillion, {
        errorBars: scan.overlap2Stderr,
        pointStyle: 'circle',
      }),
    );
  }
  if (curve) {
    const t = curve.threshold;
    ds.push(vline(`α_BBP = ${fmt(t.alphaBBP, 5)} (${t.kind})`, t.alphaBBP, 0, 1, COLORS.grey, [4, 4]));
  }
  const xs = curve?.alpha ?? scan?.alpha ?? [];
  return config(ds, { x: 'sample ratio α = M/N', y: 'squared overlap m²', yMin: 0, yMax: 1, xMin: xs[0], xMax: xs[xs.length - 1] }, env);
}

function positions(spec: Extract<PanelSpec, { kind: 'positions' }>, env: RenderEnv) {
  const { curve, scan } = spec;
  const t = curve.threshold;
  const sqrtEdge = curve.alpha.map((x, i) => ({ x, y: curve.edgeKind[i] === 'sqrt' ? curve.edge[i] : null }));
  const smoothEdge = curve.alpha.map((x, i) => ({ x, y: curve.edgeKind[i] === 'smooth' ? curve.edge[i] : null }));
  // join the two pieces where the kind changes so the edge reads as one curve
  for (let i = 1; i < curve.alpha.length; i++) {
    if (curve.edgeKind[i] !== curve.edgeKind[i - 1]) {
      if (curve.edgeKind[i] === 'smooth') smoothEdge[i - 1].y = curve.edge[i - 1];
      else sqrtEdge[i - 1].y = curve.edge[i - 1];
    }
  }
  const outlier: Point[] = xy(curve.alpha, curve.outlier);
  if (t.alphaBBP > curve.alpha[0] && t.alphaBBP < curve.alpha[curve.alpha.length - 1]) {
    outlier.push({ x: t.alphaBBP, y: t.lambdaBBP });
    outlier.sort((u, v) => u.x - v.x);
  }
  const ds: DS[] = [];
  if (sqrtEdge.some((p) => p.y !== null)) ds.push(line('edge λ₋ (square-root)', sqrtEdge, COLORS.green, { pointStyle: 'line' }));
  if (smoothEdge.some((p) => p.y !== null)) ds.push(line('edge λ₋ (smooth)', smoothEdge, COLORS.green, { borderDash: [7, 4], pointStyle: 'line' }));
  ds.push(line('outlier λ*', outlier, COLORS.vermillion, { pointStyle: 'line' }));
  if (scan) {
    ds.push(points(`lowest eigenvalue, N = ${scan.params.N} (mean of ${scan.params.seeds} seeds)`, xy(scan.alpha, scan.lambdaMin), COLORS.black, { pointStyle: 'rectRot', pointRadius: 4 }));
  }
  const ys = [...curve.edge, ...curve.outlier.filter((v): v is number => v !== null), ...(scan?.lambdaMin ?? [])];
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const pad = 0.06 * (hi - lo || 1);
  ds.push(vline(`α_BBP = ${fmt(t.alphaBBP, 5)} (${t.kind})`, t.alphaBBP, lo - pad, hi + pad, COLORS.grey, [4, 4]));
  return config(ds, { x: 'sample ratio α = M/N', y: 'eigenvalue λ', yMin: lo - pad, yMax: hi + pad, xMin: curve.alpha[0], xMax: curve.alpha[curve.alpha.length - 1] }, env);
}

function phase(spec: Extract<PanelSpec, { kind: 'phase' }>, env: RenderEnv) {
  const ds: DS[] = [];
  const diagrams = [...spec.diagrams].sort((u, v) => Number(u.params.a) - Number(v.params.a));
  let pMax = 1;
  let yLo = Infinity;
  let yHi = 0;
  diagrams.forEach((d, i) => {
    const color = SERIES[i % SERIES.length];
    const rows = d.rows;
    pMax = Math.max(pMax, ...rows.map((r) => r.p));
    yLo = Math.min(yLo, d.alphaWeakRecovery, ...rows.map((r) => r.alphaBBP));
    yHi = Math.max(yHi, d.alphaInfinity, ...rows.map((r) => r.alphaBBP));
    ds.push(
      line(`a = ${d.params.a}`, rows.map((r) => ({ x: r.p, y: r.alphaBBP })), color, {
        pointRadius: 5,
        pointHoverRadius: 7,
        borderWidth: 1.5,
        pointStyle: rows.map((r) => (r.kind === 'continuous' ? 'circle' : 'triangle')) as unknown as DS['pointStyle'],
        pointBackgroundColor: rows.map((r) => (r.kind === 'continuous' ? color : '#ffffff')) as unknown as string,
        pointBorderColor: color,
        pointBorderWidth: 2,
      }),
    );
  });
  diagrams.forEach((d, i) => {
    const color = SERIES[i % SERIES.length];
    ds.push(line(`p → ∞ limit for a = ${d.params.a}: p*(a+1)/2 = ${fmt(d.alphaInfinity, 4)}`, [{ x: 1, y: d.alphaInfinity }, { x: pMax, y: d.alphaInfinity }], color, { borderDash: [7, 5], borderWidth: 1.25, legendHidden: true }));
  });
  const weak = diagrams[0]?.alphaWeakRecovery ?? 0.5;
  ds.push(line(`weak recovery p*/2 = ${fmt(weak, 4)}`, [{ x: 1, y: weak }, { x: pMax, y: weak }], COLORS.black, { borderDash: [2, 3], borderWidth: 1.5, pointStyle: 'line' }));
  // legend-only entries explaining the encodings
  ds.push(line('p → ∞ limit p*(a+1)/2 (dashed, colour of a)', [], COLORS.grey, { borderDash: [7, 5], borderWidth: 1.25, pointStyle: 'line' }));
  ds.push(points('continuous (filled ●)', [], COLORS.grey, { pointStyle: 'circle' }));
  ds.push(points('discontinuous (open ▲)', [], COLORS.grey, { pointStyle: 'triangle', backgroundColor: '#ffffff', borderWidth: 2 }));
  const log = yHi / Math.max(yLo, 1e-9) > 6;
  return config(ds, { x: 'student width p', y: 'α_BBP', xMin: 1, xMax: pMax, yType: log ? 'logarithmic' : 'linear', yMin: log ? niceFloor(yLo * 0.9) : 0, yMax: log ? yHi * 1.12 : undefined }, env);
}

export function chartConfig(spec: PanelSpec, env: RenderEnv = {}): ChartConfiguration<'scatter', Point[]> {
  switch (spec.kind) {
    case 'spectrum':
      return spectrum(spec, env);
    case 'overlap':
      return overlap(spec, env);
    case 'positions':
      return positions(spec, env);
    case 'phase':
      return phase(spec, env);
    default: {
      // finite-N section (finite-charts.ts): its datasets through the same config()
      const f = finitePanel(spec);
      return config(f.datasets as DS[], f.axes, env);
    }
  }
}

/** Number of data points drawn (tests: a chart "has data"). */
export function pointCount(cfg: ChartConfiguration<'scatter', Point[]>): number {
  return cfg.data.datasets.reduce((s, d) => s + d.data.filter((p) => p && p.y !== null).length, 0);
}

/** How to draw one stored document, by its endpoint (the /r/ viewer and the explorer). */
export function panelsForDocument(doc: Doc): PanelSpec[] {
  switch (doc.endpoint) {
    case PATHS.spectrum:
      return [{ kind: 'spectrum', theory: doc as unknown as TheorySpectrumDoc }];
    case PATHS.simulate:
      return [
        { kind: 'spectrum', sim: doc as unknown as SimulationDoc },
        { kind: 'spectrum', sim: doc as unknown as SimulationDoc, zoom: true },
      ];
    case PATHS.overlapCurve:
      return [
        { kind: 'overlap', curve: doc as unknown as OverlapCurveDoc },
        { kind: 'positions', curve: doc as unknown as OverlapCurveDoc },
      ];
    case PATHS.simulateOverlap:
      return [{ kind: 'overlap', scan: doc as unknown as OverlapScanDoc }];
    case PATHS.phaseDiagram:
      return [{ kind: 'phase', diagrams: [doc as unknown as PhaseDiagramDoc] }];
    case 'finite-size/overlap': {
      const study = overlapView(doc as unknown as OverlapStudyDoc);
      return [
        { kind: 'finite-overlap', study },
        { kind: 'finite-alpha0', studies: [study] },
      ];
    }
    case 'finite-size/edge':
      return [{ kind: 'finite-edge', study: edgeView(doc as unknown as EdgeStudyDoc) }];
    default:
      return []; // theory/threshold: a table, no chart
  }
}

/** Short titles for panels (aria-labels, headings). */
export function panelTitle(spec: PanelSpec): string {
  switch (spec.kind) {
    case 'spectrum':
      return spec.zoom ? 'Left edge and outlier (zoom)' : 'Hessian spectrum at initialization';
    case 'overlap':
      return 'Squared overlap m² versus α';
    case 'positions':
      return 'Outlier and edge positions versus α';
    case 'phase':
      return 'α_BBP versus the student width p';
    default:
      return finitePanelTitle(spec);
  }
}
