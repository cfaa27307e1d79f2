/**
 * Dense symmetric eigensolvers: Householder tridiagonalisation + implicit QL.
 * Matrices are row-major n x n Float64Array; only the lower triangle is read and the
 * input is destroyed. Eigenvectors are returned as ROWS (vector j contiguous at j*n).
 */
import { tridiagonalize, applyQ } from './tridiag.ts';
import { tql, tridiagEigenvectors } from './tql.ts';

export type StageProgress = (done: number, total: number, stage: string) => void;

/** All eigenvalues, ascending. */
export function symmetricEigenvalues(A: Float64Array, n: number, onProgress?: StageProgress): Float64Array {
  const red = tridiagonalize(A, n, onProgress ? (k) => onProgress(k, n, 'tridiagonalising') : undefined);
  const d = Float64Array.from(red.d);
  tql(d, red.e, n);
  return d;
}

/** Full decomposition: values ascending, vectors[j*n..] the unit eigenvector of values[j]. */
export function symmetricEigen(A: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const red = tridiagonalize(A, n);
  const d = Float64Array.from(red.d);
  const Z = new Float64Array(n * n);
  for (let i = 0; i < n; i++) Z[i * n + i] = 1;
  tql(d, red.e, n, Z);
  applyQ(red, Z, n);
  return { values: d, vectors: Z };
}

export interface ExtremalEigen {
  /** all eigenvalues ascending */
  values: Float64Array;
  /** kLow lowest, ascending */
  low: { values: Float64Array; vectors: Float64Array };
  /** kHigh highest, descending */
  high: { values: Float64Array; vectors: Float64Array };
}

/**
 * All eigenvalues plus the eigenvectors of the kLow lowest and kHigh highest ones
 * (inverse iteration on the tridiagonal matrix, then back-transformation): O(n^3) for the
 * reduction only, O((kLow + kHigh) n^2) for the vectors.
 */
export function symmetricEigenExtremal(
  A: Float64Array, n: number, kLow: number, kHigh: number, onProgress?: StageProgress,
): ExtremalEigen {
  kLow = Math.min(kLow, n);
  kHigh = Math.min(kHigh, n);
  const red = tridiagonalize(A, n, onProgress ? (k) => onProgress(k, n, 'tridiagonalising') : undefined);
  onProgress?.(n, n, 'tridiagonalising');
  const values = Float64Array.from(red.d);
  tql(values, red.e, n);
  onProgress?.(0, 1, 'eigenvectors');
  const lamLow = values.slice(0, kLow);
  const lamHigh = values.slice(n - kHigh).reverse();
  // distinct indices (the two ends overlap when kLow + kHigh > n)
  const idx: number[] = [];
  for (let i = 0; i < kLow; i++) idx.push(i);
  for (let i = Math.max(kLow, n - kHigh); i < n; i++) idx.push(i);
  const Z = tridiagEigenvectors(red.d, red.e, idx.map((i) => values[i]));
  applyQ(red, Z, idx.length);
  const row = (i: number) => {
    const r = idx.indexOf(i);
    return Z.subarray(r * n, r * n + n);
  };
  const lowVec = new Float64Array(kLow * n);
  for (let j = 0; j < kLow; j++) lowVec.set(row(j), j * n);
  const highVec = new Float64Array(kHigh * n);
  for (let j = 0; j < kHigh; j++) highVec.set(row(n - 1 - j), j * n);
  onProgress?.(1, 1, 'eigenvectors');
  return {
    values,
    low: { values: lamLow, vectors: lowVec },
    high: { values: lamHigh, vectors: highVec },
  };
}
