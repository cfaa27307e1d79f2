import { describe, expect, it } from 'vitest';
import { MODEL_VERSION, gradient, loss, sampleInstance } from '../../shared/src/model.ts';
import { denseHessian } from '../../shared/src/hessian.ts';

describe('sampleInstance', () => {
  const inst = sampleInstance({ N: 30, p: 3, pstar: 2, alpha: 2.5, seed: 11 });
  it('shapes, sphere norms, float32 data, labels', () => {
    expect(MODEL_VERSION).toBeTypeOf('string');
    expect(inst.M).toBe(75);
    expect(inst.X).toBeInstanceOf(Float32Array);
    expect(inst.X.length).toBe(75 * 30);
    for (const [Wr, rows] of [[inst.W, 3], [inst.Wstar, 2]] as const) {
      for (let k = 0; k < rows; k++) {
        let s = 0;
        for (let i = 0; i < 30; i++) s += Wr[k * 30 + i] ** 2;
        expect(s).toBeCloseTo(30, 10);
      }
    }
    // lam, y, yhat recomputed directly from the definitions (MODEL.md 1)
    for (const mu of [0, 17, 74]) {
      let yh = 0;
      for (let k = 0; k < 3; k++) {
        let s = 0;
        for (let i = 0; i < 30; i++) s += inst.X[mu * 30 + i] * inst.W[k * 30 + i];
        expect(inst.lam[mu * 3 + k]).toBeCloseTo(s / Math.sqrt(30), 12);
        yh += (s / Math.sqrt(30)) ** 2 / 3;
      }
      expect(inst.yhat[mu]).toBeCloseTo(yh, 12);
      let y = 0;
      for (let l = 0; l < 2; l++) y += inst.lamS[mu * 2 + l] ** 2 / 2;
      expect(inst.y[mu]).toBeCloseTo(y, 14);
    }
  });
  it('streams: teacher independent of p, student of pstar, data prefix independent of M', () => {
    const b = sampleInstance({ N: 30, p: 5, pstar: 1, alpha: 4, seed: 11 });
    expect(b.Wstar).toEqual(inst.Wstar.slice(0, 30));
    expect(b.W.slice(0, 90)).toEqual(inst.W);
    expect(b.X.slice(0, 75 * 30)).toEqual(inst.X);
    const c = sampleInstance({ N: 30, p: 3, pstar: 2, alpha: 2.5, seed: 12 });
    expect(c.X[0]).not.toBe(inst.X[0]);
  });
  it('validates parameters', () => {
    expect(() => sampleInstance({ N: 1, p: 1, pstar: 1, alpha: 1, seed: 0 })).toThrow();
    expect(() => sampleInstance({ N: 10, p: 0, pstar: 1, alpha: 1, seed: 0 })).toThrow();
    expect(() => sampleInstance({ N: 10, p: 1, pstar: 1, alpha: -1, seed: 0 })).toThrow();
  });
});

describe('derivatives vs central finite differences (N=12, p=3, p*=2)', () => {
  const inst = sampleInstance({ N: 12, p: 3, pstar: 2, alpha: 4, seed: 1 });
  const a = 0.7;
  const n = 36;
  const h = 1e-5;
  const g = gradient(inst, a);
  const H = denseHessian(inst, a);
  it('gradient', () => {
    let err = 0;
    let scale = 0;
    for (let i = 0; i < n; i++) {
      const Wp = inst.W.slice();
      Wp[i] += h;
      const Wm = inst.W.slice();
      Wm[i] -= h;
      const fd = (loss(inst, a, Wp) - loss(inst, a, Wm)) / (2 * h);
      err = Math.max(err, Math.abs(fd - g[i]));
      scale = Math.max(scale, Math.abs(g[i]));
    }
    expect(err / scale).toBeLessThan(1e-8);
  });
  it('loss at instance W equals loss recomputed from W', () => {
    expect(loss(inst, a, inst.W)).toBeCloseTo(loss(inst, a), 12);
  });
  it('dense Euclidean Hessian = d(gradient)', () => {
    let err = 0;
    let scale = 0;
    for (let i = 0; i < n; i++) {
      const Wp = inst.W.slice();
      Wp[i] += h;
      const Wm = inst.W.slice();
      Wm[i] -= h;
      const gp = gradient(inst, a, Wp);
      const gm = gradient(inst, a, Wm);
      for (let j = 0; j < n; j++) {
        err = Math.max(err, Math.abs((gp[j] - gm[j]) / (2 * h) - H[j * n + i]));
        scale = Math.max(scale, Math.abs(H[j * n + i]));
      }
    }
    expect(err / scale).toBeLessThan(1e-8);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(H[i * n + j]).toBe(H[j * n + i]);
  });
});
