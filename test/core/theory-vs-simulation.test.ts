/**
 * The large-N theory against finite-N simulations of the model: two independent routes to
 * the same numbers (a resolvent equation with quadrature vs eigenvectors of a sampled
 * Hessian). Tolerances are the finite-N scatter: outliers and m^2 move by O(N^-1/2), the
 * edge by O(N^-2/3), as seen across seeds.
 */
import { describe, expect, it } from 'vitest';
import { simulateSpectrum } from '../../shared/src/simulate.ts';
import { sampleInstance } from '../../shared/src/model.ts';
import { sphericalShifts } from '../../shared/src/hessian.ts';
import { logChi2Rule, theorySpectrum } from '../../shared/src/theory/index.ts';
import type { SimulationSpectrum } from '../../shared/src/types.ts';

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Outliers are the lowest p*p* pairs; the bulk starts right after them. */
function bottomSummary(r: SimulationSpectrum, outliers: number) {
  const out = r.bottom.slice(0, outliers);
  return {
    lambda: mean(out.map((e) => e.lambda)),
    overlap2: mean(out.map((e) => e.teacherOverlap2)),
    firstBulk: r.bottom[outliers],
  };
}

describe('outlier, m^2 and edge: theory vs simulation', () => {
  const cases = [
    // MODEL.md 4: l* = -1.01088, l_- = -0.45020, m^2 = 0.65929
    { p: 2, pstar: 1, a: 1, alpha: 5, N: 800 },
    // MODEL.md 4: l* = -0.60114, m^2 = 0.55634
    { p: 4, pstar: 1, a: 1, alpha: 3, N: 400 },
    // two teacher directions: p*p* = 4 degenerate outliers, well below the edge (1.030)
    { p: 2, pstar: 2, a: 1, alpha: 12, N: 300 },
  ];
  for (const c of cases) {
    it(`p=${c.p} p*=${c.pstar} a=${c.a} alpha=${c.alpha}, N=${c.N}`, () => {
      const th = theorySpectrum({ ...c, points: 20 });
      expect(th.outlier).not.toBeNull();
      const k = c.p * c.pstar;
      const sims = [1, 2].map((seed) =>
        bottomSummary(
          simulateSpectrum({ ...c, seed, hessian: 'euclidean', bins: 5, k: k + 1, method: 'lanczos' }),
          k,
        ),
      );
      const lambda = mean(sims.map((s) => s.lambda));
      const overlap2 = mean(sims.map((s) => s.overlap2));
      const edge = mean(sims.map((s) => s.firstBulk.lambda));
      expect(Math.abs(lambda - th.outlier!.lambda)).toBeLessThan(0.06);
      // m^2 carries a positive finite-N excess that shrinks with N (p=4: +0.05 at N=400,
      // +0.035 at N=800 over seeds 1-2)
      expect(Math.abs(overlap2 - th.outlier!.overlap2)).toBeLessThan(0.07);
      expect(Math.abs(edge - th.edge.lambda)).toBeLessThan(0.04);
      // the first bulk eigenvector carries (almost) no teacher mass
      for (const s of sims) expect(s.firstBulk.teacherOverlap2).toBeLessThan(0.05);
    });
  }
});

describe('bulk density: theory vs the histogram of all eigenvalues', () => {
  it('p=2 p*=1 a=1 alpha=5, N=400 (dense 800 x 800): cumulative distributions agree', () => {
    const q = { p: 2, pstar: 1, a: 1, alpha: 5 };
    const r = simulateSpectrum({ ...q, N: 400, seed: 3, hessian: 'euclidean', bins: 200, k: 2, method: 'dense' });
    const h = r.histogram!;
    const th = theorySpectrum({ ...q, points: 2000 });
    const { lambda: L, rho } = th.density;
    // theory CDF at x by trapezoids on the (non-uniform) density grid
    const cdf = (x: number): number => {
      let s = 0;
      for (let i = 1; i < L.length && L[i - 1] < x; i++) {
        const hi = Math.min(L[i], x);
        const rhoHi = rho[i - 1] + ((rho[i] - rho[i - 1]) * (hi - L[i - 1])) / (L[i] - L[i - 1]);
        s += ((hi - L[i - 1]) * (rho[i - 1] + rhoHi)) / 2;
      }
      return s;
    };
    let count = 0;
    let ks = 0;
    h.counts.forEach((c, i) => {
      count += c;
      const x = h.edges[i + 1];
      if (x < L[L.length - 1]) ks = Math.max(ks, Math.abs(count / r.dimension - cdf(x)));
    });
    // Kolmogorov distance: finite-N bulk fluctuations are O(1/N); 2 outliers out of 800 add 0.0025
    expect(ks).toBeLessThan(0.02);
  });
});

describe('spherical Hessian: the Euclidean spectrum shifted by mu (MODEL.md 2)', () => {
  const q = { p: 2, pstar: 1, a: 1, alpha: 5, N: 600, seed: 4 };
  it('mu_k of an instance is close to its large-N limit alpha E[(2/p)(yhat - y) yhat/(a + y)]', () => {
    const yh = logChi2Rule(q.p, q.a);
    const y = logChi2Rule(q.pstar, q.a);
    let e = 0;
    for (let i = 0; i < yh.u.length; i++)
      for (let j = 0; j < y.u.length; j++) e += yh.w[i] * y.w[j] * ((2 / q.p) * (yh.u[i] - y.u[j]) * yh.u[i]) / (q.a + y.u[j]);
    const muInf = q.alpha * e;
    // closed form for p=2, p*=1, a=1: alpha (3 E[1/(1+y)] - 1), E[1/(1+y)] = sqrt(pi e/2) erfc(1/sqrt 2)
    expect(Math.abs(muInf / (5 * (3 * 0.6556795424187985 - 1)) - 1)).toBeLessThan(1e-6);
    const mu = sphericalShifts(sampleInstance(q), q.a);
    // mu_k is an average over M = 3000 heavy-tailed samples: spread ~ 0.3 between instances
    for (const m of mu) expect(Math.abs(m - muInf)).toBeLessThan(0.5);
  });

  it('spherical outliers sit at the Euclidean ones minus the instance mean of mu_k', () => {
    const base = { ...q, bins: 5, k: 3, method: 'lanczos' as const };
    const euc = simulateSpectrum({ ...base, hessian: 'euclidean' });
    const sph = simulateSpectrum({ ...base, hessian: 'spherical' });
    const mu = sphericalShifts(sampleInstance(q), q.a);
    const shift = mean(Array.from(mu));
    // Block k is shifted by its own mu_k; the two outliers span ~ {w* (x) e_1, w* (x) e_2}, so
    // their sum moves by mu_1 + mu_2 exactly to first order, whatever the mixing of blocks.
    const outlierMean = (r: SimulationSpectrum) => mean(r.bottom.slice(0, 2).map((e) => e.lambda));
    expect(Math.abs(outlierMean(sph) - (outlierMean(euc) - shift))).toBeLessThan(0.02);
    for (let i = 0; i < 2; i++) expect(Math.abs(sph.bottom[i].teacherOverlap2 - euc.bottom[i].teacherOverlap2)).toBeLessThan(0.05);
    expect(sph.dimension).toBe(q.p * (q.N - 1));
  });
});
