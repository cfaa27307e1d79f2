/**
 * The resolvent equation of MODEL.md 3 over a discrete law of T.
 *
 *   z(g) = 1/g + alpha E[T/(1-gT)]            (inverse of the Stieltjes transform g(z))
 *   Sigma(g) = alpha E[T/(1-gT)]              (self-energy)
 *   F(g) = 1/g - alpha E[(y-1) T/(1-gT)]       (outlier condition)
 *
 * Real g: one pass over the atoms gives every expectation needed by the edge, the outlier and
 * the threshold (and their g-derivatives). The alpha-free combinations
 *   A(g) = E[(gT/(1-gT))^2] = g^2 S2       (z'(g) = (alpha A - 1)/g^2)
 *   B(g) = E[(y-1) gT/(1-gT)] = g R1       (g F(g) = 1 - alpha B)
 * are what the root finders use.
 */
import type { WeightLaw } from './law.ts';
import { atan2, log } from '../math.ts';
import { hypot } from '../linalg/vec.ts';

export interface RealSums {
  g: number;
  /** E[T/(1-gT)] */
  S1: number;
  /** E[T^2/(1-gT)^2] */
  S2: number;
  /** E[T^3/(1-gT)^3] */
  S3: number;
  /** E[(y-1) T/(1-gT)] */
  R1: number;
  /** E[(y-1) T^2/(1-gT)^2] */
  R2: number;
  /** E[y T^2/(1-gT)^2] */
  Y2: number;
}

export function realSums(law: WeightLaw, g: number): RealSums {
  const { T, w, wy, n } = law;
  let S1 = 0, S2 = 0, S3 = 0, R1 = 0, R2 = 0, Y2 = 0;
  for (let i = 0; i < n; i++) {
    const t = T[i];
    const q = t / (1 - g * t);
    const q2 = q * q;
    const wi = w[i];
    const wyi = wy[i];
    S1 += wi * q;
    S2 += wi * q2;
    S3 += wi * q2 * q;
    R1 += (wyi - wi) * q;
    R2 += (wyi - wi) * q2;
    Y2 += wyi * q2;
  }
  return { g, S1, S2, S3, R1, R2, Y2 };
}

/** z(g) = 1/g + alpha S1 */
export const zOf = (s: RealSums, alpha: number) => 1 / s.g + alpha * s.S1;
/** z'(g) = -1/g^2 + alpha S2 */
export const dzOf = (s: RealSums, alpha: number) => -1 / (s.g * s.g) + alpha * s.S2;
/** z''(g) = 2/g^3 + 2 alpha S3 */
export const d2zOf = (s: RealSums, alpha: number) => 2 / (s.g * s.g * s.g) + 2 * alpha * s.S3;
/** A(g) = g^2 S2 and A'(g) */
export const aOf = (s: RealSums) => s.g * s.g * s.S2;
export const daOf = (s: RealSums) => 2 * s.g * (s.S2 + s.g * s.S3);
/** B(g) = g R1 and B'(g) */
export const bOf = (s: RealSums) => s.g * s.R1;
export const dbOf = (s: RealSums) => s.R1 + s.g * s.R2;
/** Phi'(g) = alpha E[y T^2/(1-gT)^2] */
export const dPhiOf = (s: RealSums, alpha: number) => alpha * s.Y2;

/** m^2 = z'/(z' - Phi') at a root of F (MODEL.md 3) */
export function overlap2(s: RealSums, alpha: number): number {
  const dz = dzOf(s, alpha);
  const m2 = dz / (dz - dPhiOf(s, alpha));
  return Math.min(1, Math.max(0, m2));
}

/**
 * Complex sums at g = gr + i gi: S1 = E[T/(1-gT)] and S2 = E[T^2/(1-gT)^2], plus
 * L = E[log(1-gT)] when `withLog` (for the cumulative distribution). Written into `out`:
 * [S1r, S1i, S2r, S2i, Lr, Li].
 * Point atoms: accurate wherever |Im g| is large compared with the atom spacing in T around the
 * pole T = 1/g, i.e. in the bulk (~1e-6) and the upper tail down to 1 - F ~ 1e-2 (~1e-3); in the
 * far upper tail the discrete law shows its granularity (see density.ts).
 */
export function complexSums(law: WeightLaw, gr: number, gi: number, out: Float64Array, withLog = false): void {
  const { T, w, n } = law;
  let s1r = 0, s1i = 0, s2r = 0, s2i = 0, lr = 0, li = 0;
  for (let k = 0; k < n; k++) {
    const t = T[k];
    // d = 1 - g t ; q = t / d = t conj(d) / |d|^2
    const dr = 1 - gr * t;
    const di = -gi * t;
    const dd = dr * dr + di * di;
    const inv = t / dd;
    const qr = dr * inv;
    const qi = -di * inv;
    const wk = w[k];
    s1r += wk * qr;
    s1i += wk * qi;
    s2r += wk * (qr * qr - qi * qi);
    s2i += wk * 2 * qr * qi;
  }
  // a loop of its own: with the logarithm inlined, V8 compiles the hot loop above ~1.5x slower
  if (withLog) {
    for (let k = 0; k < n; k++) {
      const t = T[k];
      const dr = 1 - gr * t;
      const di = -gi * t;
      lr += w[k] * 0.5 * log(dr * dr + di * di);
      li += w[k] * atan2(di, dr);
    }
  }
  out[0] = s1r; out[1] = s1i; out[2] = s2r; out[3] = s2i; out[4] = lr; out[5] = li;
}

/**
 * Solve z(g) = zr + i zi for complex g (Im g <= 0, the physical sheet) by Newton from (gr, gi):
 * g <- g - (z(g) - z)/z'(g). A step that would cross to Im g > 0 is replaced by moving half-way
 * towards the real axis. Writes [gr, gi] into `g` and returns the number of iterations, or -1
 * if not converged.
 */
export function solveComplex(
  law: WeightLaw, alpha: number, zr: number, zi: number, g: Float64Array, maxIter = 40, tol = 1e-13,
): number {
  const buf = new Float64Array(6);
  let gr = g[0];
  let gi = g[1];
  for (let it = 1; it <= maxIter; it++) {
    complexSums(law, gr, gi, buf);
    const m2 = gr * gr + gi * gi;
    // 1/g = conj(g)/|g|^2 ; 1/g^2 = conj(g)^2/|g|^4
    const fr = gr / m2 + alpha * buf[0] - zr;
    const fi = -gi / m2 + alpha * buf[1] - zi;
    const ig2r = (gr * gr - gi * gi) / (m2 * m2);
    const ig2i = (-2 * gr * gi) / (m2 * m2);
    const dr = -ig2r + alpha * buf[2];
    const di = -ig2i + alpha * buf[3];
    const dd = dr * dr + di * di;
    const sr = (fr * dr + fi * di) / dd;
    const si = (fi * dr - fr * di) / dd;
    let nr = gr - sr;
    let ni = gi - si;
    if (ni > 0) ni = 0.5 * gi;
    const step = hypot(nr - gr, ni - gi);
    gr = nr;
    gi = ni;
    if (!(Number.isFinite(gr) && Number.isFinite(gi))) return -1;
    if (step <= tol * hypot(gr, gi)) {
      g[0] = gr;
      g[1] = gi;
      return it;
    }
  }
  g[0] = gr;
  g[1] = gi;
  return -1;
}

/**
 * Cumulative distribution of the spectrum at a solved point g = g(l + i0):
 *   F(l) = 1 - Im Phi / pi,   Phi(g) = g l - log g + alpha E[log(1 - gT)],
 * because dPhi/dl = g(l) along the solution (z(g) = l). Im g < 0 and Im(1 - gT) has the sign of T,
 * so principal logs stay continuous; left of the bulk Im Phi = pi (F = 0), at +inf Im Phi -> 0.
 */
export function cumulative(law: WeightLaw, alpha: number, l: number, gr: number, gi: number): number {
  const buf = new Float64Array(6);
  complexSums(law, gr, gi, buf, true);
  const imPhi = gi * l - atan2(gi, gr) + alpha * buf[5];
  return 1 - imPhi / Math.PI;
}
