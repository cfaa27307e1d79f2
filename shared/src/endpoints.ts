/**
 * The catalogue of computations. Each entry is one parameter schema plus the core function
 * that computes it; the API serves every entry at /v1/{path}, the CLI as `bbp {command}`,
 * and the site builds its forms from the same fields. A new endpoint is one entry here.
 */
import {
  alphaRangeCheck,
  fields as f,
  intList,
  parseParams,
  samples,
  type Fields,
  type LimitScope,
  type ParamSchema,
  type ParamsOf,
  type Parsed,
} from './params.ts';
import { overlapCurve, phaseDiagram, theorySpectrum, threshold } from './theory/index.ts';
import { simulateSpectrum } from './simulate.ts';
import { simulateOverlap } from './finite/overlap.ts';
import { combineOverlapStudy, overlapStudyParts, type OverlapStudyParams } from './finite/overlap-study.ts';
import { combineEdgeStudy, edgeStudyParts, type EdgeStudyParams } from './finite/edge-study.ts';
import type { PartDocument, PartRequest } from './finite/parts.ts';
import { GENERATOR_VERSION } from './rng.ts';
import { MODEL_VERSION } from './model.ts';
import type { Versions } from './result.ts';
import type { Progress } from './types.ts';

export const VERSIONS: Versions = { model: MODEL_VERSION, generator: GENERATOR_VERSION };

export interface Endpoint<F extends Fields = Fields> extends ParamSchema<F> {
  /** API path below /v1/ */
  readonly path: string;
  /** CLI command */
  readonly command: string;
  readonly summary: string;
  /** whether the result depends on the seed (finite-N simulations) */
  readonly random: boolean;
  /** plain entries compute here; composite entries (parts + combine) have no run */
  readonly run?: (params: ParamsOf<F>, progress?: Progress) => object;
  /**
   * Composite entries (studies): the content-addressed requests the result is made of, in a
   * fixed order. Each part is a request to another entry with its own id, stored and cached
   * on its own; compute.ts resolves them (locally, or through a resolver the API passes so
   * parts go through its get-or-compute) and hands the parsed documents to combine.
   */
  readonly parts?: (params: ParamsOf<F>) => PartRequest[];
  /** pure: the same params and part documents give the same result, bit for bit */
  readonly combine?: (params: ParamsOf<F>, parts: readonly PartDocument[]) => object;
}

/** Identity function that keeps each entry's field types for its `run`. */
const endpoint = <F extends Fields>(e: Endpoint<F>): Endpoint<F> => e;

const model = { p: f.p, pstar: f.pstar, a: f.a } as const;
const simModel = { p: f.pSim, pstar: f.pstarSim, a: f.a } as const;

/** Worker budget: the data matrix is M x N Int16 codes (2 bytes each) inside 128 MB; the CPU time of a request binds first. */
const dataEntries = {
  name: 'M*N',
  description: 'entries of the data matrix, M = round(alpha N); 2 bytes each',
  worker: 8e6,
  local: 2e8,
} as const;

/** Dimension of the Hessian; dense (all eigenvalues) is used up to 2000. */
const dimension = {
  name: 'p*N',
  description: 'dimension of the Hessian',
  worker: 4000,
  local: 20000,
} as const;

/**
 * A study's cost bounds. Every part must fit the simulate entry's own worker limits (the
 * largest N decides); the count of parts bounds one aggregate request, which may have to
 * compute missing parts inline; the total work bounds the whole fan-out.
 */
function studyLimits<P>(shape: (q: P) => { Ns: string; alpha: number; perN: number; p: number }) {
  const Ns = (q: P) => intList(shape(q).Ns);
  const largest = (q: P) => Math.max(...Ns(q));
  return [
    { ...dataEntries, description: `${dataEntries.description}, at the largest N and alpha`, value: (q: P) => samples(shape(q).alpha, largest(q)) * largest(q) },
    { ...dimension, description: `${dimension.description}, at the largest N`, value: (q: P) => shape(q).p * largest(q) },
    { name: 'parts', description: 'simulations the study is made of (one /v1/simulate/spectrum request each)', value: (q: P) => Ns(q).length * shape(q).perN, worker: 400, local: 20000 },
    {
      name: 'work',
      description: 'sum over parts of M*N*p, the total cost of the study',
      value: (q: P) => Ns(q).reduce((t, N) => t + shape(q).perN * samples(shape(q).alpha, N) * N * shape(q).p, 0),
      worker: 4e9,
      local: 1e13,
    },
  ];
}

export const endpoints = {
  threshold: endpoint({
    path: 'theory/threshold',
    command: 'threshold',
    summary: 'BBP threshold alpha_BBP(p, p*, a), the kind of transition and the overlap jump (N -> infinity)',
    random: false,
    fields: model,
    run: threshold,
  }),
  spectrum: endpoint({
    path: 'theory/spectrum',
    command: 'theory',
    summary: 'Large-N Hessian spectrum at initialization: bulk density, left edge and its kind, informative outlier and m^2',
    random: false,
    fields: { ...model, alpha: f.alpha, points: f.densityPoints },
    run: theorySpectrum,
  }),
  overlapCurve: endpoint({
    path: 'theory/overlap-curve',
    command: 'overlap-curve',
    summary: 'm^2, outlier and edge positions versus alpha (N -> infinity)',
    random: false,
    fields: { ...model, alphaMin: f.alphaMin, alphaMax: f.alphaMax, points: f.curvePoints },
    check: alphaRangeCheck,
    run: overlapCurve,
  }),
  phaseDiagram: endpoint({
    path: 'theory/phase-diagram',
    command: 'phase-diagram',
    summary: 'alpha_BBP and kind of transition for p = 1..pMax, with the p -> infinity and weak-recovery lines',
    random: false,
    fields: { pstar: f.pstar, a: f.a, pMax: f.pMax },
    run: phaseDiagram,
  }),
  simulate: endpoint({
    path: 'simulate/spectrum',
    command: 'simulate',
    summary: 'Finite-N Hessian spectrum of one random instance: histogram, lowest and highest eigenpairs with teacher/student overlaps',
    random: true,
    fields: { N: f.N, ...simModel, alpha: f.alphaSim, seed: f.seed, hessian: f.hessian, bins: f.bins, k: f.k, method: f.method },
    check: (q) => (2 * q.k <= q.p * q.N ? [] : [{ param: 'k', message: `k must be at most half the Hessian dimension p*N/2 = ${Math.floor((q.p * q.N) / 2)} (got ${q.k})` }]),
    limits: [
      { ...dataEntries, value: (q) => samples(q.alpha, q.N) * q.N },
      { ...dimension, value: (q) => q.p * q.N },
    ],
    run: simulateSpectrum,
  }),
  simulateOverlap: endpoint({
    path: 'simulate/overlap',
    command: 'simulate-overlap',
    summary: 'Finite-N teacher overlap m^2 of the lowest eigenvector(s) versus alpha: mean and standard error over seeds',
    random: true,
    fields: { N: f.N, ...simModel, alphaMin: f.alphaMin, alphaMax: { ...f.alphaMax, max: 50 }, points: f.simPoints, seeds: f.seeds, seed: f.seed },
    check: alphaRangeCheck,
    limits: [
      { ...dataEntries, value: (q) => samples(q.alphaMax, q.N) * q.N },
      { ...dimension, value: (q) => q.p * q.N },
      {
        name: 'work',
        description: 'points * seeds * M*N * p at alphaMax, the total cost of the scan',
        value: (q) => q.points * q.seeds * samples(q.alphaMax, q.N) * q.N * q.p,
        worker: 2e9,
        local: 1e12,
      },
    ],
    run: simulateOverlap,
  }),
  finiteOverlap: endpoint({
    path: 'finite-size/overlap',
    command: 'finite-size',
    summary: 'Finite-N study: m^2 of the lowest p p* eigenvectors versus alpha for several N (mean, stderr over seeds), theory curve, alpha_BBP and alpha_0(N) from the square-root law with a bootstrap error bar; made of one /v1/simulate/spectrum part per (N, alpha, seed)',
    random: true,
    fields: {
      Ns: f.Ns,
      ...simModel,
      alphaMin: f.alphaMin,
      alphaMax: { ...f.alphaMax, max: 50 },
      points: { ...f.simPoints, default: 10 },
      seeds: f.studySeeds,
      seed: f.seed,
      fitLow: f.fitLow,
      fitHigh: f.fitHigh,
      replicas: f.replicas,
    },
    check: (q) => [
      ...alphaRangeCheck(q),
      ...(q.fitLow < q.fitHigh ? [] : [{ param: 'fitHigh', message: `fitHigh must be greater than fitLow (got fitLow = ${q.fitLow}, fitHigh = ${q.fitHigh})` }]),
    ],
    limits: studyLimits((q: { Ns: string; alphaMax: number; points: number; seeds: number; p: number }) => ({ Ns: q.Ns, alpha: q.alphaMax, perN: q.points * q.seeds, p: q.p })),
    parts: (q) => overlapStudyParts(q as OverlapStudyParams),
    combine: (q, docs) => combineOverlapStudy(q as OverlapStudyParams, docs),
  }),
  finiteEdge: endpoint({
    path: 'finite-size/edge',
    command: 'finite-size-edge',
    summary: 'Finite-N edge: distance of the lowest bulk eigenvalue from the theoretical left edge l_- versus N (mean, stderr over seeds), fitted by c N^(-2/3) and by c / ln N, with a verdict; made of one /v1/simulate/spectrum part per (N, seed)',
    random: true,
    fields: { Ns: { ...f.Ns, minLength: 2 }, ...simModel, alpha: f.alphaSim, seeds: f.studySeeds, seed: f.seed },
    limits: studyLimits((q: { Ns: string; alpha: number; seeds: number; p: number }) => ({ Ns: q.Ns, alpha: q.alpha, perN: q.seeds, p: q.p })),
    parts: (q) => edgeStudyParts(q as EdgeStudyParams),
    combine: (q, docs) => combineEdgeStudy(q as EdgeStudyParams, docs),
  }),
} as const;

export type EndpointName = keyof typeof endpoints;
export type ParamsFor<E extends EndpointName> = ParamsOf<(typeof endpoints)[E]['fields']>;

export const endpointList: readonly (Endpoint & { name: EndpointName })[] = Object.entries(endpoints).map(
  ([name, e]) => ({ ...(e as unknown as Endpoint), name: name as EndpointName }),
);

export function parseFor<E extends EndpointName>(
  name: E,
  raw: Readonly<Record<string, unknown>>,
  scope: LimitScope,
): Parsed<ParamsFor<E>> {
  return parseParams(endpoints[name] as unknown as ParamSchema<(typeof endpoints)[E]['fields']>, raw, scope);
}
