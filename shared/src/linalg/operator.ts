/**
 * A symmetric linear operator given only by its action on blocks of vectors.
 * V and out hold `nvec` vectors of length `dimension`, vector j at offset j * dimension.
 * `apply` overwrites out; V is not modified.
 */
export interface LinearOperator {
  dimension: number;
  apply(V: Float64Array, out: Float64Array, nvec: number): void;
}

/** Operator of a dense symmetric n x n row-major matrix (tests, small problems). */
export function denseOperator(A: Float64Array, n: number): LinearOperator {
  return {
    dimension: n,
    apply(V, out, nvec) {
      for (let v = 0; v < nvec; v++) {
        const vo = v * n;
        for (let i = 0; i < n; i++) {
          const ro = i * n;
          let s = 0;
          for (let j = 0; j < n; j++) s += A[ro + j] * V[vo + j];
          out[vo + i] = s;
        }
      }
    },
  };
}
