/**
 * Bad input: every case gets its documented status and an RFC 9457 problem+json that names
 * the parameter (or limit) and the allowed range. Never a 500 for input.
 */
import { describe, expect, it } from 'vitest';
import { get, problemOf } from './helpers.ts';

interface Case {
  what: string;
  url: string;
  status: 400 | 404 | 405 | 422;
  /** the param (or limit) named in errors[] */
  param?: string;
  /** a piece of the message, e.g. the allowed range */
  says?: RegExp;
  method?: string;
}

const T = '/v1/theory/threshold';
const S = '/v1/simulate/spectrum';
const O = '/v1/simulate/overlap';
const sim = 'N=60&p=2&pstar=1&a=1&alpha=3';

const cases: Case[] = [
  { what: 'missing parameter', url: `${T}?pstar=1&a=1`, status: 400, param: 'p', says: /integer from 1 to 256 \(missing\)/ },
  { what: 'empty required parameter', url: `${T}?p=&pstar=1&a=1`, status: 400, param: 'p', says: /missing/ },
  { what: 'non-numeric', url: `${T}?p=two&pstar=1&a=1`, status: 400, param: 'p', says: /not a number/ },
  { what: 'hex is not a number', url: `${T}?p=0x10&pstar=1&a=1`, status: 400, param: 'p' },
  { what: 'Infinity', url: `${T}?p=1&pstar=1&a=Infinity`, status: 400, param: 'a' },
  { what: 'overflow to infinity', url: `${T}?p=1&pstar=1&a=1e400`, status: 400, param: 'a' },
  { what: 'p = 0', url: `${T}?p=0&pstar=1&a=1`, status: 400, param: 'p', says: /integer from 1 to 256/ },
  { what: 'p not an integer', url: `${T}?p=1.5&pstar=1&a=1`, status: 400, param: 'p', says: /not an integer/ },
  { what: 'p above its range', url: `${T}?p=257&pstar=1&a=1`, status: 400, param: 'p' },
  { what: 'a = 0', url: `${T}?p=1&pstar=1&a=0`, status: 400, param: 'a', says: /0 < value <= 1000/ },
  { what: 'a < 0', url: `${T}?p=1&pstar=1&a=-1`, status: 400, param: 'a', says: /0 < value <= 1000/ },
  { what: 'unknown parameter', url: `${T}?p=1&pstar=1&a=1&alpah=2`, status: 400, param: 'alpah', says: /unknown parameter/ },
  { what: 'repeated parameter', url: `${T}?p=1&p=2&pstar=1&a=1`, status: 400, param: 'p', says: /more than once/ },
  { what: 'unknown hessian', url: `${S}?${sim}&hessian=newton`, status: 400, param: 'hessian', says: /one of euclidean, spherical/ },
  { what: 'alphaMin >= alphaMax', url: `/v1/theory/overlap-curve?p=1&pstar=1&a=1&alphaMin=3&alphaMax=2`, status: 400, param: 'alphaMax', says: /greater than alphaMin/ },
  { what: 'k above half the dimension', url: `/v1/simulate/spectrum?N=8&p=1&pstar=1&a=1&alpha=1&k=5`, status: 400, param: 'k' },
  { what: 'simulation N below its range', url: `${S}?N=4&p=2&pstar=1&a=1&alpha=3`, status: 400, param: 'N', says: /integer from 8 to 8000/ },
  { what: 'data matrix over the Worker limit', url: `${S}?N=8000&p=1&pstar=1&a=1&alpha=50`, status: 422, param: 'M*N', says: /exceeds the API limit 8000000/ },
  { what: 'Hessian dimension over the Worker limit', url: `${S}?N=300&p=16&pstar=1&a=1&alpha=0.1`, status: 422, param: 'p*N', says: /exceeds the API limit 4000/ },
  { what: 'scan work over the Worker limit', url: `${O}?N=250&p=16&pstar=1&a=1&alphaMin=1&alphaMax=50&points=40&seeds=64`, status: 422, param: 'work' },
  { what: 'malformed result id', url: '/v1/results/not-an-id', status: 400, param: 'id', says: /64 lower-case hexadecimal/ },
  { what: 'upper-case result id', url: `/v1/results/${'A'.repeat(64)}`, status: 400, param: 'id' },
  { what: 'unknown result id', url: `/v1/results/${'0'.repeat(64)}`, status: 404 },
  { what: 'unknown route', url: '/v1/theory/nope?p=1', status: 404 },
  { what: 'unknown route outside /v1', url: '/nope', status: 404 },
  { what: 'POST to an endpoint', url: `${T}?p=1&pstar=1&a=1`, status: 405, method: 'POST' },
  { what: 'PUT to a result', url: `/v1/results/${'0'.repeat(64)}`, status: 405, method: 'PUT' },
  { what: 'DELETE on openapi.json', url: '/v1/openapi.json', status: 405, method: 'DELETE' },
];

describe.each(cases)('$what -> $status', (c) => {
  it('is a problem+json naming the parameter', async () => {
    const res = await get(c.url, { method: c.method ?? 'GET' });
    expect(res.status).toBe(c.status);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const p = await problemOf(res);
    expect(p.status).toBe(c.status);
    expect(typeof p.type).toBe('string');
    expect(p.title.length).toBeGreaterThan(0);
    expect(p.detail.length).toBeGreaterThan(0);
    if (c.status === 405) expect(res.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
    if (c.param) {
      expect(p.errors?.map((e) => e.param)).toContain(c.param);
      const issue = p.errors!.find((e) => e.param === c.param)!;
      if (c.says) expect(issue.message).toMatch(c.says);
      expect(p.detail).toContain(issue.message);
    }
    if (c.status === 400 && c.param) expect(p.type).toBe(c.param === 'id' ? '/v1/problems/invalid-result-id' : '/v1/problems/invalid-parameters');
    if (c.status === 422) expect(p.type).toBe('/v1/problems/limit-exceeded');
  });
});

it('every problem type resolves to its description', async () => {
  for (const kind of ['invalid-parameters', 'limit-exceeded', 'invalid-result-id', 'result-not-found', 'corrupted-result']) {
    const res = await get(`/v1/problems/${kind}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { type: string; description: string };
    expect(body.type).toBe(`/v1/problems/${kind}`);
    expect(body.description.length).toBeGreaterThan(10);
  }
});

it('never answers 500 to odd input (a sweep of strange values on every field)', async () => {
  const odd = ['', ' ', '-0', '+0', '1e-320', '1e308', 'NaN', '-Infinity', '1,5', '1 2', '１', '%00', '\u0000', 'null', 'true', '[]', '{}', '9'.repeat(400), '.5', '5.', '-.5e1', '0b1', '1_000'];
  const base: Record<string, string> = { p: '2', pstar: '1', a: '1' };
  for (const key of Object.keys(base)) {
    for (const v of odd) {
      const qs = new URLSearchParams({ ...base, [key]: v }).toString();
      const res = await get(`${T}?${qs}`);
      expect([200, 400], `${key}=${JSON.stringify(v)}`).toContain(res.status);
      await res.arrayBuffer();
    }
  }
});
