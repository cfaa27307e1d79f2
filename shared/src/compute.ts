/**
 * raw parameters -> schema -> core computation -> identified canonical document.
 * The one path every door (CLI, API, site build) takes to produce a result.
 */
import { endpoints, parseFor, VERSIONS, type EndpointName } from './endpoints.ts';
import type { LimitScope, ParamIssue } from './params.ts';
import { documentJson, identify, type Identity } from './result.ts';
import type { Progress } from './types.ts';
import type { PartDocument, PartRequest } from './finite/parts.ts';

/** A request the schema refused: 400 (malformed) or 422 (over a cost limit). */
export type Refused = { ok: false; status: 400 | 422; issues: ParamIssue[] };
export type Identified = { ok: true; identity: Identity } | Refused;
export type Computed = { ok: true; identity: Identity; json: string } | Refused;

/** Validate and identify without computing: what a cache lookup needs. */
export async function identifyRequest(
  name: EndpointName,
  raw: Readonly<Record<string, unknown>>,
  scope: LimitScope,
): Promise<Identified> {
  const parsed = parseFor(name, raw, scope);
  if (!parsed.ok) return parsed;
  const identity = await identify({ endpoint: endpoints[name].path, params: parsed.value, versions: VERSIONS });
  return { ok: true, identity };
}

/** Resolve one part to its document's exact JSON bytes (the API passes its get-or-compute). */
export type PartResolver = (part: PartRequest, index: number) => Promise<string>;

/** How many parts are resolved at once (parts are CPU-bound locally; I/O-bound in the API). */
export const PART_CONCURRENCY = 4;

/** The parts of a composite request, validated: what a fan-out client needs (no computation). */
export function partsOf(
  name: EndpointName,
  raw: Readonly<Record<string, unknown>>,
  scope: LimitScope,
): { ok: true; parts: PartRequest[] } | { ok: false; status: 400 | 422; issues: ParamIssue[] } {
  const parsed = parseFor(name, raw, scope);
  if (!parsed.ok) return parsed;
  const e = endpoints[name] as { parts?: (q: unknown) => PartRequest[] };
  return { ok: true, parts: e.parts ? e.parts(parsed.value) : [] };
}

/** A part computed here, through the same path as any request (its own id and bytes). */
export function localPartResolver(scope: LimitScope): PartResolver {
  return async (part) => {
    const out = await computeDocument(part.endpoint, part.params as unknown as Record<string, unknown>, scope);
    if (!out.ok) throw new Error(`part ${part.endpoint} ${JSON.stringify(part.params)}: ${out.issues.map((i) => i.message).join('; ')}`);
    return out.json;
  };
}

/** Run `task` over items with at most `limit` in flight; results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export async function computeDocument(
  name: EndpointName,
  raw: Readonly<Record<string, unknown>>,
  scope: LimitScope,
  progress?: Progress,
  resolvePart?: PartResolver,
): Promise<Computed> {
  const request = await identifyRequest(name, raw, scope);
  if (!request.ok) return request;
  const e = endpoints[name] as unknown as {
    run?: (params: unknown, progress?: Progress) => object;
    parts?: (params: unknown) => PartRequest[];
    combine?: (params: unknown, docs: readonly PartDocument[]) => object;
  };
  const params = request.identity.params;
  let result: object;
  if (e.parts && e.combine) {
    // A study: every part is a document of its own; the combination reads the parsed bytes,
    // so it is the same whether the parts were computed here or fetched from the API.
    const requests = e.parts(params);
    const resolve = resolvePart ?? localPartResolver(scope);
    let done = 0;
    progress?.(0, requests.length, 'parts');
    const docs = await mapLimit(requests, resolvePart ? PART_CONCURRENCY : 1, async (r, i) => {
      const doc = JSON.parse(await resolve(r, i)) as PartDocument;
      progress?.(++done, requests.length, `part ${done}/${requests.length}`);
      return doc;
    });
    result = e.combine(params, docs);
  } else if (e.run) {
    result = e.run(params, progress);
  } else {
    throw new Error(`endpoint ${name} has neither run nor parts + combine`);
  }
  return { ok: true, identity: request.identity, json: documentJson(request.identity, result) };
}
