/**
 * The explorer's fan-out for studies (finite-size endpoints), as the CLI's --api does: every
 * part is requested on its own (a few at a time), so the API computes and stores each under
 * its own id; the study itself is requested afterwards and finds them all stored. Reports
 * progress per part. Plain requests have no parts: nothing happens.
 */
import { mapLimit, partsOf } from '../../../shared/src/compute.ts';
import { endpoints, type EndpointName } from '../../../shared/src/endpoints.ts';
import { apiQuery } from './docs.ts';

export const FANOUT_CONCURRENCY = 4;

export async function fanOutParts(
  view: EndpointName,
  raw: Readonly<Record<string, string>>,
  base: string,
  signal: AbortSignal,
  onProgress: (done: number, total: number) => void,
): Promise<void> {
  const split = partsOf(view, raw, 'worker');
  if (!split.ok || split.parts.length === 0) return; // invalid: the study request reports it
  let done = 0;
  onProgress(0, split.parts.length);
  await mapLimit(split.parts, FANOUT_CONCURRENCY, async (part) => {
    const url = apiQuery(endpoints[part.endpoint].path, part.params as unknown as Record<string, number | string>, base);
    const res = await fetch(url, { signal, headers: { accept: 'application/json' } });
    await res.body?.cancel(); // only its being stored matters here
    if (!res.ok) throw new Error(`part ${url} answered ${res.status}`);
    onProgress(++done, split.parts.length);
  });
}
