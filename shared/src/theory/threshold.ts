/**
 * BBP threshold alpha_BBP(p, p*, a), MODEL.md 3: the smallest alpha at which F(g_e) = 0.
 *
 * With A, B as in resolvent.ts, the edge is at alpha A(g_e) = 1 (or g_e = g_h if alpha A(g_h) <= 1)
 * and an outlier exists iff alpha B(g_e) > 1. Both conditions are alpha-linear, so alpha can
 * be eliminated: along the square-root branch alpha = 1/A(g) grows as g -> 0-, and the outlier
 * exists iff D(g) = B(g) - A(g) > 0. Hence
 *  - D(g_h) > 0: the outlier appears while the edge is still smooth, at alpha = 1/B(g_h), with g* = g_h:
 *    discontinuous, m^2 jumps to z'(g_h)/(z'(g_h) - Phi'(g_h)) > 0;
 *  - otherwise: the first zero g_c of D going from g_h towards 0 (D > 0 near 0- since
 *    E[(y-1)T] < 0), alpha = 1/A(g_c), square-root edge, m^2 -> 0: continuous.
 * One 1-D root in g, no nested solve in alpha.
 */
import type { EdgeKind, ThresholdResult } from '../types.ts';
import type { WeightLaw } from './law.ts';
import { aOf, bOf, daOf, dbOf, overlap2, realSums, zOf } from './resolvent.ts';
import { newtonBracket } from './roots.ts';
import { exp, log } from '../math.ts';

const LOG_1E_6 = log(1e-6);

/** scan points used to bracket the first zero of D from the g_h side */
const SCAN = 24;

export interface ThresholdDetail extends ThresholdResult {
  /** g_e at alpha_BBP (= g* there) */
  g: number;
}

export function thresholdOfLaw(law: WeightLaw): ThresholdDetail {
  const { p, pstar, a, gHard: gh } = law;
  const common = { alphaInfinity: (pstar * (a + 1)) / 2, alphaWeakRecovery: pstar / 2 };
  const sh = realSums(law, gh);
  const Dh = bOf(sh) - aOf(sh);
  if (Dh > 0) {
    const alpha = 1 / bOf(sh);
    return {
      alphaBBP: alpha, kind: 'discontinuous', overlapJump: overlap2(sh, alpha),
      edgeKind: 'smooth' as EdgeKind, lambdaBBP: zOf(sh, alpha), g: gh, ...common,
    };
  }
  const D = (g: number): [number, number] => {
    const s = realSums(law, g);
    return [bOf(s) - aOf(s), dbOf(s) - daOf(s)];
  };
  // bracket the zero of D nearest g_h: scan |g| geometrically towards 0 (D ~ -g E[(y-1)T] there)
  let lo = gh;
  let hi = gh;
  for (let k = 1; k <= SCAN; k++) {
    const g = gh * exp((k / SCAN) * LOG_1E_6);
    if (D(g)[0] > 0) { hi = g; break; }
    lo = g;
  }
  if (hi === gh) throw new Error('threshold: D(g) has no sign change on (g_h, 0)');
  const gc = newtonBracket(D, lo, hi, 0.5 * (lo + hi));
  const s = realSums(law, gc);
  const alpha = 1 / aOf(s);
  return {
    alphaBBP: alpha, kind: 'continuous', overlapJump: 0, edgeKind: 'sqrt',
    lambdaBBP: zOf(s, alpha), g: gc, ...common,
  };
}
