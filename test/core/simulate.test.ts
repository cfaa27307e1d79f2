import { describe, expect, it } from 'vitest';
import { simulateSpectrum, makeHistogram, orthonormalRows, blockOverlap2 } from '../../shared/src/simulate.ts';
import type { SimulationSpectrum } from '../../shared/src/types.ts';

describe('MODEL.md section 4 simulation check (N=800, p=2, p*=1, a=1, alpha=5)', () => {
  // Lanczos: the dense 1600 x 1600 path is too slow for CI. Reference (another seed):
  // bottom -1.029, -0.971 (teacher mass 0.667, 0.660), bulk from -0.447; theory l* = -1.011,
  // l_- = -0.450, m^2 = 0.659. Tolerances reflect the finite-N scatter between seeds.
  it('two outliers near -1.0 with teacher mass ~0.66, then the bulk edge near -0.447', () => {
    const stages = new Set<string>();
    const r = simulateSpectrum(
      { N: 800, p: 2, pstar: 1, a: 1, alpha: 5, seed: 1, hessian: 'euclidean', bins: 10, k: 3, method: 'lanczos' },
      (_d, _t, stage) => stage && stages.add(stage),
    );
    expect(r.method).toBe('lanczos');
    expect(r.dimension).toBe(1600);
    expect(r.M).toBe(4000);
    expect(r.histogram).toBeNull();
    const [o1, o2, e] = r.bottom;
    expect(Math.abs(o1.lambda - -1.029)).toBeLessThan(0.06);
    expect(Math.abs(o2.lambda - -0.971)).toBeLessThan(0.08);
    expect(o1.lambda).toBeLessThan(o2.lambda);
    for (const o of [o1, o2]) {
      expect(Math.abs(o.teacherOverlap2 - 0.66)).toBeLessThan(0.05);
      expect(o.studentOverlap2).toBeLessThan(0.01);
    }
    expect(Math.abs(e.lambda - -0.447)).toBeLessThan(0.03);
    expect(e.teacherOverlap2).toBeLessThan(0.05);
    expect(r.top[0].lambda).toBeGreaterThan(r.top[1].lambda);
    expect(stages.has('sampling') && stages.has('lanczos')).toBe(true);
  });
});

function expectSamePairs(a: SimulationSpectrum, b: SimulationSpectrum, tol: number) {
  for (const key of ['bottom', 'top'] as const) {
    expect(a[key].length).toBe(b[key].length);
    a[key].forEach((pa, j) => {
      const pb = b[key][j];
      expect(Math.abs(pa.lambda - pb.lambda)).toBeLessThan(tol);
      expect(Math.abs(pa.teacherOverlap2 - pb.teacherOverlap2)).toBeLessThan(1e-6);
      expect(Math.abs(pa.studentOverlap2 - pb.studentOverlap2)).toBeLessThan(1e-6);
    });
  }
}

describe('dense and Lanczos paths agree', () => {
  for (const hessian of ['euclidean', 'spherical'] as const) {
    it(`${hessian}, N=120, p=3, p*=2`, () => {
      const q = { N: 120, p: 3, pstar: 2, a: 0.5, alpha: 4, seed: 9, hessian, bins: 25, k: 4 };
      const d = simulateSpectrum({ ...q, method: 'auto' });
      const l = simulateSpectrum({ ...q, method: 'lanczos' });
      expect(d.method).toBe('dense');
      expect(l.method).toBe('lanczos');
      const dim = hessian === 'euclidean' ? 360 : 357;
      expect(d.dimension).toBe(dim);
      expectSamePairs(d, l, 1e-9);
      // ordering
      for (let j = 1; j < 4; j++) {
        expect(d.bottom[j].lambda).toBeGreaterThanOrEqual(d.bottom[j - 1].lambda);
        expect(d.top[j].lambda).toBeLessThanOrEqual(d.top[j - 1].lambda);
      }
      // histogram: counts sum to the dimension, range = [min, max] eigenvalue
      const h = d.histogram!;
      expect(h.counts.length).toBe(25);
      expect(h.edges.length).toBe(26);
      expect(h.counts.reduce((s, c) => s + c, 0)).toBe(dim);
      expect(h.edges[0]).toBe(d.bottom[0].lambda);
      expect(h.edges[25]).toBe(d.top[0].lambda);
      expect(h.counts[0]).toBeGreaterThan(0);
      expect(h.counts[24]).toBeGreaterThan(0);
      // overlaps are squared projections of unit vectors on (p*p or p*p*) directions
      for (const e of [...d.bottom, ...d.top]) {
        expect(e.teacherOverlap2).toBeGreaterThanOrEqual(0);
        expect(e.teacherOverlap2).toBeLessThanOrEqual(1 + 1e-12);
        expect(e.studentOverlap2).toBeLessThanOrEqual(1 + 1e-12);
      }
    });
  }
  it('spherical eigenvectors are tangent: student overlap of a block-k vector excludes w_k', () => {
    // p = 1: the spherical eigenvectors are orthogonal to w, so studentOverlap2 = 0
    const r = simulateSpectrum({ N: 80, p: 1, pstar: 1, a: 1, alpha: 3, seed: 2, hessian: 'spherical', bins: 5, k: 3 });
    expect(r.dimension).toBe(79);
    for (const e of [...r.bottom, ...r.top]) expect(e.studentOverlap2).toBeLessThan(1e-20);
  });
  it('is deterministic and validates its input', () => {
    const q = { N: 40, p: 2, pstar: 1, a: 1, alpha: 2, seed: 4, hessian: 'euclidean' as const, bins: 8, k: 2 };
    expect(simulateSpectrum(q)).toEqual(simulateSpectrum(q));
    expect(() => simulateSpectrum({ ...q, k: 0 })).toThrow();
    expect(() => simulateSpectrum({ ...q, bins: 0 })).toThrow();
    expect(() => simulateSpectrum({ ...q, a: 0 })).toThrow();
    // 'lanczos' with 2k > dimension falls back to dense
    expect(simulateSpectrum({ ...q, N: 3, k: 4, method: 'lanczos' }).method).toBe('dense');
  });
});

describe('helpers', () => {
  it('histogram puts the maximum in the last bin', () => {
    const h = makeHistogram([0, 1, 2, 3, 4], 4);
    expect(h.edges).toEqual([0, 1, 2, 3, 4]);
    expect(h.counts).toEqual([1, 1, 1, 2]);
    expect(makeHistogram([2, 2], 3).counts).toEqual([2, 0, 0]);
  });
  it('overlap of a vector lying in the span is its squared norm', () => {
    const N = 5;
    const E = orthonormalRows(Float64Array.from([1, 1, 0, 0, 0, 1, -1, 1, 0, 0]), 2, N);
    const v = Float64Array.from([0.6, 0.6, 0, 0, 0, 0, 0, 0, 0, 0.8]); // block 0 in span, block 1 orthogonal
    expect(blockOverlap2(v, 0, 2, N, E, 2)).toBeCloseTo(0.72, 14);
  });
});
