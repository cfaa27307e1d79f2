import { describe, expect, it } from 'vitest';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { Rng } from '../../shared/src/rng.ts';
import { symmetricEigen, symmetricEigenExtremal, symmetricEigenvalues } from '../../shared/src/linalg/symeig.ts';
import { tridiagonalize, applyQ } from '../../shared/src/linalg/tridiag.ts';
import { tridiagEigenvalues, tridiagEigenvectors } from '../../shared/src/linalg/tql.ts';
import { dot, hypot, norm } from '../../shared/src/linalg/vec.ts';
import { lanczosExtremal } from '../../shared/src/linalg/lanczos.ts';
import { denseOperator } from '../../shared/src/linalg/operator.ts';

function randomSymmetric(n: number, seed: number, kind: 'gaussian' | 'clustered' | 'lowrank' = 'gaussian'): Float64Array {
  const r = new Rng(seed, 'test');
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      const v = r.gaussian();
      A[i * n + j] = v;
      A[j * n + i] = v;
    }
  if (kind === 'clustered') {
    // Q diag(values with exact repeats) Q^T via a product of reflectors
    const B = new Float64Array(n * n);
    for (let i = 0; i < n; i++) B[i * n + i] = i < n / 2 ? 1 : i < (3 * n) / 4 ? -2 : i;
    for (let rep = 0; rep < 3; rep++) {
      const v = new Float64Array(n);
      r.fillGaussian(v);
      const vv = dot(v, v, n);
      // B <- (I - 2vv^T/vv) B (I - 2vv^T/vv)
      const Bv = new Float64Array(n);
      for (let i = 0; i < n; i++) Bv[i] = dot(B, v, n, i * n);
      const vBv = dot(v, Bv, n);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++)
          B[i * n + j] += (-2 * (v[i] * Bv[j] + Bv[i] * v[j])) / vv + (4 * vBv * v[i] * v[j]) / (vv * vv);
    }
    return B;
  }
  if (kind === 'lowrank') {
    const u = new Float64Array(n);
    r.fillGaussian(u);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) A[i * n + j] = u[i] * u[j];
  }
  return A;
}

function mlEigenvalues(A: Float64Array, n: number): number[] {
  const rows = Array.from({ length: n }, (_, i) => Array.from(A.subarray(i * n, i * n + n)));
  return new EigenvalueDecomposition(new Matrix(rows), { assumeSymmetric: true }).realEigenvalues.sort((x, y) => x - y);
}

function maxResidual(A: Float64Array, n: number, values: ArrayLike<number>, vectors: Float64Array): number {
  let res = 0;
  for (let j = 0; j < values.length; j++)
    for (let i = 0; i < n; i++) res = Math.max(res, Math.abs(dot(A, vectors, n, i * n, j * n) - values[j] * vectors[j * n + i]));
  return res;
}

function maxOrthError(vectors: Float64Array, n: number, k: number): number {
  let e = 0;
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) e = Math.max(e, Math.abs(dot(vectors, vectors, n, a * n, b * n) - (a === b ? 1 : 0)));
  return e;
}

describe('helpers', () => {
  it('hypot and norm without overflow', () => {
    expect(hypot(3, 4)).toBe(5);
    expect(hypot(3e300, 4e300)).toBeCloseTo(5e300, -290);
    expect(hypot(0, 0)).toBe(0);
    expect(norm(Float64Array.from([3e-300, 4e-300]), 2)).toBeCloseTo(5e-300, 310);
    expect(norm(Float64Array.from([1, 2, 2]), 3)).toBe(3);
  });
});

describe('dense symmetric eigensolver vs ml-matrix (JAMA tred2/tql2)', () => {
  const cases: [number, 'gaussian' | 'clustered' | 'lowrank'][] = [
    [1, 'gaussian'], [2, 'gaussian'], [3, 'gaussian'], [10, 'gaussian'], [57, 'gaussian'], [120, 'gaussian'],
    [40, 'clustered'], [30, 'lowrank'],
  ];
  for (const [n, kind] of cases) {
    it(`n=${n} ${kind}`, () => {
      const A = randomSymmetric(n, n, kind);
      const ref = mlEigenvalues(A, n);
      const scale = Math.max(...ref.map(Math.abs), 1e-300);
      const vals = symmetricEigenvalues(A.slice(), n);
      for (let i = 0; i < n; i++) expect(Math.abs(vals[i] - ref[i]) / scale).toBeLessThan(1e-13);
      const full = symmetricEigen(A.slice(), n);
      for (let i = 0; i < n; i++) expect(Math.abs(full.values[i] - ref[i]) / scale).toBeLessThan(1e-13);
      expect(maxResidual(A, n, full.values, full.vectors) / scale).toBeLessThan(1e-13);
      expect(maxOrthError(full.vectors, n, n)).toBeLessThan(1e-13);
      const k = Math.min(3, n);
      const ex = symmetricEigenExtremal(A.slice(), n, k, k);
      for (let i = 0; i < k; i++) {
        expect(ex.low.values[i]).toBe(vals[i]);
        expect(ex.high.values[i]).toBe(vals[n - 1 - i]);
      }
      expect(maxResidual(A, n, ex.low.values, ex.low.vectors) / scale).toBeLessThan(1e-12);
      expect(maxResidual(A, n, ex.high.values, ex.high.vectors) / scale).toBeLessThan(1e-12);
      expect(maxOrthError(ex.low.vectors, n, k)).toBeLessThan(1e-12);
      expect(maxOrthError(ex.high.vectors, n, k)).toBeLessThan(1e-12);
    });
  }
  it('tridiagonal reduction: Q T Q^T reproduces A', () => {
    const n = 33;
    const A = randomSymmetric(n, 9);
    const red = tridiagonalize(A.slice(), n);
    const T = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      T[i * n + i] = red.d[i];
      if (i + 1 < n) T[i * n + i + 1] = T[(i + 1) * n + i] = red.e[i];
    }
    // row j of T is column j (T symmetric): Q applied to the rows gives (Q T)^T
    const QT = T.slice();
    applyQ(red, QT, n);
    const B = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) B[i * n + j] = QT[j * n + i]; // Q T
    // row i of Q T is T Q^T e_i; Q times it is column (= row) i of Q T Q^T
    applyQ(red, B, n);
    let err = 0;
    for (let i = 0; i < n * n; i++) err = Math.max(err, Math.abs(B[i] - A[i]));
    expect(err).toBeLessThan(1e-13);
  });
  it('tridiagonal inverse iteration handles a near-degenerate pair', () => {
    // Wilkinson W21+: pairs of eigenvalues agreeing to ~1e-14
    const n = 21;
    const d = Float64Array.from({ length: n }, (_, i) => Math.abs(10 - i));
    const e = new Float64Array(n - 1).fill(1);
    const vals = tridiagEigenvalues(d, e);
    const top = [vals[n - 1], vals[n - 2]];
    expect(top[0] - top[1]).toBeLessThan(1e-12);
    const Z = tridiagEigenvectors(d, e, top);
    const T = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      T[i * n + i] = d[i];
      if (i + 1 < n) T[i * n + i + 1] = T[(i + 1) * n + i] = 1;
    }
    expect(maxResidual(T, n, top, Z)).toBeLessThan(1e-13);
    expect(maxOrthError(Z, n, 2)).toBeLessThan(1e-12);
  });
});

describe('Lanczos vs dense', () => {
  it('random symmetric n=300: 5 lowest and 4 highest pairs, with and without restarts', () => {
    const n = 300;
    const A = randomSymmetric(n, 21);
    const ref = symmetricEigenExtremal(A.slice(), n, 5, 4);
    const scale = Math.max(Math.abs(ref.values[0]), Math.abs(ref.values[n - 1]));
    for (const maxBasis of [undefined, 40]) {
      const res = lanczosExtremal(denseOperator(A, n), { kLow: 5, kHigh: 4, maxBasis, seed: 3 });
      expect(res.converged).toBe(true);
      if (maxBasis === 40) expect(res.restarts).toBeGreaterThan(0);
      for (const [got, want] of [[res.low, ref.low], [res.high, ref.high]] as const) {
        for (let j = 0; j < got.values.length; j++) {
          expect(Math.abs(got.values[j] - want.values[j]) / scale).toBeLessThan(1e-12);
          // same eigenvector up to sign
          expect(Math.abs(Math.abs(dot(got.vectors, want.vectors, n, j * n, j * n)) - 1)).toBeLessThan(1e-8);
          expect(got.residuals[j] / scale).toBeLessThan(1e-8);
        }
      }
      expect(maxOrthError(res.low.vectors, n, 5)).toBeLessThan(1e-9);
    }
  });
  it('operator with an invariant subspace (rank-3 matrix) and the full-basis case', () => {
    const n = 50;
    const r = new Rng(8, 'test');
    const U = new Float64Array(3 * n);
    r.fillGaussian(U);
    const A = new Float64Array(n * n);
    for (let t = 0; t < 3; t++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) A[i * n + j] += (t - 1.2) * U[t * n + i] * U[t * n + j];
    const ref = symmetricEigenvalues(A.slice(), n);
    const res = lanczosExtremal(denseOperator(A, n), { kLow: 2, kHigh: 2 });
    expect(res.converged).toBe(true);
    for (let j = 0; j < 2; j++) {
      expect(res.low.values[j]).toBeCloseTo(ref[j], 10);
      expect(res.high.values[j]).toBeCloseTo(ref[n - 1 - j], 10);
    }
    const small = lanczosExtremal(denseOperator(A, n), { kLow: 1, kHigh: 1, maxBasis: n });
    expect(small.low.values[0]).toBeCloseTo(ref[0], 10);
  });
});
