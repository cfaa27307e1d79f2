/**
 * The API against the core: every catalogue entry served, byte-identical to the core's
 * canonical document, content-addressed, stored in R2 and served back by id.
 */
import { describe, expect, it } from 'vitest';
import { computeDocument } from '../../shared/src/compute.ts';
import { endpointList, endpoints, VERSIONS, type EndpointName } from '../../shared/src/endpoints.ts';
import { canonicalJson, resultId, sha256Hex } from '../../shared/src/result.ts';
import { bucket, evict, get, query, r2Key } from './helpers.ts';

/** One small request per endpoint (simulations at N <= 100 to keep the suite fast). */
const cases: Record<EndpointName, Record<string, string | number>> = {
  threshold: { p: 2, pstar: 1, a: 1 },
  spectrum: { p: 2, pstar: 1, a: 1, alpha: 3, points: 20 },
  overlapCurve: { p: 2, pstar: 1, a: 1, alphaMin: 0.5, alphaMax: 5, points: 5 },
  phaseDiagram: { pstar: 1, a: 1, pMax: 3 },
  simulate: { N: 60, p: 2, pstar: 1, a: 1, alpha: 3, seed: 7, bins: 10, k: 3 },
  simulateOverlap: { N: 40, p: 2, pstar: 1, a: 1, alphaMin: 1, alphaMax: 4, points: 3, seeds: 2, seed: 3 },
  finiteOverlap: { Ns: '40,60', p: 1, pstar: 1, a: 1, alphaMin: 1, alphaMax: 4, points: 2, seeds: 2, replicas: 20 },
  finiteEdge: { Ns: '40,60', p: 1, pstar: 1, a: 1, alpha: 3, seeds: 2 },
};

/** The same request written differently: reversed order, numbers reformatted ("2" -> "2.0", "1" -> "1e0"). */
function reformatted(params: Record<string, string | number>): string {
  const entries = Object.entries(params).reverse().map(([k, v], i): [string, string] => {
    if (typeof v !== 'number') return [k, v];
    const forms = [`${v}.0`, `${v}e0`, `+${v}`, ` ${v}`];
    return [k, Number.isInteger(v) ? forms[i % forms.length] : `${v}0`];
  });
  return new URLSearchParams(entries).toString();
}

it('every catalogue entry has a test case', () => {
  expect(Object.keys(cases).sort()).toEqual(endpointList.map((e) => e.name).sort());
});

describe.each(endpointList.filter((e) => e.name in cases).map((e) => [e.name, e.path] as const))('%s (/v1/%s)', (name, path) => {
  const params = cases[name];
  const url = `/v1/${path}?${query(params)}`;

  it('answers with the core document, byte for byte, and stores it', async () => {
    const expected = await computeDocument(name, params, 'worker');
    if (!expected.ok) throw new Error(`test case invalid: ${JSON.stringify(expected.issues)}`);
    const { id } = expected.identity;
    await evict(id);
    await bucket().delete(r2Key(id));

    const res = await get(url);
    const body = await res.text();
    expect(res.status).toBe(200);
    expect(body).toBe(expected.json);
    expect(res.headers.get('Content-Type')).toBe('application/json');
    expect(res.headers.get('ETag')).toBe(`"${id}"`);
    expect(res.headers.get('X-Result-Id')).toBe(id);
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Access-Control-Expose-Headers')).toMatch(/ETag/i);
    expect(res.headers.get('X-Result-Source')).toBe('computed');

    // The document's identity: id = SHA-256 of canonical {endpoint, params, versions}.
    const doc = JSON.parse(body);
    expect(doc.endpoint).toBe(path);
    expect(doc.versions).toEqual(VERSIONS);
    expect(doc.id).toBe(await resultId({ endpoint: doc.endpoint, params: doc.params, versions: doc.versions }));
    expect(doc.permalink).toBe(`/v1/results/${id}`);
    expect(Object.keys(doc.params).sort()).toEqual(Object.keys(endpoints[name].fields).sort());

    // The numbers are the core's: run the core function directly on the canonical params.
    const run = (endpoints[name] as { run?: (p: unknown) => object }).run;
    if (run) {
      const direct = JSON.parse(canonicalJson(run(doc.params))) as Record<string, unknown>;
      for (const [k, v] of Object.entries(direct)) expect(doc[k], k).toEqual(v);
    }

    // Stored in R2 under results/<id>.json with the content hash of the bytes.
    const blob = await bucket().get(r2Key(id));
    expect(blob).not.toBeNull();
    expect(await blob!.text()).toBe(body);
    expect(blob!.customMetadata?.sha256).toBe(await sha256Hex(body));
  });

  it('gives the same id and bytes for the same request, reordered and reformatted', async () => {
    const first = await get(url);
    const a = await first.text();
    const again = await get(url);
    expect(again.headers.get('X-Result-Source')).toBe('cache');
    expect(await again.text()).toBe(a);
    const other = await get(`/v1/${path}?${reformatted(params)}`);
    expect(other.status).toBe(200);
    expect(other.headers.get('ETag')).toBe(first.headers.get('ETag'));
    expect(await other.text()).toBe(a);
  });

  it('serves the stored bytes at the permalink (cache, then R2 when evicted)', async () => {
    const first = await get(url);
    const body = await first.text();
    const { permalink, id } = JSON.parse(body);
    const byId = await get(permalink);
    expect(byId.status).toBe(200);
    expect(await byId.text()).toBe(body);
    expect(byId.headers.get('ETag')).toBe(`"${id}"`);

    await evict(id);
    const fromR2 = await get(permalink);
    expect(fromR2.headers.get('X-Result-Source')).toBe('r2');
    expect(await fromR2.text()).toBe(body);
    await evict(id);
    const viaQuery = await get(url);
    expect(viaQuery.headers.get('X-Result-Source')).toBe('r2');
    expect(await viaQuery.text()).toBe(body);
  });

  it('answers If-None-Match with 304', async () => {
    const first = await get(url);
    const etag = first.headers.get('ETag')!;
    await first.arrayBuffer();
    for (const target of [url, JSON.parse((await (await get(url)).text())).permalink as string]) {
      const res = await get(target, { headers: { 'If-None-Match': `W/"0000", ${etag}` } });
      expect(res.status).toBe(304);
      expect(res.headers.get('ETag')).toBe(etag);
      expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
      expect(await res.text()).toBe('');
    }
  });
});

describe('composite requests (studies)', () => {
  const studies = endpointList.filter((e) => 'parts' in e && e.name in cases);
  it.each(studies.map((e) => [e.name, e.path] as const))('%s stores every part under its own id, byte-identical to a direct request', async (name, path) => {
    const res = await get(`/v1/${path}?${query(cases[name])}`);
    expect(res.status).toBe(200);
    const doc = JSON.parse(await res.text()) as { parts?: { id: string; params: Record<string, string | number> }[] };
    expect(Array.isArray(doc.parts) && doc.parts.length > 0).toBe(true);
    for (const part of doc.parts!) {
      const stored = await bucket().get(r2Key(part.id));
      expect(stored, part.id).not.toBeNull();
      const direct = await computeDocument('simulate', part.params, 'worker');
      if (!direct.ok) throw new Error('invalid part');
      expect(direct.identity.id).toBe(part.id);
      expect(await stored!.text()).toBe(direct.json);
      const byId = await get(`/v1/results/${part.id}`);
      expect(await byId.text()).toBe(direct.json);
    }
  });
});

describe('defaults and HEAD', () => {
  it('an omitted default and the default written out are the same result', async () => {
    const short = await get(`/v1/theory/spectrum?${query({ p: 2, pstar: 1, a: 1, alpha: 3 })}`);
    const full = await get(`/v1/theory/spectrum?${query({ p: 2, pstar: 1, a: 1, alpha: 3, points: endpoints.spectrum.fields.points.default })}`);
    expect(short.headers.get('ETag')).toBe(full.headers.get('ETag'));
    expect(await short.text()).toBe(await full.text());
  });

  it('HEAD gives the headers without a body', async () => {
    const res = await get(`/v1/theory/threshold?${query(cases.threshold)}`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('ETag')).toMatch(/^"[0-9a-f]{64}"$/);
    expect(await res.text()).toBe('');
  });

  it('different seeds are different results', async () => {
    const a = await get(`/v1/simulate/spectrum?${query({ ...cases.simulate, seed: 1 })}`);
    const b = await get(`/v1/simulate/spectrum?${query({ ...cases.simulate, seed: 2 })}`);
    expect(a.headers.get('ETag')).not.toBe(b.headers.get('ETag'));
    expect(await a.text()).not.toBe(await b.text());
  });

  it('the spherical Hessian is served too', async () => {
    const params = { ...cases.simulate, hessian: 'spherical' };
    const expected = await computeDocument('simulate', params, 'worker');
    if (!expected.ok) throw new Error('invalid case');
    const res = await get(`/v1/simulate/spectrum?${query(params)}`);
    expect(await res.text()).toBe(expected.json);
  });
});

describe('meta routes', () => {
  it('/v1/health reports ok and the versions', async () => {
    const res = await get('/v1/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', versions: VERSIONS });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });

  it('the index lists every endpoint', async () => {
    const res = await get('/');
    const body = (await res.json()) as { endpoints: { path: string }[] };
    expect(body.endpoints.map((e) => e.path)).toEqual(endpointList.map((e) => `/v1/${e.path}`));
  });

  it('CORS preflight is answered for the report site', async () => {
    const res = await get('/v1/theory/threshold?p=1&pstar=1&a=1', {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:4321', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'If-None-Match' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Access-Control-Allow-Methods')).toMatch(/GET/);
    expect(res.headers.get('Access-Control-Allow-Headers')).toMatch(/If-None-Match/i);
  });
});
