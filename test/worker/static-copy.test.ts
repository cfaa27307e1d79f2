/**
 * Permalinks of the report's prerendered figures: the site ships their documents as
 * results/<id>.json, and /v1/results/<id> falls back to that copy (verified, then stored in
 * R2) when the bucket has never seen the id.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import app from '../../worker/src/index.ts';
import { computeDocument } from '../../shared/src/compute.ts';
import { ORIGIN, r2Key } from './helpers.ts';

/** An ASSETS binding serving one file, as site/dist would. */
const assetsWith = (path: string, body: string): Fetcher =>
  ({ fetch: async (req: Request) => (new URL(req.url).pathname === path ? new Response(body) : new Response('not found', { status: 404 })) }) as unknown as Fetcher;

const byId = (id: string, assets: Fetcher) => app.fetch(new Request(`${ORIGIN}/v1/results/${id}`), { ...env, ASSETS: assets });

describe('static copies of prerendered results', () => {
  it('an id unknown to R2 is served from the site copy, byte for byte, and then stored', async () => {
    const doc = await computeDocument('threshold', { p: '3', pstar: '1', a: '0.7' }, 'local');
    if (!doc.ok) throw new Error('setup');
    const id = doc.identity.id;
    expect(await env.RESULTS.get(r2Key(id))).toBeNull();
    const res = await byId(id, assetsWith(`/results/${id}.json`, doc.json));
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Result-Source')).toBe('static');
    expect(res.headers.get('ETag')).toBe(`"${id}"`);
    expect(await res.text()).toBe(doc.json);
    expect(await (await env.RESULTS.get(r2Key(id)))!.text()).toBe(doc.json);
  });

  it('a copy that does not verify is not served (404, nothing stored)', async () => {
    const doc = await computeDocument('threshold', { p: '3', pstar: '1', a: '0.8' }, 'local');
    const other = await computeDocument('threshold', { p: '3', pstar: '1', a: '0.9' }, 'local');
    if (!doc.ok || !other.ok) throw new Error('setup');
    const id = doc.identity.id;
    for (const body of [other.json, 'garbage', doc.json.replace(id, other.identity.id)]) {
      const res = await byId(id, assetsWith(`/results/${id}.json`, body));
      expect(res.status).toBe(404);
      expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    }
    expect(await env.RESULTS.get(r2Key(id))).toBeNull();
  });
});
