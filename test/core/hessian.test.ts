import { describe, expect, it } from 'vitest';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { loss, sampleInstance } from '../../shared/src/model.ts';
import {
  denseHessian, denseSphericalHessian, embedTangent, hessianOperator, restrictTangent,
  sphericalOperatorAmbient, sphericalShifts, tangentOperator,
} from '../../shared/src/hessian.ts';
import { gradient } from '../../shared/src/model.ts';
import { Rng } from '../../shared/src/rng.ts';

function randomBlock(n: number, nvec: number, seed: number): Float64Array {
  const V = new Float64Array(n * nvec);
  new Rng(seed, 'test').fillGaussian(V);
  return V;
}

function denseTimes(A: Float64Array, n: number, V: Float64Array, nvec: number): Float64Array {
  const out = new Float64Array(n * nvec);
  for (let v = 0; v < nvec; v++)
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += A[i * n + j] * V[v * n + j];
      out[v * n + i] = s;
    }
  return out;
}

function relErr(x: Float64Array, y: Float64Array): number {
  let d = 0, s = 0;
  for (let i = 0; i < x.length; i++) {
    d = Math.max(d, Math.abs(x[i] - y[i]));
    s = Math.max(s, Math.abs(y[i]));
  }
  return d / s;
}

describe('matrix-free vs dense', () => {
  const a = 0.5;
  for (const [N, p, pstar, nvec] of [[40, 2, 1, 3], [25, 3, 2, 1], [31, 1, 1, 2], [20, 4, 1, 5]]) {
    const inst = sampleInstance({ N, p, pstar, alpha: 3, seed: N + p });
    it(`Euclidean N=${N} p=${p} nvec=${nvec}`, () => {
      const n = p * N;
      const V = randomBlock(n, nvec, 1);
      const out = new Float64Array(n * nvec);
      hessianOperator(inst, a).apply(V, out, nvec);
      expect(relErr(out, denseTimes(denseHessian(inst, a), n, V, nvec))).toBeLessThan(1e-12);
    });
    it(`spherical (tangent coordinates) N=${N} p=${p} nvec=${nvec}`, () => {
      const sp = denseSphericalHessian(inst, a);
      const m = sp.dimension;
      expect(m).toBe(p * (N - 1));
      const V = randomBlock(m, nvec, 2);
      const out = new Float64Array(m * nvec);
      const op = tangentOperator(inst, a);
      expect(op.dimension).toBe(m);
      op.apply(V, out, nvec);
      expect(relErr(out, denseTimes(sp.H, m, V, nvec))).toBeLessThan(1e-12);
    });
  }
});

describe('spherical Hessian', () => {
  const N = 16, p = 3, a = 0.8;
  const inst = sampleInstance({ N, p, pstar: 2, alpha: 4, seed: 5 });
  const n = p * N;
  it('ambient operator maps into the tangent space and kills normal directions', () => {
    const op = sphericalOperatorAmbient(inst, a);
    const V = randomBlock(n, 2, 3);
    const out = new Float64Array(2 * n);
    op.apply(V, out, 2);
    for (let j = 0; j < 2; j++)
      for (let k = 0; k < p; k++) {
        let s = 0, nr = 0;
        for (let i = 0; i < N; i++) {
          s += out[j * n + k * N + i] * inst.W[k * N + i];
          nr += out[j * n + k * N + i] ** 2;
        }
        expect(Math.abs(s) / Math.sqrt(nr * N)).toBeLessThan(1e-13);
      }
    const Wv = Float64Array.from(inst.W);
    op.apply(Wv, out, 1);
    for (let i = 0; i < n; i++) expect(Math.abs(out[i])).toBeLessThan(1e-12);
  });
  it('tangent coordinates are an isometry onto the tangent space', () => {
    const sp = denseSphericalHessian(inst, a);
    const m = sp.dimension;
    const z = randomBlock(m, 1, 4);
    const x = new Float64Array(n);
    embedTangent(sp.basis, z, x);
    let zz = 0, xx = 0;
    for (let i = 0; i < m; i++) zz += z[i] * z[i];
    for (let i = 0; i < n; i++) xx += x[i] * x[i];
    expect(xx).toBeCloseTo(zz, 10);
    for (let k = 0; k < p; k++) {
      let s = 0;
      for (let i = 0; i < N; i++) s += x[k * N + i] * inst.W[k * N + i];
      expect(Math.abs(s)).toBeLessThan(1e-12);
    }
    const z2 = new Float64Array(m);
    restrictTangent(sp.basis, x, z2);
    expect(relErr(z2, z)).toBeLessThan(1e-14);
  });
  it('quadratic form = second derivative of the loss along the projection retraction', () => {
    // R(W + t V): rows renormalised to |w|^2 = N is a second-order retraction, so
    // d^2/dt^2 L(R(W + tV)) at 0 = <V, Hess V> for tangent V.
    const sp = denseSphericalHessian(inst, a);
    const m = sp.dimension;
    const z = randomBlock(m, 1, 6);
    const V = new Float64Array(n);
    embedTangent(sp.basis, z, V);
    const retract = (t: number) => {
      const Wt = new Float64Array(n);
      for (let k = 0; k < p; k++) {
        let s = 0;
        for (let i = 0; i < N; i++) {
          Wt[k * N + i] = inst.W[k * N + i] + t * V[k * N + i];
          s += Wt[k * N + i] ** 2;
        }
        const f = Math.sqrt(N / s);
        for (let i = 0; i < N; i++) Wt[k * N + i] *= f;
      }
      return Wt;
    };
    const h = 1e-3;
    const fd = (loss(inst, a, retract(h)) - 2 * loss(inst, a) + loss(inst, a, retract(-h))) / (h * h);
    let q = 0;
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) q += z[i] * sp.H[i * m + j] * z[j];
    expect(Math.abs(fd - q) / Math.abs(q)).toBeLessThan(1e-5);
  });
  it('shift mu_k = (w_k . grad_k)/N and spectrum = that of P H P - mu P minus p zeros (ml-matrix)', () => {
    const mu = sphericalShifts(inst, a);
    const g = gradient(inst, a);
    let s0 = 0;
    for (let i = 0; i < N; i++) s0 += inst.W[i] * g[i];
    expect(mu[0]).toBeCloseTo(s0 / N, 12);
    // ambient matrix with explicit projectors
    const H = denseHessian(inst, a);
    const P = new Float64Array(n * n);
    for (let k = 0; k < p; k++)
      for (let i = 0; i < N; i++)
        for (let j = 0; j < N; j++)
          P[(k * N + i) * n + k * N + j] = (i === j ? 1 : 0) - (inst.W[k * N + i] * inst.W[k * N + j]) / N;
    const Pm = new Matrix(n, n);
    const Hm = new Matrix(n, n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        Pm.set(i, j, P[i * n + j]);
        Hm.set(i, j, H[i * n + j]);
      }
    const A = Pm.mmul(Hm).mmul(Pm);
    for (let k = 0; k < p; k++)
      for (let i = 0; i < N; i++)
        for (let j = 0; j < N; j++) A.set(k * N + i, k * N + j, A.get(k * N + i, k * N + j) - mu[k] * P[(k * N + i) * n + k * N + j]);
    const amb = new EigenvalueDecomposition(A, { assumeSymmetric: true }).realEigenvalues;
    // remove the p eigenvalues closest to 0 (normal directions)
    const byAbs = amb.map((v, i) => [Math.abs(v), i]).sort((x, y) => x[0] - y[0]);
    const drop = new Set(byAbs.slice(0, p).map((x) => x[1]));
    const expected = amb.filter((_, i) => !drop.has(i)).sort((x, y) => x - y);
    const sp = denseSphericalHessian(inst, a);
    const m = sp.dimension;
    const got = new EigenvalueDecomposition(
      new Matrix(Array.from({ length: m }, (_, i) => Array.from(sp.H.subarray(i * m, i * m + m)))),
      { assumeSymmetric: true },
    ).realEigenvalues.sort((x, y) => x - y);
    expect(got.length).toBe(expected.length);
    for (let i = 0; i < m; i++) expect(got[i]).toBeCloseTo(expected[i], 10);
  });
});
