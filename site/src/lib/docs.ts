/**
 * Documents as the API serves them (canonical JSON of the result plus its identity), and
 * small helpers shared by the report, the explorer and the /r/ viewer. Browser-safe.
 */
import type {
  OverlapCurve,
  PhaseDiagram,
  SimulationSpectrum,
  TheorySpectrum,
  ThresholdResult,
} from '../../../shared/src/types.ts';
import type { Identity } from '../../../shared/src/result.ts';
import type { OverlapScan } from '../../../shared/src/finite/overlap.ts';

export type Doc<R = Record<string, unknown>> = R & Identity;

/** Shape of simulate/overlap. */
export type OverlapScanResult = OverlapScan;

export type ThresholdDoc = Doc<ThresholdResult>;
export type TheorySpectrumDoc = Doc<TheorySpectrum>;
export type OverlapCurveDoc = Doc<OverlapCurve>;
export type PhaseDiagramDoc = Doc<PhaseDiagram>;
export type SimulationDoc = Doc<SimulationSpectrum>;
export type OverlapScanDoc = Doc<OverlapScanResult>;

/** API paths (below /v1/) of the endpoints the charts know how to draw. */
export const PATHS = {
  threshold: 'theory/threshold',
  spectrum: 'theory/spectrum',
  overlapCurve: 'theory/overlap-curve',
  phaseDiagram: 'theory/phase-diagram',
  simulate: 'simulate/spectrum',
  simulateOverlap: 'simulate/overlap',
} as const;

/** Base URL of the API; '' = same origin. Set PUBLIC_API_BASE at build time to override. */
export function apiBase(): string {
  const env = (import.meta as unknown as { env?: Record<string, string | undefined> }).env;
  return (env?.PUBLIC_API_BASE ?? '').replace(/\/+$/, '');
}

/** Display and query order of parameters: the model first, then the scan, then the rest. */
const ORDER = ['p', 'pstar', 'a', 'alpha', 'alphaMin', 'alphaMax', 'N', 'seed', 'seeds', 'points', 'pMax', 'hessian', 'bins', 'k'];
export function ordered<T>(params: Readonly<Record<string, T>>): [string, T][] {
  const rank = (k: string) => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length);
  return Object.entries(params).sort(([u], [v]) => rank(u) - rank(v) || (u < v ? -1 : 1));
}

/** The query that recomputes a document: /v1/<path>?<params in schema order>. */
export function apiQuery(path: string, params: Readonly<Record<string, number | string>>, base = apiBase()): string {
  const qs = new URLSearchParams(ordered(params).map(([k, v]) => [k, String(v)])).toString();
  return `${base}/v1/${path}${qs ? `?${qs}` : ''}`;
}

export const resultUrl = (id: string, base = apiBase()): string => `${base}/v1/results/${id}`;
export const viewerUrl = (id: string): string => `/r/?id=${id}`;
/** The static copy of a prerendered document written by the site build. */
export const staticResultUrl = (id: string): string => `/results/${id}.json`;

export const shortId = (id: string): string => `${id.slice(0, 12)}…`;

/** Numbers for people: 5 significant digits, no trailing zeros. */
export function fmt(x: number | null | undefined, digits = 5): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  const s = Math.abs(x) >= 1e-3 && Math.abs(x) < 1e6 ? x.toPrecision(digits) : x.toExponential(digits - 1);
  return s.includes('e') ? s.replace(/\.?0+e/, 'e') : s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** Pretty names of the parameters for captions (Unicode, no TeX). */
export const PARAM_LABEL: Record<string, string> = {
  p: 'p',
  pstar: 'p*',
  a: 'a',
  alpha: 'α',
  alphaMin: 'α_min',
  alphaMax: 'α_max',
  N: 'N',
  seed: 'seed',
  seeds: 'seeds',
  hessian: 'Hessian',
  bins: 'bins',
  k: 'k',
  points: 'points',
  pMax: 'p_max',
};

export function describeParams(params: Readonly<Record<string, number | string>>, skip: readonly string[] = []): string {
  return ordered(params)
    .filter(([k]) => !skip.includes(k))
    .map(([k, v]) => `${PARAM_LABEL[k] ?? k} = ${v}`)
    .join(', ');
}

const BIBTEX = `@inproceedings{annesi2026overparametrization,
  title     = {Overparametrization bends the landscape: {BBP} transitions at
               initialization in simple Neural Networks},
  author    = {Annesi, Brandon Livio and Bocchi, Dario and Cammarota, Chiara},
  booktitle = {International Conference on Learning Representations (ICLR)},
  year      = {2026},
  eprint    = {2510.18435},
  archivePrefix = {arXiv},
  url       = {https://arxiv.org/abs/2510.18435}
}`;

/** The "cite this" text: the paper's BibTeX plus the result URLs (absolute when origin is known). */
export function citeText(ids: readonly string[], origin = ''): string {
  const base = apiBase() || origin;
  const lines = ids.map((id) => `  ${base}/v1/results/${id}`);
  return `${BIBTEX}\n\nResults (bbp-repro, content-addressed, SHA-256 of the request):\n${lines.join('\n')}`;
}

/**
 * Panel specs embed whole documents; panels of one figure often share them. `packSpecs`
 * replaces every document by {"$doc": id} and returns the documents once; `unpackSpec`
 * undoes it in the browser.
 */
export function packSpecs<T>(specs: T[]): { specs: unknown[]; docs: Record<string, unknown> } {
  const docs: Record<string, unknown> = {};
  const pack = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(pack);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.id === 'string' && typeof o.endpoint === 'string' && 'params' in o) {
        docs[o.id] = o;
        return { $doc: o.id };
      }
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, pack(x)]));
    }
    return v;
  };
  return { specs: specs.map(pack), docs };
}

export function unpackSpec<T>(spec: unknown, docs: Record<string, unknown>): T {
  const unpack = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(unpack);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.$doc === 'string') return docs[o.$doc];
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, unpack(x)]));
    }
    return v;
  };
  return unpack(spec) as T;
}
