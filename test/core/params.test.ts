import { describe, expect, it } from 'vitest';
import { describeRange, fields, parseField, parseParams } from '../../shared/src/params.ts';

const schema = {
  fields: { p: fields.p, a: fields.a, hessian: fields.hessian, seed: fields.seed },
  limits: [{ name: 'p*1000', description: 'p times a thousand', value: (q: { p: number }) => q.p * 1000, worker: 4000, local: 1e9 }],
} as const;

describe('parseField', () => {
  it('accepts decimal and scientific notation and normalises them to one number', () => {
    for (const raw of ['5', '5.0', '5.', '+5', '5e0', '0.5e1', 5]) {
      expect(parseField('alpha', fields.alpha, raw)).toEqual({ ok: true, value: 5 });
    }
  });

  it('refuses non-numbers, hex, infinities and empty strings with the range in the message', () => {
    for (const raw of ['abc', '0x10', 'Infinity', 'NaN', '1,5', ' ', '5e', '--5']) {
      const r = parseField('alpha', fields.alpha, raw);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.issue.param).toBe('alpha');
        expect(r.issue.message).toContain('0 < value <= 100');
      }
    }
  });

  it('enforces integers and closed/open bounds exactly at the boundary', () => {
    expect(parseField('p', fields.p, '1')).toEqual({ ok: true, value: 1 });
    expect(parseField('p', fields.p, '256')).toEqual({ ok: true, value: 256 });
    expect(parseField('p', fields.p, '0').ok).toBe(false);
    expect(parseField('p', fields.p, '257').ok).toBe(false);
    expect(parseField('p', fields.p, '2.5').ok).toBe(false);
    expect(parseField('a', fields.a, '0').ok).toBe(false); // a > 0, open at 0
    expect(parseField('a', fields.a, '1e-300')).toEqual({ ok: true, value: 1e-300 });
    expect(parseField('seed', fields.seed, '4294967295')).toEqual({ ok: true, value: 4294967295 });
    expect(parseField('seed', fields.seed, '4294967296').ok).toBe(false);
  });

  it('fills defaults and refuses missing required values', () => {
    expect(parseField('seed', fields.seed, undefined)).toEqual({ ok: true, value: 1 });
    const r = parseField('p', fields.p, undefined);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issue.message).toBe('p must be an integer from 1 to 256 (missing)');
  });

  it('describes each kind of range in words', () => {
    expect(describeRange(fields.hessian)).toBe('one of euclidean, spherical');
    expect(describeRange(fields.p)).toBe('an integer from 1 to 256');
    expect(describeRange(fields.a)).toBe('a number with 0 < value <= 1000');
  });
});

describe('parseParams', () => {
  it('returns every problem at once, unknown parameters included (400)', () => {
    const r = parseParams(schema, { p: '0', a: '-1', hessian: 'flat', alhpa: '3' }, 'worker');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.status).toBe(400);
      expect(r.issues.map((i) => i.param).sort()).toEqual(['a', 'alhpa', 'hessian', 'p']);
    }
  });

  it('applies the worker limit as 422 and the local one separately', () => {
    const r = parseParams(schema, { p: '5', a: '1' }, 'worker');
    expect(r).toMatchObject({ ok: false, status: 422, issues: [{ param: 'p*1000' }] });
    if (!r.ok) expect(r.issues[0].message).toContain('exceeds the API limit 4000');
    expect(parseParams(schema, { p: '5', a: '1' }, 'local')).toEqual({
      ok: true,
      value: { p: 5, a: 1, hessian: 'euclidean', seed: 1 },
    });
  });
});
