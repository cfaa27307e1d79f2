/**
 * raw parameters -> schema -> core computation -> identified canonical document.
 * The one path every door (CLI, API, site build) takes to produce a result.
 */
import { endpoints, parseFor, VERSIONS, type EndpointName } from './endpoints.ts';
import type { LimitScope, ParamIssue } from './params.ts';
import { documentJson, identify, type Identity } from './result.ts';
import type { Progress } from './types.ts';

export type Computed =
  | { ok: true; identity: Identity; json: string }
  | { ok: false; status: 400 | 422; issues: ParamIssue[] };

/** Validate and identify without computing: what a cache lookup needs. */
export async function identifyRequest(
  name: EndpointName,
  raw: Readonly<Record<string, unknown>>,
  scope: LimitScope,
): Promise<{ ok: true; identity: Identity } | { ok: false; status: 400 | 422; issues: ParamIssue[] }> {
  const parsed = parseFor(name, raw, scope);
  if (!parsed.ok) return parsed;
  const identity = await identify({ endpoint: endpoints[name].path, params: parsed.value, versions: VERSIONS });
  return { ok: true, identity };
}

export async function computeDocument(
  name: EndpointName,
  raw: Readonly<Record<string, unknown>>,
  scope: LimitScope,
  progress?: Progress,
): Promise<Computed> {
  const request = await identifyRequest(name, raw, scope);
  if (!request.ok) return request;
  const run = endpoints[name].run as (params: unknown, progress?: Progress) => object;
  const result = run(request.identity.params, progress);
  return { ok: true, identity: request.identity, json: documentJson(request.identity, result) };
}
