/**
 * Seedable random numbers, identical bit for bit on every conforming JS engine.
 *
 * Only 32-bit integer operations (Math.imul, >>>, ^, <<) and IEEE-754 correctly rounded
 * double arithmetic (+ - * / Math.sqrt) are used. Math.log is implementation defined in
 * ECMAScript, so the Gaussian sampler takes the portable fdlibm log of math.ts.
 *
 * Algorithm (GENERATOR_VERSION 'xoshiro128**+polar/1'):
 * - Core: xoshiro128** (Blackman & Vigna), 128-bit state s0..s3, uint32 outputs
 *     r = rotl(s1 * 5, 7) * 9;  t = s1 << 9;  s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3;
 *     s2 ^= t;  s3 = rotl(s3, 11).
 * - Seeding from (seed: uint32, stream: uint32): with fmix32 the MurmurHash3 finaliser,
 *     ks = fmix32(seed ^ 0x243f6a88), kt = fmix32(stream ^ 0x5bd1e995),
 *     s_i = fmix32(ks + (i+1)*0x9e3779b9) ^ fmix32(kt + (i+1)*0x7f4a7c15)   (i = 0..3, mod 2^32);
 *   an all-zero state is replaced by s0 = 1. The state depends on all 64 input bits, so
 *   (seed, stream) pairs give independent sequences.
 * - uniform(): 53 random bits, ((r1 >>> 5) * 2^26 + (r2 >>> 6)) / 2^53 in [0, 1).
 * - gaussian(): Marsaglia polar method. u = 2*uniform() - 1, v = 2*uniform() - 1,
 *   s = u*u + v*v, reject s >= 1 or s == 0, f = sqrt(-2*log(s)/s); returns u*f, then v*f
 *   on the next call (the spare is part of the generator state).
 *
 * Named streams (see STREAMS): every quantity of an instance has its own stream of the
 * user seed, and draws inside a stream are sequential row by row, so the teacher does not
 * change when p or M changes, the first rows of X do not change when M grows, etc.
 */

import { log } from './math.ts';

export const GENERATOR_VERSION = 'xoshiro128**+polar/1';

/** Stream ids. Documented contract: changing them changes every result. */
export const STREAMS = {
  teacher: 1,
  student: 2,
  data: 3,
  lanczos: 4,
  test: 99,
} as const;

export type StreamName = keyof typeof STREAMS;

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number, stream: number | StreamName = 0) {
    const st = typeof stream === 'string' ? STREAMS[stream] : stream;
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new RangeError(`seed must be a uint32, got ${seed}`);
    }
    if (!Number.isInteger(st) || st < 0 || st > 0xffffffff) {
      throw new RangeError(`stream must be a uint32, got ${st}`);
    }
    const ks = fmix32((seed ^ 0x243f6a88) >>> 0);
    const kt = fmix32((st ^ 0x5bd1e995) >>> 0);
    const w = [0, 0, 0, 0];
    for (let i = 0; i < 4; i++) {
      const a = (ks + Math.imul(i + 1, 0x9e3779b9)) >>> 0;
      const b = (kt + Math.imul(i + 1, 0x7f4a7c15)) >>> 0;
      w[i] = (fmix32(a) ^ fmix32(b)) >>> 0;
    }
    if ((w[0] | w[1] | w[2] | w[3]) === 0) w[0] = 1;
    this.s0 = w[0];
    this.s1 = w[1];
    this.s2 = w[2];
    this.s3 = w[3];
  }

  /** Next uint32 output of xoshiro128**. */
  nextUint32(): number {
    const s1 = this.s1;
    const m = Math.imul(s1, 5);
    const r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return r;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Standard normal deviate (Marsaglia polar, portable log). */
  gaussian(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    for (;;) {
      const u = 2 * this.uniform() - 1;
      const v = 2 * this.uniform() - 1;
      const s = u * u + v * v;
      if (s >= 1 || s === 0) continue;
      const f = Math.sqrt((-2 * log(s)) / s);
      this.spare = v * f;
      this.hasSpare = true;
      return u * f;
    }
  }

  /** Fill `out` with standard normals, in index order. */
  fillGaussian(out: Float64Array): void {
    for (let i = 0; i < out.length; i++) out[i] = this.gaussian();
  }
}
