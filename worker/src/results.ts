/**
 * The two document routes: GET /v1/{endpoint path} (compute on demand, content-addressed)
 * and GET /v1/results/{id} (the stored bytes). Both go Cache API -> R2 (verified) and only
 * then compute.
 */
import type { Context } from 'hono';
import { ID_PATTERN } from '../../shared/src/result.ts';
import type { CatalogueEntry, Core } from './core.ts';
import type { AppEnv } from './env.ts';
import { matchesEtag } from './etag.ts';
import { parameterProblem, problemOf, problemResponse } from './problem.ts';
import { rawQuery } from './query.ts';
import { documentHeaders, logEvent, ResultStore } from './storage.ts';

type Source = 'cache' | 'r2' | 'computed' | 'recomputed';

function documentResponse(id: string, body: BodyInit | null, source: Source): Response {
  return new Response(body, { status: 200, headers: { ...documentHeaders(id), 'X-Result-Source': source } });
}

function notModified(id: string): Response {
  const { 'Content-Type': _ct, ...h } = documentHeaders(id);
  return new Response(null, { status: 304, headers: h });
}

/**
 * Put a verified or computed document in the Cache API. Awaited (not waitUntil): it only
 * happens on a miss, costs a millisecond, and keeps "what is cached" deterministic. A cache
 * failure is logged and never fails the request.
 */
async function cacheQuietly(store: ResultStore, id: string, json: string): Promise<void> {
  try {
    await store.cachePut(id, json);
  } catch (err) {
    logEvent('cache-put-failed', { id, error: String(err) });
  }
}

const storeOf = (c: Context<AppEnv>): ResultStore => new ResultStore(c.env.RESULTS, caches.default);

/**
 * Store a freshly computed document. An R2 failure is logged and the (correct) answer still
 * served; it is not cached, so the next identical request retries the write.
 */
async function persist(store: ResultStore, id: string, json: string): Promise<void> {
  try {
    await store.put(id, json);
  } catch (err) {
    logEvent('r2-put-failed', { id, error: String(err) });
    return;
  }
  await cacheQuietly(store, id, json);
}

export function computeRoute(core: Core, e: CatalogueEntry) {
  return async (c: Context<AppEnv>): Promise<Response> => {
    const instance = new URL(c.req.url).pathname;
    const q = rawQuery(new URL(c.req.url));
    if (!q.ok) return problemResponse(parameterProblem(400, q.issues, instance));
    const request = await core.identify(e.name, q.raw, 'worker');
    if (!request.ok) return problemResponse(parameterProblem(request.status, request.issues, instance));
    const id = request.identity.id;
    // Content-addressed: the id names the bytes, so a matching validator needs no lookup.
    if (matchesEtag(c.req.header('If-None-Match'), id)) return notModified(id);

    const store = storeOf(c);
    const cached = await store.cached(id);
    if (cached) return documentResponse(id, cached.body, 'cache');

    const stored = await store.stored(id);
    if (stored.status === 'hit') {
      await cacheQuietly(store, id, stored.json);
      return documentResponse(id, stored.json, 'r2');
    }
    if (stored.status === 'corrupt') logEvent('corrupt-blob', { id, reason: stored.reason, action: 'recompute' });

    const out = await core.compute(e.name, q.raw, 'worker');
    if (!out.ok) return problemResponse(parameterProblem(out.status, out.issues, instance));
    if (out.identity.id !== id) throw new Error(`identify and compute disagree on the id of ${instance}: ${id} vs ${out.identity.id}`);
    await persist(store, id, out.json);
    return documentResponse(id, out.json, stored.status === 'corrupt' ? 'recomputed' : 'computed');
  };
}

export function resultRoute(core: Core) {
  return async (c: Context<AppEnv>): Promise<Response> => {
    const id = c.req.param('id') ?? '';
    const instance = new URL(c.req.url).pathname;
    if (!ID_PATTERN.test(id)) {
      return problemResponse(
        problemOf('invalid-result-id', `id must be 64 lower-case hexadecimal characters (a SHA-256); got ${JSON.stringify(id.slice(0, 80))}`, [
          { param: 'id', message: `id must be 64 lower-case hexadecimal characters (a SHA-256); got ${JSON.stringify(id.slice(0, 80))}` },
        ], instance),
      );
    }
    const conditional = matchesEtag(c.req.header('If-None-Match'), id);
    const store = storeOf(c);
    const cached = await store.cached(id);
    if (cached) return conditional ? notModified(id) : documentResponse(id, cached.body, 'cache');

    const stored = await store.stored(id);
    if (stored.status === 'hit') {
      await cacheQuietly(store, id, stored.json);
      return conditional ? notModified(id) : documentResponse(id, stored.json, 'r2');
    }
    if (stored.status === 'missing') {
      return problemResponse(problemOf('result-not-found', `no result is stored under ${id}`, undefined, instance));
    }
    // Corrupt. If the blob's request key still hashes to this id, recompute from it.
    const entry = stored.key && core.endpoints.find((x) => x.path === stored.key!.endpoint);
    const versionsMatch =
      stored.key && stored.key.versions.model === core.versions.model && stored.key.versions.generator === core.versions.generator;
    if (stored.key && entry && versionsMatch) {
      logEvent('corrupt-blob', { id, reason: stored.reason, action: 'recompute' });
      const out = await core.compute(entry.name, stored.key.params, 'worker');
      if (out.ok && out.identity.id === id) {
        await persist(store, id, out.json);
        return conditional ? notModified(id) : documentResponse(id, out.json, 'recomputed');
      }
    }
    logEvent('corrupt-blob', { id, reason: stored.reason, action: 'refused' });
    return problemResponse(
      problemOf('corrupted-result', `the stored result ${id} failed verification (${stored.reason}) and was not served`, undefined, instance),
    );
  };
}
