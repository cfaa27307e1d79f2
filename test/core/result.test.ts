import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, documentJson, identify, resultId, sha256Hex } from '../../shared/src/result.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('writes numbers in the shortest round-trip form and -0 as 0', () => {
    expect(canonicalJson([5.0, 0.1 + 0.2, -0, 1e21, 1e-7, 2 ** 53])).toBe('[5,0.30000000000000004,0,1e+21,1e-7,9007199254740992]');
  });

  it('refuses non-finite numbers instead of writing null', () => {
    expect(() => canonicalJson({ x: NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson([Infinity])).toThrow(/non-finite/);
  });

  it('encodes typed arrays as plain arrays', () => {
    expect(canonicalJson(new Float64Array([1.5, 2]))).toBe('[1.5,2]');
  });
});

describe('content ids', () => {
  it('sha256Hex agrees with node:crypto (an independent implementation)', async () => {
    for (const s of ['', 'abc', 'λ* = −1.01088', 'x'.repeat(1000)]) {
      expect(await sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
    }
  });

  it('does not depend on key order and changes with any parameter or version', async () => {
    const versions = { model: 'm1', generator: 'g1' };
    const a = await resultId({ endpoint: 'theory/threshold', params: { p: 2, pstar: 1, a: 1 }, versions });
    const b = await resultId({ versions, params: { a: 1, pstar: 1, p: 2 }, endpoint: 'theory/threshold' });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    const c = await resultId({ endpoint: 'theory/threshold', params: { p: 2, pstar: 1, a: 1.0000001 }, versions });
    const d = await resultId({ endpoint: 'theory/threshold', params: { p: 2, pstar: 1, a: 1 }, versions: { ...versions, generator: 'g2' } });
    expect(new Set([a, c, d]).size).toBe(3);
  });

  it('documents carry the identity beside the result and refuse colliding fields', async () => {
    const identity = await identify({ endpoint: 'e', params: { p: 1 }, versions: { model: 'm', generator: 'g' } });
    const doc = JSON.parse(documentJson(identity, { value: 3 }));
    expect(doc).toEqual({ ...identity, value: 3 });
    expect(doc.permalink).toBe(`/v1/results/${identity.id}`);
    expect(() => documentJson(identity, { id: 'x' })).toThrow(/collides/);
  });
});
