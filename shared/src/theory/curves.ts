/**
 * Public curves: spectrum with density, overlap curve m^2(alpha), phase diagram alpha_BBP(p).
 * Laws are cached per (p, p*, a) (a few entries), since every alpha reuses the same law.
 */
import type {
  EdgeKind, ModelParams, OverlapCurve, PhaseDiagram, PhaseDiagramRow, TheorySpectrum, ThresholdResult,
} from '../types.ts';
import { weightLaw, type WeightLaw } from './law.ts';
import { checkAlpha, leftEdgeDetail } from './edge.ts';
import { outlier } from './outlier.ts';
import { thresholdOfLaw } from './threshold.ts';
import { densityOnGrid, rightEnd } from './density.ts';
import { linspace } from '../grid.ts';
import { asinh, sinh } from '../math.ts';

const CACHE = new Map<string, WeightLaw>();
const CACHE_SIZE = 8;

/** The law of T for (p, p*, a), built once and kept in a small LRU cache. */
export function cachedLaw(m: ModelParams): WeightLaw {
  const key = `${m.p}|${m.pstar}|${m.a}`;
  let law = CACHE.get(key);
  if (law) {
    CACHE.delete(key);
  } else {
    law = weightLaw(m);
    if (CACHE.size >= CACHE_SIZE) CACHE.delete(CACHE.keys().next().value as string);
  }
  CACHE.set(key, law);
  return law;
}

/** mass above the right end of the plotted density (see densityGrid) */
export const TAIL_MASS = 1e-3;

export function threshold(m: ModelParams): ThresholdResult {
  const { g: _g, ...r } = thresholdOfLaw(cachedLaw(m));
  return r;
}

/**
 * Grid for the density: from a bit below the left edge l_- to the right end R where the mass
 * above is TAIL_MASS (the law of T is unbounded above). Points are uniform in
 * asinh((l - l_-)/w), w = a quarter of the distance from l_- to the mean of the bulk: uniform near
 * the edge and in the bulk, stretched in a long upper tail (small a gives tails up to ~1/a).
 */
export function densityGrid(edge: number, right: number, width: number, points: number): number[] {
  const uLo = asinh(-0.05);
  const uHi = asinh((right - edge) / width);
  const n = Math.max(2, Math.floor(points));
  return Array.from({ length: n }, (_, i) => edge + width * sinh(uLo + ((uHi - uLo) * i) / (n - 1)));
}

export function theorySpectrum(q: ModelParams & { alpha: number; points: number }): TheorySpectrum {
  checkAlpha(q.alpha);
  const law = cachedLaw(q);
  const alpha = q.alpha;
  const e = leftEdgeDetail(law, alpha);
  const out = outlier(law, alpha, e);
  const right = rightEnd(law, alpha, e.lambda, TAIL_MASS);
  const mean = (alpha * law.meanT) / Math.min(1, alpha);
  const width = 0.25 * Math.max(mean - e.lambda, 1e-3 * (right - e.lambda));
  const lambda = densityGrid(e.lambda, right, width, q.points);
  const rho = densityOnGrid(law, alpha, e.lambda, lambda);
  return {
    alpha,
    edge: { lambda: e.lambda, kind: e.kind, g: e.g },
    rightEdge: right,
    outlier: out,
    density: { lambda, rho },
    zeroMass: Math.max(0, 1 - alpha),
  };
}

export function overlapCurve(q: ModelParams & { alphaMin: number; alphaMax: number; points: number }): OverlapCurve {
  checkAlpha(q.alphaMin);
  checkAlpha(q.alphaMax);
  const law = cachedLaw(q);
  const n = Math.max(1, Math.floor(q.points));
  const alpha = linspace(q.alphaMin, q.alphaMax, n);
  const overlap2: number[] = [];
  const outl: (number | null)[] = [];
  const edge: number[] = [];
  const edgeKind: EdgeKind[] = [];
  for (const al of alpha) {
    const e = leftEdgeDetail(law, al);
    const o = outlier(law, al, e);
    overlap2.push(o ? o.overlap2 : 0);
    outl.push(o ? o.lambda : null);
    edge.push(e.lambda);
    edgeKind.push(e.kind);
  }
  const { g: _g, ...threshold } = thresholdOfLaw(law);
  return { alpha, overlap2, outlier: outl, edge, edgeKind, threshold };
}

export function phaseDiagram(q: { pstar: number; a: number; pMax: number }): PhaseDiagram {
  const pMax = Math.floor(q.pMax);
  if (!(pMax >= 1)) throw new RangeError(`pMax must be >= 1, got ${q.pMax}`);
  const rows: PhaseDiagramRow[] = [];
  for (let p = 1; p <= pMax; p++) {
    // one-off laws: do not flush the cache with pMax entries
    const t = thresholdOfLaw(weightLaw({ p, pstar: q.pstar, a: q.a }));
    rows.push({ p, alphaBBP: t.alphaBBP, kind: t.kind, overlapJump: t.overlapJump });
  }
  return { rows, alphaInfinity: (q.pstar * (q.a + 1)) / 2, alphaWeakRecovery: q.pstar / 2 };
}
