/**
 * Parameter schema: the single place where every input's name, type, range, default and
 * message is declared. The CLI (flags), the API (query validation and OpenAPI) and the
 * site (explorer form) all read these declarations; nobody re-declares a range.
 *
 * Two kinds of bounds:
 * - a field's range is part of the model's domain: outside it the request is malformed (400);
 * - an endpoint's limits bound the cost of a valid request (memory, work): past them the
 *   request is refused as too large (422). Limits have a tighter value for the Worker
 *   (128 MB, bounded CPU) and a looser one for local runs (CLI, site build).
 */

export interface IntegerField {
  readonly type: 'integer';
  readonly min: number;
  readonly max: number;
  readonly default?: number;
  readonly description: string;
}

export interface NumberField {
  readonly type: 'number';
  readonly min: number;
  readonly max: number;
  /** min itself is not allowed (e.g. a > 0) */
  readonly exclusiveMin?: boolean;
  readonly default?: number;
  readonly description: string;
}

export interface EnumField {
  readonly type: 'enum';
  readonly values: readonly string[];
  readonly default?: string;
  readonly description: string;
}

/**
 * A list of integers (e.g. system sizes N), written "250,500,1000". Its canonical value is
 * that string with canonical integers, strictly increasing: one list, one spelling, one id.
 */
export interface IntListField {
  readonly type: 'intlist';
  /** range of each element */
  readonly min: number;
  readonly max: number;
  readonly minLength: number;
  readonly maxLength: number;
  readonly default?: string;
  readonly description: string;
}

export type Field = IntegerField | NumberField | EnumField | IntListField;
export type Fields = Readonly<Record<string, Field>>;

/** The value type a field parses to. */
export type ValueOf<F extends Field> = F extends EnumField ? F['values'][number] : F extends IntListField ? string : number;
export type ParamsOf<F extends Fields> = { -readonly [K in keyof F]: ValueOf<F[K]> };

/** A cost bound on a valid request (422 when exceeded). */
export interface Limit<P> {
  readonly name: string;
  /** what is bounded, in words, e.g. "data entries M*N (M = round(alpha*N))" */
  readonly description: string;
  readonly value: (params: P) => number;
  readonly worker: number;
  readonly local: number;
}

/** One problem with one parameter; `param` is the public (API) name. */
export interface ParamIssue {
  param: string;
  message: string;
}

export type Parsed<P> =
  | { ok: true; value: P }
  | { ok: false; status: 400 | 422; issues: ParamIssue[] };

export type LimitScope = 'worker' | 'local';

// ---------------------------------------------------------------------------------------
// Field declarations. Ranges are the model's domain; defaults make the common call short.

const p = { type: 'integer', min: 1, max: 256, description: 'student width p (hidden units of the network being trained)' } as const;
const pstar = { type: 'integer', min: 1, max: 64, description: 'teacher width p*' } as const;
const a = { type: 'number', min: 0, exclusiveMin: true, max: 1000, description: 'loss normalisation a in L = 1/2 sum (y - yhat)^2 / (a + y)' } as const;
const alpha = { type: 'number', min: 0, exclusiveMin: true, max: 100, description: 'sample ratio alpha = M/N' } as const;
const alphaMin = { ...alpha, description: 'smallest alpha of the scan' } as const;
const alphaMax = { ...alpha, description: 'largest alpha of the scan' } as const;

export const fields = {
  p,
  pstar,
  a,
  alpha,
  alphaMin,
  alphaMax,
  /** simulations: smaller widths (the data matrix and Hessian grow with p N) */
  pSim: { ...p, max: 16 },
  pstarSim: { ...pstar, max: 16 },
  alphaSim: { ...alpha, max: 50, description: 'sample ratio alpha = M/N (M = round(alpha N))' },
  N: { type: 'integer', min: 8, max: 8000, description: 'input dimension N' },
  seed: { type: 'integer', min: 0, max: 4294967295, default: 1, description: 'seed of the generator (uint32): same seed, same numbers' },
  hessian: { type: 'enum', values: ['euclidean', 'spherical'], default: 'euclidean', description: 'Euclidean Hessian, or the Riemannian one on the product of spheres' },
  bins: { type: 'integer', min: 5, max: 400, default: 60, description: 'histogram bins of the finite-N spectrum' },
  k: { type: 'integer', min: 1, max: 64, default: 8, description: 'number of lowest and of highest eigenpairs reported' },
  method: {
    type: 'enum',
    values: ['auto', 'dense', 'lanczos'],
    default: 'auto',
    description: 'eigensolver: dense (all eigenvalues, histogram), Lanczos (extremal pairs only, no histogram), or auto (dense up to dimension 2000)',
  },
  densityPoints: { type: 'integer', min: 10, max: 2000, default: 200, description: 'grid points of the theoretical density' },
  curvePoints: { type: 'integer', min: 2, max: 400, default: 40, description: 'alpha grid points' },
  simPoints: { type: 'integer', min: 2, max: 40, default: 12, description: 'alpha grid points' },
  seeds: { type: 'integer', min: 1, max: 64, default: 4, description: 'independent seeds per point (seed, seed+1, ...)' },
  pMax: { type: 'integer', min: 1, max: 64, default: 8, description: 'largest student width p of the diagram' },
  /** finite-N studies (issue 5) */
  Ns: { type: 'intlist', min: 8, max: 8000, minLength: 1, maxLength: 8, description: 'system sizes N, comma-separated and increasing, e.g. 250,500' },
  studySeeds: { type: 'integer', min: 2, max: 64, default: 8, description: 'independent seeds per point (seed, seed+1, ...); at least 2 for error bars' },
  fitLow: { type: 'number', min: 0, max: 1, default: 0.02, description: 'lower end of the alpha_0 fit window in mean m^2 (above the random-vector level p*/N)' },
  fitHigh: { type: 'number', min: 0, max: 1, default: 0.2, description: 'upper end of the alpha_0 fit window in mean m^2 (below saturation)' },
  replicas: { type: 'integer', min: 20, max: 2000, default: 400, description: 'bootstrap replicas (resamplings of the seeds) for the error bar of alpha_0' },
} as const satisfies Fields;

// ---------------------------------------------------------------------------------------
// Parsing: strings (query, argv) or numbers (JS callers) -> canonical values.

/** Plain decimal or scientific notation; no hex, no "Infinity", no empty string. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function fmt(x: number): string {
  return String(x);
}

/** The allowed range of a field, in words: used by every error message and by docs. */
export function describeRange(f: Field): string {
  switch (f.type) {
    case 'enum':
      return `one of ${f.values.join(', ')}`;
    case 'integer':
      return `an integer from ${fmt(f.min)} to ${fmt(f.max)}`;
    case 'intlist':
      return `a comma-separated list of ${fmt(f.minLength)} to ${fmt(f.maxLength)} strictly increasing integers, each from ${fmt(f.min)} to ${fmt(f.max)}`;
    case 'number':
      return f.exclusiveMin
        ? `a number with ${fmt(f.min)} < value <= ${fmt(f.max)}`
        : `a number from ${fmt(f.min)} to ${fmt(f.max)}`;
  }
}

export function parseField(name: string, f: Field, raw: unknown): { ok: true; value: number | string } | { ok: false; issue: ParamIssue } {
  const bad = (why: string): { ok: false; issue: ParamIssue } => ({
    ok: false,
    issue: { param: name, message: `${name} must be ${describeRange(f)}${why}` },
  });
  const shown = typeof raw === 'string' ? JSON.stringify(raw) : String(raw);
  if (raw === undefined || raw === null || raw === '') {
    if (f.default !== undefined) return { ok: true, value: f.default };
    return bad(' (missing)');
  }
  if (f.type === 'intlist') return parseIntList(name, f, raw, bad);
  if (f.type === 'enum') {
    const s = String(raw);
    return f.values.includes(s) ? { ok: true, value: s } : bad(` (got ${shown})`);
  }
  let x: number;
  if (typeof raw === 'number') x = raw;
  else if (typeof raw === 'string' && DECIMAL.test(raw.trim())) x = Number(raw.trim());
  else return bad(` (got ${shown}, not a number)`);
  if (!Number.isFinite(x)) return bad(` (got ${shown})`);
  if (f.type === 'integer' && !Number.isInteger(x)) return bad(` (got ${shown}, not an integer)`);
  const below = f.type === 'number' && f.exclusiveMin ? x <= f.min : x < f.min;
  if (below || x > f.max) return bad(` (got ${shown})`);
  // -0 and 0 are one value; Object.is keeps them apart in canonical JSON otherwise.
  return { ok: true, value: x === 0 ? 0 : x };
}

function parseIntList(
  name: string,
  f: IntListField,
  raw: unknown,
  bad: (why: string) => { ok: false; issue: ParamIssue },
): { ok: true; value: string } | { ok: false; issue: ParamIssue } {
  const items = Array.isArray(raw) ? raw.map(String) : String(raw).split(',');
  const xs: number[] = [];
  for (const item of items) {
    const t = item.trim();
    if (!DECIMAL.test(t)) return bad(` (got ${JSON.stringify(String(raw))}, element ${JSON.stringify(t)} is not a number)`);
    const x = Number(t);
    if (!Number.isInteger(x) || x < f.min || x > f.max) return bad(` (got ${JSON.stringify(String(raw))}, element ${t})`);
    xs.push(x);
  }
  if (xs.length < f.minLength || xs.length > f.maxLength) return bad(` (got ${xs.length} elements)`);
  for (let i = 1; i < xs.length; i++) if (!(xs[i] > xs[i - 1])) return bad(` (got ${JSON.stringify(String(raw))}, not strictly increasing)`);
  return { ok: true, value: xs.join(',') };
}

/** The elements of a canonical integer-list value ("250,500" -> [250, 500]). */
export const intList = (value: string): number[] => value.split(',').map(Number);

/** A parameter set's schema: its fields, the checks across fields, and its cost limits. */
export interface ParamSchema<F extends Fields> {
  readonly fields: F;
  /** relations between fields (e.g. alphaMin < alphaMax): messages name the parameter */
  readonly check?: (params: ParamsOf<F>) => ParamIssue[];
  readonly limits?: readonly Limit<ParamsOf<F>>[];
}

/**
 * Validate and normalise raw input (missing -> default, strings -> numbers). Unknown keys
 * are reported too: a misspelt parameter must not silently fall back to its default.
 */
export function parseParams<F extends Fields>(
  schema: ParamSchema<F>,
  raw: Readonly<Record<string, unknown>>,
  scope: LimitScope,
): Parsed<ParamsOf<F>> {
  const issues: ParamIssue[] = [];
  const value: Record<string, number | string> = {};
  for (const key of Object.keys(raw)) {
    if (!(key in schema.fields) && raw[key] !== undefined) {
      issues.push({ param: key, message: `unknown parameter ${key}; allowed: ${Object.keys(schema.fields).join(', ')}` });
    }
  }
  for (const [name, f] of Object.entries(schema.fields)) {
    const r = parseField(name, f, raw[name]);
    if (r.ok) value[name] = r.value;
    else issues.push(r.issue);
  }
  if (issues.length) return { ok: false, status: 400, issues };
  const params = value as ParamsOf<F>;
  const relational = schema.check?.(params) ?? [];
  if (relational.length) return { ok: false, status: 400, issues: relational };
  const over = (schema.limits ?? [])
    .filter((l) => l.value(params) > l[scope])
    .map((l) => ({
      param: l.name,
      message: `${l.name} = ${fmt(l.value(params))} exceeds the ${scope === 'worker' ? 'API' : 'local'} limit ${fmt(l[scope])} (${l.description})`,
    }));
  if (over.length) return { ok: false, status: 422, issues: over };
  return { ok: true, value: params };
}

// ---------------------------------------------------------------------------------------
// Shared relations and limits.

export const alphaRangeCheck = (q: { alphaMin: number; alphaMax: number }): ParamIssue[] =>
  q.alphaMin < q.alphaMax ? [] : [{ param: 'alphaMax', message: `alphaMax must be greater than alphaMin (got alphaMin = ${fmt(q.alphaMin)}, alphaMax = ${fmt(q.alphaMax)})` }];

/** Number of samples M = round(alpha N), as the model draws them. */
export const samples = (alpha: number, N: number): number => Math.round(alpha * N);
