/**
 * Content-addressed storage: a blob in R2 is verified before it is served. A corrupted or
 * tampered blob is logged and never served; the computing route recomputes and overwrites
 * it, the permalink route recomputes it when the blob's own request key still proves which
 * request it was, and otherwise answers a 500 problem.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { computeDocument } from '../../shared/src/compute.ts';
import { canonicalJson, sha256Hex } from '../../shared/src/result.ts';
import { verifyDocument } from '../../worker/src/storage.ts';
import { bucket, evict, get, problemOf, query, r2Key } from './helpers.ts';

const params = { p: 3, pstar: 1, a: 2 };
const url = `/v1/theory/threshold?${query(params)}`;
let id = '';
let good = '';

async function writeBlob(text: string, sha256?: string | null): Promise<void> {
  await bucket().put(r2Key(id), text, { customMetadata: sha256 === null ? {} : { sha256: sha256 ?? (await sha256Hex(text)) } });
}

/** A document whose first numeric result field is changed (identity fields intact). */
function tampered(json: string): string {
  const doc = JSON.parse(json) as Record<string, unknown>;
  const key = Object.keys(doc).find((k) => typeof doc[k] === 'number');
  if (!key) throw new Error('no numeric field to tamper with');
  doc[key] = (doc[key] as number) + 0.125;
  return canonicalJson(doc);
}

let logs: string[] = [];
beforeEach(async () => {
  const expected = await computeDocument('threshold', params, 'worker');
  if (!expected.ok) throw new Error('invalid case');
  id = expected.identity.id;
  good = expected.json;
  await evict(id);
  await bucket().delete(r2Key(id));
  logs = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    logs.push(args.map(String).join(' '));
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const corruptLogged = (action: string): boolean =>
  logs.some((l) => l.includes('"corrupt-blob"') && l.includes(id) && l.includes(`"action":"${action}"`));

describe('the computing route, on a corrupted blob, recomputes and overwrites it', () => {
  const corruptions: [string, () => Promise<void>][] = [
    ['garbage bytes', () => writeBlob('\u0000garbage{')],
    ['a tampered number (stale content hash)', () => writeBlob(tampered(good), 'f'.repeat(64))],
    ['a truncated document', () => writeBlob(good.slice(0, good.length >> 1))],
    ['the document without its content hash', () => writeBlob(good, null)],
    ['the right content in non-canonical form', () => writeBlob(JSON.stringify(JSON.parse(good), null, 1))],
  ];

  it.each(corruptions)('%s', async (_what, corrupt) => {
    await corrupt();
    const res = await get(url);
    const body = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Result-Source')).toBe('recomputed');
    expect(body).toBe(good);
    expect(corruptLogged('recompute')).toBe(true);
    const healed = await bucket().get(r2Key(id));
    expect(await healed!.text()).toBe(good);
    expect(healed!.customMetadata?.sha256).toBe(await sha256Hex(good));
  });

  it("another result's document stored under this id", async () => {
    const other = await computeDocument('threshold', { p: 4, pstar: 1, a: 2 }, 'worker');
    if (!other.ok) throw new Error('invalid case');
    await writeBlob(other.json);
    const res = await get(url);
    expect(await res.text()).toBe(good);
    expect(corruptLogged('recompute')).toBe(true);
  });
});

describe('the permalink route never serves a corrupted blob', () => {
  it('garbage: 500 problem, blob not served', async () => {
    await writeBlob('\u0000garbage{');
    const res = await get(`/v1/results/${id}`);
    expect(res.status).toBe(500);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    const p = await problemOf(res);
    expect(p.type).toBe('/v1/problems/corrupted-result');
    expect(p.detail).toContain('not JSON');
    expect(corruptLogged('refused')).toBe(true);
  });

  it("another result's document: 500 problem (its key names another id)", async () => {
    const other = await computeDocument('threshold', { p: 4, pstar: 1, a: 2 }, 'worker');
    if (!other.ok) throw new Error('invalid case');
    await writeBlob(other.json);
    const res = await get(`/v1/results/${id}`);
    expect(res.status).toBe(500);
    expect((await problemOf(res)).type).toBe('/v1/problems/corrupted-result');
    expect(corruptLogged('refused')).toBe(true);
  });

  it('tampered numbers with an intact request key: recomputed from the key, correct bytes served', async () => {
    await writeBlob(tampered(good), 'f'.repeat(64));
    const res = await get(`/v1/results/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Result-Source')).toBe('recomputed');
    expect(await res.text()).toBe(good);
    expect(corruptLogged('recompute')).toBe(true);
    expect(await (await bucket().get(r2Key(id)))!.text()).toBe(good);
  });

  it('a tampered id field: detected', async () => {
    const doc = JSON.parse(good);
    doc.id = '1'.repeat(64);
    await writeBlob(canonicalJson(doc));
    const res = await get(`/v1/results/${id}`);
    expect(await res.text()).toBe(good);
    expect(logs.some((l) => l.includes('id field'))).toBe(true);
  });
});

describe('verifyDocument', () => {
  it('accepts the document it was written as, and nothing else', async () => {
    const sha = await sha256Hex(good);
    expect(await verifyDocument(id, good, sha)).toEqual({ ok: true });
    expect((await verifyDocument('0'.repeat(64), good, sha)).ok).toBe(false);
    expect((await verifyDocument(id, good, undefined)).ok).toBe(false);
    expect((await verifyDocument(id, `${good} `, await sha256Hex(`${good} `))).ok).toBe(false);
    expect((await verifyDocument(id, '[]', await sha256Hex('[]'))).ok).toBe(false);
    const t = tampered(good);
    const r = await verifyDocument(id, t, sha);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.key).not.toBeNull();
  });
});
