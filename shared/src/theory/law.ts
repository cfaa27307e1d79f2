/**
 * The random weight T of MODEL.md 3 as a discrete law (atoms), built once per (p, p*, a) and
 * reused for every alpha.
 *
 *   yhat = chi2_p / p,  y = chi2_{p*} / p*  (independent)
 *   T = c1 = (2/p)(yhat - y)/(a + y)    with probability (p-1)/p
 *   T = c2 = (2/p)(3 yhat - y)/(a + y)  with probability 1/p        (p = 1: only c2)
 *
 * Each (yhat, y) quadrature node gives one or two atoms {T, w}; we also keep w*y because the
 * outlier equation and the overlap need E[y ...]. Every T > -2/p, so 1 - gT > 0 on [-p/2, 0].
 */
import type { ModelParams } from '../types.ts';
import { logChi2Rule, type QuadOptions } from './quadrature.ts';

export interface WeightLaw {
  p: number;
  pstar: number;
  a: number;
  /** number of atoms */
  n: number;
  T: Float64Array;
  /** probability of the atom */
  w: Float64Array;
  /** w * y (y = chi2_{p*}/p* of the atom) */
  wy: Float64Array;
  /** hard end of the real resolvent: g_h = -p/2 */
  gHard: number;
  /** E[T] (= (1/pN) Tr H / alpha) */
  meanT: number;
  /** largest atom (the law is unbounded above; this is where the quadrature stops) */
  maxT: number;
}

export function checkParams(m: ModelParams): void {
  const { p, pstar, a } = m;
  if (!Number.isInteger(p) || p < 1) throw new RangeError(`p must be an integer >= 1, got ${p}`);
  if (!Number.isInteger(pstar) || pstar < 1) throw new RangeError(`pstar must be an integer >= 1, got ${pstar}`);
  if (!(a > 0) || !Number.isFinite(a)) throw new RangeError(`a must be a finite number > 0, got ${a}`);
}

export function weightLaw(m: ModelParams, opt: QuadOptions = {}): WeightLaw {
  checkParams(m);
  const { p, pstar, a } = m;
  // integrands change where yhat ~ a (via 1 - gT near g = -p/2) and where y ~ a (via a + y)
  const yh = logChi2Rule(p, a, opt);
  const ys = logChi2Rule(pstar, a, opt);
  const two = p > 1;
  const n = yh.u.length * ys.u.length * (two ? 2 : 1);
  const T = new Float64Array(n);
  const w = new Float64Array(n);
  const wy = new Float64Array(n);
  const p1 = (p - 1) / p;
  const p2 = 1 / p;
  let k = 0;
  let meanT = 0;
  let maxT = -Infinity;
  for (let j = 0; j < ys.u.length; j++) {
    const y = ys.u[j];
    const s = 2 / (p * (a + y));
    for (let i = 0; i < yh.u.length; i++) {
      const yhat = yh.u[i];
      const ww = yh.w[i] * ys.w[j];
      if (two) {
        T[k] = s * (yhat - y);
        w[k] = ww * p1;
        wy[k] = w[k] * y;
        meanT += w[k] * T[k];
        k++;
      }
      T[k] = s * (3 * yhat - y);
      w[k] = ww * p2;
      wy[k] = w[k] * y;
      meanT += w[k] * T[k];
      if (T[k] > maxT) maxT = T[k];
      k++;
    }
  }
  return { p, pstar, a, n, T, w, wy, gHard: -p / 2, meanT, maxT };
}
