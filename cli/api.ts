/**
 * `--api URL`: the same document from a running API instead of the local core. A composite
 * request (a study) is fanned out first: each part is requested on its own, a few at a time
 * (so the API computes and stores them in parallel, each under its own id), then the
 * aggregate is requested, and the API finds every part stored. The bytes are the same as a
 * local run's: the id is checked against the local identification of the request.
 */
import { identifyRequest, mapLimit, partsOf } from '../shared/src/compute.ts';
import { endpoints, type EndpointName } from '../shared/src/endpoints.ts';
import type { ParamIssue } from '../shared/src/params.ts';
import type { Progress } from '../shared/src/types.ts';
import { UsageError } from './argv.ts';

/** Parts in flight at once: enough to keep a few API isolates busy, polite to a shared API. */
export const API_CONCURRENCY = 4;

const query = (params: Readonly<Record<string, unknown>>): string =>
  new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();

/** A problem+json answer as one line; 400/422 are the user's to fix (exit 2). */
async function failure(res: Response, what: string): Promise<Error> {
  let detail = `${res.status} ${res.statusText}`;
  try {
    const p = (await res.json()) as { detail?: string; errors?: ParamIssue[] };
    detail = p.errors?.length ? p.errors.map((e) => e.message).join('; ') : (p.detail ?? detail);
  } catch {
    // not JSON: keep the status line
  }
  const message = `${what}: ${detail}`;
  return res.status === 400 || res.status === 422 ? new UsageError(message) : new Error(message);
}

async function get(base: string, path: string, params: Readonly<Record<string, unknown>>): Promise<string> {
  const url = `${base.replace(/\/+$/, '')}/v1/${path}?${query(params)}`;
  let res: Response;
  try {
    res = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (err) {
    throw new Error(`cannot reach the API at ${base} (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!res.ok) throw await failure(res, `GET /v1/${path}`);
  return res.text();
}

export async function fetchDocument(
  base: string,
  name: EndpointName,
  flags: Readonly<Record<string, string>>,
  progress?: Progress,
): Promise<{ ok: true; json: string } | { ok: false; status: 400 | 422; issues: ParamIssue[] }> {
  // Validate with the API's own limits before sending anything.
  const request = await identifyRequest(name, flags, 'worker');
  if (!request.ok) return request;
  const split = partsOf(name, flags, 'worker');
  if (!split.ok) return split;
  const parts = split.parts;
  if (parts.length) {
    let done = 0;
    progress?.(0, parts.length, 'parts');
    await mapLimit(parts, API_CONCURRENCY, async (part) => {
      await get(base, endpoints[part.endpoint].path, part.params as unknown as Record<string, unknown>);
      progress?.(++done, parts.length, `part ${done}/${parts.length}`);
    });
  }
  const json = await get(base, endpoints[name].path, flags);
  const id = (JSON.parse(json) as { id?: string }).id;
  if (id !== request.identity.id) throw new Error(`the API answered with id ${id}, expected ${request.identity.id} (a different model or generator version?)`);
  return { ok: true, json };
}
