/**
 * The two document routes: GET /v1/{endpoint path} (compute on demand, content-addressed)
 * and GET /v1/results/{id} (the stored bytes). Both go Cache API -> R2 (verified) and only
 * then compute. The same get-or-compute path resolves the parts of composite requests, so a
 * part is stored and cached under its own id exactly as if it had been requested directly.
 */
import type { Context } from 'hono';
import type { ParamIssue } from '../../shared/src/params.ts';
import { ID_PATTERN, sha256Hex } from '../../shared/src/result.ts';
import type { CatalogueEntry, Core, PartResolver } from './core.ts';
import type { AppEnv } from './env.ts';
import { matchesEtag } from './etag.ts';
import { parameterProblem, problemOf, problemResponse } from './problem.ts';
import { rawQuery } from './query.ts';
import { documentHeaders, logEvent, ResultStore, verifyDocument } from './storage.ts';

type Source = 'cache' | 'r2' | 'computed' | 'recomputed' | 'static';

type Answer =
  | { kind: 'invalid'; status: 400 | 422; issues: ParamIssue[] }
  | { kind: 'not-modified'; id: string }
  | { kind: 'document'; id: string; body: string | ReadableStream; source: Source };

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

/** Get-or-compute for one request (or one part), within one HTTP request's bindings. */
class Results {
  private readonly store: ResultStore;

  constructor(
    private readonly core: Core,
    bucket: R2Bucket,
    private readonly assets?: Fetcher,
  ) {
    this.store = new ResultStore(bucket, caches.default);
  }

  /**
   * The report's prerendered documents ship with the site (results/<id>.json), so their
   * permalinks resolve before anyone asked the API for them. A copy is served only if it
   * verifies like an R2 blob (its key hashes to the id, canonical bytes), and is then stored.
   * Its numbers are trusted as much as the deployment that ships them: the id certifies the
   * request, and anyone can recompute it from /v1/{endpoint}?{params}.
   */
  private async staticCopy(id: string): Promise<string | null> {
    if (!this.assets) return null;
    const res = await this.assets.fetch(new Request(`https://assets.bbp/results/${id}.json`));
    if (!res.ok) return null;
    const text = await res.text();
    const v = await verifyDocument(id, text, await sha256Hex(text));
    if (!v.ok) {
      logEvent('corrupt-static-copy', { id, reason: v.reason, action: 'refused' });
      return null;
    }
    await persist(this.store, id, text);
    return text;
  }

  /** Parts of a composite request: fetched or computed (and stored) like any request. */
  readonly resolvePart: PartResolver = async (part) => {
    const a = await this.answer(part.endpoint, { ...part.params });
    if (a.kind === 'document') return typeof a.body === 'string' ? a.body : new Response(a.body).text();
    if (a.kind === 'invalid') throw new Error(`part ${part.endpoint} ${JSON.stringify(part.params)} is invalid: ${a.issues.map((i) => i.message).join('; ')}`);
    throw new Error('unreachable: a part lookup has no validator');
  };

  async answer(name: string, raw: Readonly<Record<string, unknown>>, ifNoneMatch?: string): Promise<Answer> {
    const request = await this.core.identify(name, raw, 'worker');
    if (!request.ok) return { kind: 'invalid', status: request.status, issues: request.issues };
    const id = request.identity.id;
    // Content-addressed: the id names the bytes, so a matching validator needs no lookup.
    if (matchesEtag(ifNoneMatch, id)) return { kind: 'not-modified', id };

    const cached = await this.store.cached(id);
    if (cached?.body) return { kind: 'document', id, body: cached.body, source: 'cache' };

    const stored = await this.store.stored(id);
    if (stored.status === 'hit') {
      await cacheQuietly(this.store, id, stored.json);
      return { kind: 'document', id, body: stored.json, source: 'r2' };
    }
    if (stored.status === 'corrupt') logEvent('corrupt-blob', { id, reason: stored.reason, action: 'recompute' });

    const out = await this.core.compute(name, raw, 'worker', this.resolvePart);
    if (!out.ok) return { kind: 'invalid', status: out.status, issues: out.issues };
    if (out.identity.id !== id) throw new Error(`identify and compute disagree on the id of ${name}: ${id} vs ${out.identity.id}`);
    await persist(this.store, id, out.json);
    return { kind: 'document', id, body: out.json, source: stored.status === 'corrupt' ? 'recomputed' : 'computed' };
  }

  /** GET /v1/results/{id}: cache, then verified R2; a corrupt blob is recomputed from its key if the key proves the id. */
  async byId(id: string, conditional: boolean, instance: string): Promise<Response> {
    const cached = await this.store.cached(id);
    if (cached?.body) return conditional ? notModified(id) : documentResponse(id, cached.body, 'cache');

    const stored = await this.store.stored(id);
    if (stored.status === 'hit') {
      await cacheQuietly(this.store, id, stored.json);
      return conditional ? notModified(id) : documentResponse(id, stored.json, 'r2');
    }
    if (stored.status === 'missing') {
      const copy = await this.staticCopy(id);
      if (copy !== null) return conditional ? notModified(id) : documentResponse(id, copy, 'static');
      return problemResponse(problemOf('result-not-found', `no result is stored under ${id}`, undefined, instance));
    }
    const key = stored.key;
    const entry = key && this.core.endpoints.find((x) => x.path === key.endpoint);
    const current = key && key.versions.model === this.core.versions.model && key.versions.generator === this.core.versions.generator;
    if (key && entry && current) {
      logEvent('corrupt-blob', { id, reason: stored.reason, action: 'recompute' });
      const out = await this.core.compute(entry.name, key.params, 'worker', this.resolvePart);
      if (out.ok && out.identity.id === id) {
        await persist(this.store, id, out.json);
        return conditional ? notModified(id) : documentResponse(id, out.json, 'recomputed');
      }
    }
    logEvent('corrupt-blob', { id, reason: stored.reason, action: 'refused' });
    return problemResponse(
      problemOf('corrupted-result', `the stored result ${id} failed verification (${stored.reason}) and was not served`, undefined, instance),
    );
  }
}

export function computeRoute(core: Core, e: CatalogueEntry) {
  return async (c: Context<AppEnv>): Promise<Response> => {
    const url = new URL(c.req.url);
    const q = rawQuery(url);
    if (!q.ok) return problemResponse(parameterProblem(400, q.issues, url.pathname));
    const a = await new Results(core, c.env.RESULTS).answer(e.name, q.raw, c.req.header('If-None-Match'));
    switch (a.kind) {
      case 'invalid':
        return problemResponse(parameterProblem(a.status, a.issues, url.pathname));
      case 'not-modified':
        return notModified(a.id);
      case 'document':
        return documentResponse(a.id, a.body, a.source);
    }
  };
}

export function resultRoute(core: Core) {
  return async (c: Context<AppEnv>): Promise<Response> => {
    const id = c.req.param('id') ?? '';
    const instance = new URL(c.req.url).pathname;
    if (!ID_PATTERN.test(id)) {
      const message = `id must be 64 lower-case hexadecimal characters (a SHA-256); got ${JSON.stringify(id.slice(0, 80))}`;
      return problemResponse(problemOf('invalid-result-id', message, [{ param: 'id', message }], instance));
    }
    return new Results(core, c.env.RESULTS, c.env.ASSETS).byId(id, matchesEtag(c.req.header('If-None-Match'), id), instance);
  };
}
