/**
 * Large-N theory (MODEL.md 3) against MODEL.md 4 reference values, independent routes and sum rules.
 * Independent checks of the reference values (run privately with SciPy's adaptive QUADPACK in the
 * raw variables, no log transform): alpha_BBP(2,1,1) = 1.01838244008, jump 0.0310094103,
 * edge(2,1,1,5) = -0.450204256, edge(4,1,1,3) = -0.452142926, outlier(4,1,1,3) = -0.601140579,
 * m^2 = 0.556338386: all within 1e-7 of the values below.
 */
import { describe, expect, it } from 'vitest';
import {
  weightLaw, leftEdge, outlier, threshold, thresholdOfLaw, theorySpectrum, overlapCurve, phaseDiagram,
  densityOnGrid, rightEnd, densityGrid,
} from '../../shared/src/theory/index.ts';
import { realSums, bOf, solveComplex, cumulative, complexSums } from '../../shared/src/theory/resolvent.ts';
import { solveByHomotopy } from '../../shared/src/theory/density.ts';

const rel = (x: number, y: number) => Math.abs(x - y) / Math.abs(y);
const law211 = weightLaw({ p: 2, pstar: 1, a: 1 });

describe('MODEL.md 4 reference values (1e-4 relative)', () => {
  it('p=2, p*=1, a=1, alpha=5: outlier, sqrt edge, m^2', () => {
    const e = leftEdge(law211, 5);
    const o = outlier(law211, 5)!;
    expect(e.kind).toBe('sqrt');
    expect(rel(e.lambda, -0.4502)).toBeLessThan(1e-4);
    expect(rel(e.lambda, -0.45020)).toBeLessThan(1e-4);
    expect(rel(o.lambda, -1.01088)).toBeLessThan(1e-4);
    expect(rel(o.overlap2, 0.65929)).toBeLessThan(1e-4);
  });
  it('alpha_BBP(2,1,1) = 1.01838, discontinuous, jump 0.0310', () => {
    const t = threshold({ p: 2, pstar: 1, a: 1 });
    expect(rel(t.alphaBBP, 1.01838)).toBeLessThan(1e-4);
    expect(t.kind).toBe('discontinuous');
    expect(t.edgeKind).toBe('smooth');
    expect(Math.abs(t.overlapJump - 0.0310)).toBeLessThan(1e-4);
    expect(t.alphaInfinity).toBe(1);
    expect(t.alphaWeakRecovery).toBe(0.5);
  });
  it('alpha_BBP(1,1,0.01) = 2.85075, continuous', () => {
    const t = threshold({ p: 1, pstar: 1, a: 0.01 });
    expect(rel(t.alphaBBP, 2.85075)).toBeLessThan(1e-4);
    expect(t.kind).toBe('continuous');
    expect(t.overlapJump).toBe(0);
  });
  it('p=4, p*=1, a=1, alpha=3: outlier -0.60114, m^2 0.55634', () => {
    const L = weightLaw({ p: 4, pstar: 1, a: 1 });
    const o = outlier(L, 3)!;
    expect(rel(o.lambda, -0.60114)).toBeLessThan(1e-4);
    expect(rel(o.overlap2, 0.55634)).toBeLessThan(1e-4);
  });
});

describe('quadrature convergence (refined rule moves results < 1e-6 relative)', () => {
  const cases: [number, number, number, number][] = [
    [2, 1, 1, 5], [1, 1, 0.01, 3], [1, 1, 1e-3, 3], [256, 1, 0.01, 2], [256, 1, 1, 2], [3, 5, 0.01, 4], [8, 2, 0.1, 0.05],
  ];
  it.each(cases)('p=%d p*=%d a=%f alpha=%f', (p, pstar, a, alpha) => {
    const base = weightLaw({ p, pstar, a });
    const fine = weightLaw({ p, pstar, a }, { nodes: 12, panel: 0.5, logCut: 50 });
    const q = (L: typeof base) => {
      const e = leftEdge(L, alpha);
      const o = outlier(L, alpha);
      const t = thresholdOfLaw(L);
      return [e.lambda, o?.lambda ?? 1, o?.overlap2 ?? 1, t.alphaBBP, t.lambdaBBP, t.overlapJump || 1];
    };
    const x = q(base);
    const y = q(fine);
    for (let i = 0; i < x.length; i++) expect(rel(x[i], y[i])).toBeLessThan(1e-6);
  });
});

describe('physics checks', () => {
  it('alpha_BBP(p) -> p*(a+1)/2 as p grows (discontinuous), monotonically, ~1/p', () => {
    for (const [pstar, a] of [[1, 1], [2, 0.5]]) {
      const inf = (pstar * (a + 1)) / 2;
      const d = [4, 16, 64, 256].map((p) => threshold({ p, pstar, a }).alphaBBP - inf);
      expect(Math.abs(d[3]) / inf).toBeLessThan(2e-3);
      for (let i = 1; i < d.length; i++) expect(Math.abs(d[i])).toBeLessThan(Math.abs(d[i - 1]));
      expect(threshold({ p: 256, pstar, a }).kind).toBe('discontinuous');
    }
  });
  it('p=1 has a single eigenvalue c2 = 2(3yhat - y)/(a+y): law has no c1 atoms, E[T] = 2E[(3-y)/(a+y)]', () => {
    const L = weightLaw({ p: 1, pstar: 1, a: 1 });
    // every atom is a c2 atom: T > -2 (= -2/p) and the weights sum to 1
    expect(Math.min(...L.T)).toBeGreaterThan(-2);
    expect(L.w.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 14);
    // E[(3-y)/(1+y)] for y ~ chi2_1, by an independent midpoint rule in t = sqrt(y) (y = t^2, density ~ e^{-t^2/2})
    let s = 0;
    const h = 1e-4;
    for (let t = h / 2; t < 40; t += h) s += ((3 - t * t) / (1 + t * t)) * Math.exp(-t * t / 2) * Math.sqrt(2 / Math.PI) * h;
    expect(rel(L.meanT, 2 * s)).toBeLessThan(1e-8);
  });
  it('m^2 in [0,1], rising from the jump above a discontinuous threshold, outlier below the edge', () => {
    const c = overlapCurve({ p: 2, pstar: 1, a: 1, alphaMin: 0.5, alphaMax: 10, points: 40 });
    const t = c.threshold;
    let prev = -1;
    c.alpha.forEach((al, i) => {
      expect(c.overlap2[i]).toBeGreaterThanOrEqual(0);
      expect(c.overlap2[i]).toBeLessThanOrEqual(1);
      if (al < t.alphaBBP) { expect(c.outlier[i]).toBeNull(); expect(c.overlap2[i]).toBe(0); }
      else {
        expect(c.outlier[i]!).toBeLessThan(c.edge[i]);
        expect(c.overlap2[i]).toBeGreaterThan(prev);
        expect(c.overlap2[i]).toBeGreaterThanOrEqual(t.overlapJump * 0.999);
        prev = c.overlap2[i];
      }
    });
  });
  it('continuous threshold: m^2 -> 0 and outlier -> edge as alpha -> alpha_BBP+', () => {
    const L = weightLaw({ p: 1, pstar: 1, a: 0.01 });
    const t = thresholdOfLaw(L);
    expect(outlier(L, t.alphaBBP * (1 - 1e-6))).toBeNull();
    const al = t.alphaBBP * (1 + 1e-6);
    const o = outlier(L, al)!;
    const e = leftEdge(L, al);
    expect(o.overlap2).toBeLessThan(1e-2);
    expect(Math.abs(o.lambda - e.lambda)).toBeLessThan(1e-6);
    expect(rel(e.lambda, t.lambdaBBP)).toBeLessThan(1e-4);
  });
  it('discontinuous threshold: no outlier below, m^2 ~ jump just above, edge smooth there', () => {
    const t = thresholdOfLaw(law211);
    expect(outlier(law211, t.alphaBBP * (1 - 1e-7))).toBeNull();
    const o = outlier(law211, t.alphaBBP * (1 + 1e-7))!;
    expect(Math.abs(o.overlap2 - t.overlapJump)).toBeLessThan(1e-3);
    expect(leftEdge(law211, t.alphaBBP).kind).toBe('smooth');
  });
  it('the outlier root is unique: fine scan of g F(g) on (g_e, 0) has exactly one sign change, at the Newton root', () => {
    for (const [L, alpha] of [[law211, 5], [weightLaw({ p: 1, pstar: 1, a: 0.01 }), 3], [weightLaw({ p: 16, pstar: 3, a: 0.3 }), 6]] as const) {
      const e = leftEdge(L, alpha);
      const o = outlier(L, alpha)!;
      const n = 4000;
      let changes = 0;
      let where = NaN;
      let prev = 1 - alpha * bOf(realSums(L, e.g));
      for (let i = 1; i < n; i++) {
        const g = e.g * (1 - i / n);
        const v = 1 - alpha * bOf(realSums(L, g));
        if ((v > 0) !== (prev > 0)) { changes++; where = g; }
        prev = v;
      }
      expect(changes).toBe(1);
      expect(Math.abs(where - o.g)).toBeLessThan(Math.abs(e.g) / n + 1e-12);
    }
  });
});

describe('density', () => {
  it('sum rules: integral of rho + mass above the grid (closed-form cumulative) = 1; first moment', () => {
    // light upper tail (p = p* = 8) so that the first moment is captured on the grid
    const L = weightLaw({ p: 8, pstar: 8, a: 1 });
    const alpha = 3;
    const e = leftEdge(L, alpha);
    const R = rightEnd(L, alpha, e.lambda, 1e-6);
    const grid = densityGrid(e.lambda, R, 0.25 * (alpha * L.meanT - e.lambda), 3000);
    const rho = densityOnGrid(L, alpha, e.lambda, grid);
    let m0 = 0, m1 = 0;
    for (let i = 1; i < grid.length; i++) {
      const h = grid[i] - grid[i - 1];
      m0 += (h * (rho[i] + rho[i - 1])) / 2;
      m1 += (h * (rho[i] * grid[i] + rho[i - 1] * grid[i - 1])) / 2;
    }
    expect(Math.abs(m0 - 1)).toBeLessThan(2e-4);
    expect(rel(m1, alpha * L.meanT)).toBeLessThan(2e-3);
  });
  it('public spectrum: 200 points, finite, rho >= 0, zero left of the edge, mass 1 - 1e-3 on the grid', () => {
    const s = theorySpectrum({ p: 2, pstar: 1, a: 1, alpha: 5, points: 200 });
    expect(s.density.lambda.length).toBe(200);
    expect(s.density.lambda[0]).toBeLessThan(s.edge.lambda);
    expect(s.zeroMass).toBe(0);
    let m0 = 0;
    for (let i = 0; i < 200; i++) {
      expect(Number.isFinite(s.density.rho[i]) && s.density.rho[i] >= 0).toBe(true);
      if (s.density.lambda[i] <= s.edge.lambda) expect(s.density.rho[i]).toBe(0);
      if (i) m0 += ((s.density.lambda[i] - s.density.lambda[i - 1]) * (s.density.rho[i] + s.density.rho[i - 1])) / 2;
    }
    expect(Math.abs(m0 - (1 - 1e-3))).toBeLessThan(2e-3);
    expect(rel(s.outlier!.lambda, -1.01088)).toBeLessThan(1e-4);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
  it('sqrt edge: rho ~ C sqrt(l - l_-) with C from z\'\'(g_e)', () => {
    const e = leftEdge(law211, 5);
    const s = realSums(law211, e.g);
    const d2z = 2 / e.g ** 3 + 2 * 5 * s.S3;
    const C = Math.sqrt(2 / Math.abs(d2z)) / Math.PI;
    const ls = [1e-6, 4e-6].map((d) => e.lambda + d);
    const r = densityOnGrid(law211, 5, e.lambda, ls);
    ls.forEach((l, i) => expect(rel(r[i], C * Math.sqrt(l - e.lambda))).toBeLessThan(2e-2));
  });
  it('complex solve vs an independent small-eta route: damped fixed point g = 1/(z - Sigma(g)) on a refined law', () => {
    const fine = weightLaw({ p: 2, pstar: 1, a: 1 }, { nodes: 10, panel: 0.7 });
    const alpha = 5;
    const g = new Float64Array(2);
    const buf = new Float64Array(6);
    for (const l of [0.5, 3, 8]) {
      solveByHomotopy(law211, alpha, l, g, 5);
      const rho = -g[1] / Math.PI;
      // fixed point at l + i eta, eta -> 0 extrapolated linearly from two small etas
      const fp = (eta: number) => {
        let gr = 0, gi = -0.1;
        for (let it = 0; it < 20000; it++) {
          complexSums(fine, gr, gi, buf);
          const dr = l - alpha * buf[0], di = eta - alpha * buf[1];
          const m = dr * dr + di * di;
          const nr = dr / m, ni = -di / m;
          const dd = Math.hypot(nr - gr, ni - gi);
          gr += 0.3 * (nr - gr); gi += 0.3 * (ni - gi);
          if (dd < 1e-13) break;
        }
        return -gi / Math.PI;
      };
      const r1 = fp(2e-3), r2 = fp(1e-3);
      expect(rel(2 * r2 - r1, rho)).toBeLessThan(1e-4);
    }
  });
  it('cumulative F from the closed form equals the integrated density', () => {
    const alpha = 5;
    const e = leftEdge(law211, alpha);
    const grid = densityGrid(e.lambda, 6, 1, 2000);
    const rho = densityOnGrid(law211, alpha, e.lambda, grid);
    let m0 = 0;
    for (let i = 1; i < grid.length; i++) m0 += ((grid[i] - grid[i - 1]) * (rho[i] + rho[i - 1])) / 2;
    const g = new Float64Array(2);
    solveByHomotopy(law211, alpha, 6, g, 5);
    expect(Math.abs(cumulative(law211, alpha, 6, g[0], g[1]) - m0)).toBeLessThan(1e-4);
    // continuation solve agrees with the homotopy
    const g2 = new Float64Array([g[0] * 1.01, g[1] * 0.99]);
    expect(solveComplex(law211, alpha, 6, 0, g2)).toBeGreaterThan(0);
    expect(Math.hypot(g2[0] - g[0], g2[1] - g[1])).toBeLessThan(1e-12);
  });
  it('alpha < 1: zeroMass = 1 - alpha', () => {
    const s = theorySpectrum({ p: 2, pstar: 1, a: 1, alpha: 0.5, points: 50 });
    expect(s.zeroMass).toBe(0.5);
  });
});

describe('public API shapes and edge cases', () => {
  it('phase diagram rows p = 1..pMax, plain finite numbers', () => {
    const d = phaseDiagram({ pstar: 1, a: 1, pMax: 6 });
    expect(d.rows.map((r) => r.p)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(d.rows[1].alphaBBP).toBeCloseTo(1.01838, 4);
    expect(d.rows[0].kind).toBe('continuous');
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });
  it('extreme parameters stay finite: a = 1e-3, alpha = 1e-3 and 100, p = 256', () => {
    for (const [p, pstar, a, alpha] of [[2, 1, 1e-3, 1e-3], [256, 3, 1e-3, 100], [1, 1, 1e-3, 100], [256, 256, 0.01, 1e-3]]) {
      const s = theorySpectrum({ p, pstar, a, alpha, points: 30 });
      const flat = JSON.stringify(s);
      expect(flat).not.toMatch(/NaN|Infinity/);
      expect(s.density.rho.every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
      const t = threshold({ p, pstar, a });
      expect(Object.values(t).every((x) => typeof x === 'string' || Number.isFinite(x))).toBe(true);
    }
  });
  it('rejects bad parameters', () => {
    expect(() => threshold({ p: 0, pstar: 1, a: 1 })).toThrow(RangeError);
    expect(() => threshold({ p: 2, pstar: 1, a: 0 })).toThrow(RangeError);
    expect(() => leftEdge(law211, -1)).toThrow(RangeError);
  });
});
