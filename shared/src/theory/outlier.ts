/**
 * Informative outlier, MODEL.md 3: g* in (g_e, 0) with F(g*) = 0, i.e. (multiplying by g < 0)
 *   Psi(g) = g F(g) = 1 - alpha B(g) = 0,   B(g) = E[(y-1) gT/(1-gT)].
 * Psi(0-) = 1, so a root exists as soon as Psi(g_e) < 0; we take it by bracketed Newton.
 * Position l* = z(g*), squared teacher overlap m^2 = z'(g*)/(z'(g*) - Phi'(g*)).
 */
import type { Outlier } from '../types.ts';
import type { WeightLaw } from './law.ts';
import { leftEdgeDetail, type EdgeDetail } from './edge.ts';
import { bOf, dbOf, overlap2, realSums, zOf } from './resolvent.ts';
import { newtonBracket } from './roots.ts';

export function outlier(law: WeightLaw, alpha: number, edge?: EdgeDetail): Outlier | null {
  const e = edge ?? leftEdgeDetail(law, alpha);
  const psiE = 1 - alpha * bOf(e.sums);
  if (!(psiE < 0)) return null;
  const f = (g: number): [number, number] => {
    const s = realSums(law, g);
    return [1 - alpha * bOf(s), -alpha * dbOf(s)];
  };
  // start from the linearisation of Psi between g_e and 0 (Psi(0) = 1)
  const g0 = e.g * (1 / (1 - psiE));
  const gs = newtonBracket(f, e.g, -1e-300, g0);
  const s = realSums(law, gs);
  return { lambda: zOf(s, alpha), overlap2: overlap2(s, alpha), g: gs };
}
