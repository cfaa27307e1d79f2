/** Small dense-vector helpers on Float64Array slices (offsets instead of subarray allocations). */

export function dot(x: ArrayLike<number>, y: ArrayLike<number>, n: number, xo = 0, yo = 0): number {
  let s0 = 0;
  let s1 = 0;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    s0 += x[xo + i] * y[yo + i];
    s1 += x[xo + i + 1] * y[yo + i + 1];
  }
  if (i < n) s0 += x[xo + i] * y[yo + i];
  return s0 + s1;
}

/** y += a x */
export function axpy(a: number, x: ArrayLike<number>, y: Float64Array, n: number, xo = 0, yo = 0): void {
  for (let i = 0; i < n; i++) y[yo + i] += a * x[xo + i];
}

export function scale(a: number, x: Float64Array, n: number, xo = 0): void {
  for (let i = 0; i < n; i++) x[xo + i] *= a;
}

/** sqrt(a^2 + b^2) without overflow/underflow, IEEE-exact operations only (no Math.hypot). */
export function hypot(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  if (a < b) {
    const t = a;
    a = b;
    b = t;
  }
  if (a === 0) return 0;
  const r = b / a;
  return a * Math.sqrt(1 + r * r);
}

/** Euclidean norm with scaling against overflow (LAPACK dnrm2-style, single pass); `stride` walks a column. */
export function norm(x: ArrayLike<number>, n: number, xo = 0, stride = 1): number {
  let scl = 0;
  let ssq = 1;
  for (let i = 0; i < n; i++) {
    const v = x[xo + i * stride];
    if (v !== 0) {
      const av = Math.abs(v);
      if (scl < av) {
        const r = scl / av;
        ssq = 1 + ssq * r * r;
        scl = av;
      } else {
        const r = av / scl;
        ssq += r * r;
      }
    }
  }
  return scl * Math.sqrt(ssq);
}

/** Fast 2-norm for well-scaled data (no overflow protection). */
export function norm2(x: ArrayLike<number>, n: number, xo = 0): number {
  return Math.sqrt(dot(x, x, n, xo, xo));
}
