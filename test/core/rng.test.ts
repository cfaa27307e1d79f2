import { describe, expect, it } from 'vitest';
import { GENERATOR_VERSION, Rng, STREAMS } from '../../shared/src/rng.ts';

// Golden values: the bit-for-bit contract of GENERATOR_VERSION. The uint32/uniform values
// were cross-checked against an independent Python implementation of the spec in rng.ts.
describe('rng golden values', () => {
  it('has the documented version', () => {
    expect(GENERATOR_VERSION).toBe('xoshiro128**+polar/1');
    expect(STREAMS).toMatchObject({ teacher: 1, student: 2, data: 3, lanczos: 4 });
  });
  it('seed 0, stream data', () => {
    let r = new Rng(0, 'data');
    expect([0, 1, 2, 3].map(() => r.nextUint32())).toEqual([2570241280, 2046060225, 3341325993, 1305564627]);
    r = new Rng(0, 'data');
    expect([0, 1, 2].map(() => r.uniform())).toEqual([0.5984309351174945, 0.7779630817769129, 0.2708405083950799]);
    r = new Rng(0, 'data');
    expect([0, 1, 2, 3].map(() => r.gaussian())).toEqual([
      0.48513175357236227, 1.3699830965727011, -0.4472603918423022, 0.6916231509704409,
    ]);
    r = new Rng(0, 'teacher');
    expect([r.gaussian(), r.gaussian()]).toEqual([0.5766068480328633, -0.7349670874141808]);
  });
  it('seed 7, stream data', () => {
    let r = new Rng(7, 'data');
    expect([0, 1, 2, 3].map(() => r.nextUint32())).toEqual([3413001858, 2304864320, 211175111, 3159087674]);
    r = new Rng(7, 'data');
    expect([0, 1, 2].map(() => r.uniform())).toEqual([0.7946514229226339, 0.04916804086813631, 0.15927197111748648]);
    r = new Rng(7, 'data');
    expect([0, 1, 2, 3].map(() => r.gaussian())).toEqual([
      -0.7887519361267841, -0.4958554825657377, 0.45366067549635275, -1.4971765548609313,
    ]);
    r = new Rng(7, 'teacher');
    expect([r.gaussian(), r.gaussian()]).toEqual([0.345369601363353, -0.6675135957120403]);
  });
  it('streams and seeds differ, same (seed, stream) repeats', () => {
    const a = new Rng(5, 'teacher').nextUint32();
    expect(new Rng(5, 'teacher').nextUint32()).toBe(a);
    expect(new Rng(5, 'student').nextUint32()).not.toBe(a);
    expect(new Rng(6, 'teacher').nextUint32()).not.toBe(a);
  });
  it('rejects bad seeds', () => {
    expect(() => new Rng(-1)).toThrow();
    expect(() => new Rng(2 ** 32)).toThrow();
    expect(() => new Rng(1.5)).toThrow();
  });
  it('uniform has 53-bit resolution in [0,1)', () => {
    const r = new Rng(1, 'test');
    let minLowBits = 0;
    for (let i = 0; i < 1000; i++) {
      const u = r.uniform();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      if ((u * 2 ** 53) % 2 === 1) minLowBits++;
    }
    expect(minLowBits).toBeGreaterThan(400); // the last bit is random
  });
});

describe('gaussian moments', () => {
  it('mean 0, variance 1, kurtosis 3 within 5 standard errors (n = 400000)', () => {
    const r = new Rng(3, 'test');
    const n = 400000;
    let s1 = 0, s2 = 0, s3 = 0, s4 = 0;
    for (let i = 0; i < n; i++) {
      const g = r.gaussian();
      const g2 = g * g;
      s1 += g;
      s2 += g2;
      s3 += g2 * g;
      s4 += g2 * g2;
    }
    const m1 = s1 / n, m2 = s2 / n, m3 = s3 / n, m4 = s4 / n;
    // standard errors for N(0,1): mean 1/sqrt n, E g^2 sqrt(2/n), E g^3 sqrt(15/n), E g^4 sqrt(96/n)
    expect(Math.abs(m1)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(m2 - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.abs(m3)).toBeLessThan(5 * Math.sqrt(15 / n));
    expect(Math.abs(m4 - 3)).toBeLessThan(5 * Math.sqrt(96 / n));
  });
  it('tail frequency P(|g| > 3) matches 0.0026998 within 5 sigma', () => {
    const r = new Rng(4, 'test');
    const n = 400000;
    let c = 0;
    for (let i = 0; i < n; i++) if (Math.abs(r.gaussian()) > 3) c++;
    const p = 0.0026997960632601866;
    expect(Math.abs(c / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
  });
});
