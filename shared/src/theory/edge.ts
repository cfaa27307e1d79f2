/**
 * Left (informative-side) edge of the bulk, MODEL.md 3.
 *
 * Left of the bulk g(z) is real and runs from 0- (z -> -inf) down to g_e. Since
 *   g^2 z'(g) = alpha A(g) - 1,   A(g) = E[(gT/(1-gT))^2],
 * and every term (gT/(1-gT))^2 grows with |g| on [-p/2, 0] (T > -2/p), A is increasing in |g|:
 * z' has at most one zero there, found by a bracketed Newton on sqrt(A) (nearly linear in g).
 *  - alpha A(g_h) > 1: z'(g_e) = 0 inside (g_h, 0)  -> square-root edge;
 *  - otherwise g_e = g_h = -p/2 with z'(g_h) <= 0    -> smooth edge.
 * The edge is l_- = z(g_e).
 */
import type { Edge } from '../types.ts';
import type { WeightLaw } from './law.ts';
import { aOf, daOf, realSums, zOf, type RealSums } from './resolvent.ts';
import { newtonBracket } from './roots.ts';

export interface EdgeDetail extends Edge {
  /** sums at g_e (reused by the outlier and the threshold) */
  sums: RealSums;
}

export function leftEdgeDetail(law: WeightLaw, alpha: number): EdgeDetail {
  checkAlpha(alpha);
  const gh = law.gHard;
  const sh = realSums(law, gh);
  if (alpha * aOf(sh) <= 1) return { lambda: zOf(sh, alpha), kind: 'smooth', g: gh, sums: sh };
  const target = 1 / Math.sqrt(alpha);
  const f = (g: number): [number, number] => {
    const s = realSums(law, g);
    const r = Math.sqrt(aOf(s));
    return [r - target, daOf(s) / (2 * r)];
  };
  // small-|g| guess: A ~ g^2 E[T^2]
  const s0 = realSums(law, 0);
  const g0 = Math.max(gh, -target / Math.sqrt(s0.S2));
  const ge = newtonBracket(f, gh, -1e-300, g0);
  const s = realSums(law, ge);
  return { lambda: zOf(s, alpha), kind: 'sqrt', g: ge, sums: s };
}

/** The left edge as a plain Edge (public). */
export function leftEdge(law: WeightLaw, alpha: number): Edge {
  const { lambda, kind, g } = leftEdgeDetail(law, alpha);
  return { lambda, kind, g };
}

export function checkAlpha(alpha: number): void {
  if (!(alpha > 0) || !Number.isFinite(alpha)) throw new RangeError(`alpha must be a finite number > 0, got ${alpha}`);
}
