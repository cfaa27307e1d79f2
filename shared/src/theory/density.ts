/**
 * Bulk density rho(l) = -(1/pi) Im g(l + i0), MODEL.md 3, by solving z(g) = l for complex g on
 * the physical sheet (Im g < 0).
 *
 * The physical branch is reached by a homotopy from far above the real axis: solve at
 * z = l + i eta for eta decreasing geometrically to 0 (g(z) is analytic in the upper half plane,
 * so Newton follows it). Along a grid we continue from the previous point with a linear
 * predictor; when Newton fails, or lands on a real g (a gap, or the exponentially thin region
 * near a smooth edge), the point is re-solved by homotopy, which is always on the right branch.
 *
 * Accuracy: the law of T is a list of point atoms, fine wherever |Im g| is large compared with the
 * atom spacing around the pole T = 1/g: the bulk (~1e-6 relative) and the upper tail down to
 * 1 - F ~ 1e-2 (~1e-3..1e-2). Beyond that (and for alpha << 1, where rho ~ alpha f_T is thin
 * everywhere) the discrete law shows: rho gets spiky / drops to 0 between atoms. Masses and the
 * cumulative F are much less sensitive than rho itself.
 *
 * For alpha < 1, H has rank ~ alpha pN: a delta of mass 1 - alpha at l = 0 that is not part of rho.
 */
import type { WeightLaw } from './law.ts';
import { cumulative, solveComplex } from './resolvent.ts';
import { log } from '../math.ts';
import { hypot } from '../linalg/vec.ts';

/** Physical g(l + i0) by homotopy in eta. Returns false if Newton failed at some stage. */
export function solveByHomotopy(law: WeightLaw, alpha: number, l: number, g: Float64Array, scale: number): boolean {
  let eta = 4 * scale;
  // at large eta, g ~ 1/(z - alpha E[T])
  const zr = l - alpha * law.meanT;
  const m = zr * zr + eta * eta;
  g[0] = zr / m;
  g[1] = -eta / m;
  let ok = true;
  while (eta > 1e-13 * scale) {
    if (solveComplex(law, alpha, l, eta, g) < 0) ok = false;
    eta *= 0.1;
  }
  if (solveComplex(law, alpha, l, 0, g) < 0) ok = false;
  return ok;
}

/** Continuation along increasing or decreasing l, with homotopy fallback. */
class Tracker {
  l = NaN;
  private gr = 0;
  private gi = 0;
  private pl = NaN;
  private pgr = 0;
  private pgi = 0;
  readonly g = new Float64Array(2);
  constructor(private law: WeightLaw, private alpha: number, private scale: number) {}

  start(l: number): void {
    solveByHomotopy(this.law, this.alpha, l, this.g, this.scale);
    this.l = l;
    this.gr = this.g[0];
    this.gi = this.g[1];
    this.pl = NaN;
  }

  /** move to l; returns -Im g / pi */
  to(l: number): number {
    const g = this.g;
    if (Number.isFinite(this.pl) && this.l !== this.pl) {
      const r = (l - this.l) / (this.l - this.pl);
      g[0] = this.gr + r * (this.gr - this.pgr);
      g[1] = Math.min(this.gi + r * (this.gi - this.pgi), 0.5 * this.gi);
    } else {
      g[0] = this.gr;
      g[1] = this.gi;
    }
    const it = solveComplex(this.law, this.alpha, l, 0, g);
    if (it < 0 || !(g[1] < -1e-13 * hypot(g[0], g[1]))) {
      solveByHomotopy(this.law, this.alpha, l, g, this.scale);
    }
    this.pl = this.l;
    this.pgr = this.gr;
    this.pgi = this.gi;
    this.l = l;
    this.gr = g[0];
    this.gi = g[1];
    return Math.max(0, -g[1] / Math.PI);
  }

  cumulative(): number {
    return cumulative(this.law, this.alpha, this.l, this.gr, this.gi);
  }
}

/** typical width of the spectrum, for step sizes and the homotopy start */
function spectrumScale(law: WeightLaw, alpha: number, leftEdge: number): number {
  const mean = (alpha * law.meanT) / Math.min(1, alpha);
  return Math.max(Math.abs(mean - leftEdge), 1e-3 * (Math.abs(leftEdge) + Math.abs(mean)), 1e-12);
}

/**
 * Right end of the bulk for plotting: the l where the mass above it, 1 - F(l), falls to
 * `tailMass`, F from the closed form in resolvent.ts (cumulative). Found by marching right with
 * growing steps, then log-linear interpolation of 1 - F (the tail is ~ exponential).
 */
export function rightEnd(law: WeightLaw, alpha: number, leftEdge: number, tailMass: number): number {
  const scale = spectrumScale(law, alpha, leftEdge);
  const tr = new Tracker(law, alpha, scale);
  let l = leftEdge + 0.5 * scale;
  tr.start(l);
  let tail = 1 - tr.cumulative();
  let step = 0.5 * scale;
  for (let k = 0; k < 200; k++) {
    const ln = l + step;
    tr.to(ln);
    const tn = 1 - tr.cumulative();
    if (tn <= tailMass) {
      if (!(tn > 0) || !(tail > tailMass)) return ln;
      const x = log(tail / tailMass) / log(tail / tn);
      return l + x * step;
    }
    l = ln;
    tail = tn;
    step *= 1.25;
  }
  return l;
}

/** rho on a sorted grid (continuous part; zero left of the edge). */
export function densityOnGrid(law: WeightLaw, alpha: number, leftEdge: number, grid: number[]): number[] {
  const rho = new Array<number>(grid.length).fill(0);
  const inside = grid.findIndex((l) => l > leftEdge);
  if (inside < 0) return rho;
  const scale = spectrumScale(law, alpha, leftEdge);
  // start a quarter of the way into the bulk, march both ways
  const target = leftEdge + 0.25 * scale;
  let s = inside;
  while (s + 1 < grid.length && grid[s] < target) s++;
  const tr = new Tracker(law, alpha, scale);
  tr.start(grid[s]);
  for (let i = s; i < grid.length; i++) rho[i] = tr.to(grid[i]);
  tr.start(grid[s]);
  for (let i = s - 1; i >= inside; i--) rho[i] = tr.to(grid[i]);
  return rho;
}
