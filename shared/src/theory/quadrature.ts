/**
 * Quadrature for expectations over u = chi2_k / k (MODEL.md 3).
 *
 * We integrate in s = log u, where the law of u has density
 *   h_k(s) = (c^c / Gamma(c)) exp(c (s - e^s)),  c = k/2,
 * a smooth bump with its mode at s = 0. Every integrand of the theory is a rational function of
 * u whose poles sit at u <= 0 (i.e. at Im s = +-pi), so in s it is analytic in a strip of
 * half-width pi: composite Gauss-Legendre on panels of width ~2 converges geometrically, also
 * when a is tiny and the integrand has a step at u ~ a (MODEL.md warns that Gauss-Laguerre on the
 * raw variable does not). For k = 1 the lower tail in s is long (h ~ e^{s/2}) but featureless,
 * so panels grow geometrically there.
 */
import { cos, exp, log, sin } from '../math.ts';

/** P_n(t) and P_n'(t) by the three-term recurrence (n >= 1). */
function legendre(n: number, t: number): [number, number] {
  let p0 = 1;
  let p1 = t;
  for (let k = 2; k <= n; k++) {
    const p2 = ((2 * k - 1) * t * p1 - (k - 1) * p0) / k;
    p0 = p1;
    p1 = p2;
  }
  return [p1, n === 1 ? 1 : (n * (t * p1 - p0)) / (t * t - 1)];
}

/** Gauss-Legendre nodes/weights on [-1, 1] (Newton on P_n; cached). */
const glCache = new Map<number, { x: Float64Array; w: Float64Array }>();

export function gaussLegendre(n: number): { x: Float64Array; w: Float64Array } {
  const hit = glCache.get(n);
  if (hit) return hit;
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let t = cos((Math.PI * (i + 0.75)) / (n + 0.5));
    for (let it = 0; it < 100; it++) {
      const [pn, dpn] = legendre(n, t);
      const dt = pn / dpn;
      t -= dt;
      if (Math.abs(dt) < 1e-16) break;
    }
    // the weight needs the derivative at the converged node
    const dp = legendre(n, t)[1];
    x[i] = -t;
    x[n - 1 - i] = t;
    w[i] = w[n - 1 - i] = 2 / ((1 - t * t) * dp * dp);
  }
  const r = { x, w };
  glCache.set(n, r);
  return r;
}

/** log Gamma(x) for x > 0 (Lanczos g=7, n=9; ~1e-15 relative). */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
export function lgamma(x: number): number {
  if (x < 0.5) return log(Math.PI / Math.abs(sin(Math.PI * x))) - lgamma(1 - x);
  const xx = x - 1;
  let s = LANCZOS[0];
  for (let i = 1; i < 9; i++) s += LANCZOS[i] / (xx + i);
  const t = xx + 7.5;
  return 0.5 * log(2 * Math.PI) + (xx + 0.5) * log(t) - t + log(s);
}

export interface QuadOptions {
  /** Gauss-Legendre nodes per panel */
  nodes?: number;
  /** core panel width in units of the local scale (see logChi2Rule) */
  panel?: number;
  /** cut the tails where log h_k falls this far below its maximum */
  logCut?: number;
}

export const DEFAULT_QUAD: Required<QuadOptions> = { nodes: 8, panel: 1, logCut: 42 };

/**
 * Nodes u_i and weights w_i with sum_i w_i f(u_i) ~ E[f(chi2_k/k)].
 * `feature` is an extra point (in u) where integrands change (u ~ a): the fine panels are
 * extended to cover log(feature) +- 3 when it falls inside the range.
 */
export interface Chi2Rule {
  /** nodes (in u, not s) */
  u: Float64Array;
  /** weights, summing to 1 */
  w: Float64Array;
}

export function logChi2Rule(k: number, feature: number, opt: QuadOptions = {}): Chi2Rule {
  const { nodes, panel, logCut } = { ...DEFAULT_QUAD, ...opt };
  const c = k / 2;
  // cut points: c (e^s - 1 - s) = logCut on both sides of the mode s = 0
  const g = (s: number) => c * (exp(s) - 1 - s) - logCut;
  const sHi = bisect(g, 0, log(2 * logCut / c + 2) + 1);
  const sLo = bisect(g, -2 * logCut / c - 2, 0);
  // core scale: the bump has width ~ 1/sqrt(c) near the mode; panel width capped at 2 (strip pi)
  const width = panel * Math.min(2, 2.5 / Math.sqrt(c));
  // core region: the curved part of the bump, |s| <~ min(4, sqrt(24/c)); below it log h is
  // ~ c s (k small: a pure exponential) or its Gaussian tail (k large)
  let cLo = Math.max(sLo, -Math.min(4, Math.sqrt(24 / c)));
  const cHi = sHi; // the upper tail is double-exponential: keep fine panels up to the cut
  const lf = log(feature);
  if (lf - 3 < cLo && lf + 3 > sLo) cLo = Math.max(sLo, lf - 3);
  const edges: number[] = [];
  const nCore = Math.max(1, Math.ceil((cHi - cLo) / width));
  for (let i = 0; i <= nCore; i++) edges.push(cLo + ((cHi - cLo) * i) / nCore);
  // lower tail: featureless exponential, panels growing by 1.6x
  let left = cLo;
  let wdt = width;
  const tail: number[] = [];
  while (left > sLo + 1e-12) {
    wdt *= 1.6;
    left = Math.max(sLo, left - wdt);
    if (left - sLo < 0.5 * wdt) left = sLo;
    tail.push(left);
  }
  edges.unshift(...tail.reverse());
  const gl = gaussLegendre(nodes);
  const nP = edges.length - 1;
  const u = new Float64Array(nP * nodes);
  const w = new Float64Array(nP * nodes);
  const logNorm = c * log(c) - lgamma(c);
  let j = 0;
  let sum = 0;
  for (let i = 0; i < nP; i++) {
    const a = edges[i];
    const b = edges[i + 1];
    const h = 0.5 * (b - a);
    const m = 0.5 * (a + b);
    for (let q = 0; q < nodes; q++) {
      const s = m + h * gl.x[q];
      const es = exp(s);
      u[j] = es;
      w[j] = h * gl.w[q] * exp(logNorm + c * (s - es));
      sum += w[j];
      j++;
    }
  }
  // the rule integrates the density to ~1e-15; renormalise so that E[1] = 1 exactly
  for (let i = 0; i < w.length; i++) w[i] /= sum;
  return { u, w };
}

function bisect(f: (x: number) => number, lo: number, hi: number): number {
  let flo = f(lo);
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    const fm = f(mid);
    if (fm === 0) return mid;
    if ((fm > 0) === (flo > 0)) {
      lo = mid;
      flo = fm;
    } else hi = mid;
    if (hi - lo < 1e-13 * (1 + Math.abs(lo))) break;
  }
  return 0.5 * (lo + hi);
}
