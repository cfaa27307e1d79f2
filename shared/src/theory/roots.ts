/**
 * Safeguarded Newton: Newton steps from x0, falling back to bisection whenever a step leaves
 * the current bracket [lo, hi] (f(lo), f(hi) of opposite signs) or does not shrink |f| enough.
 * `f` returns [value, derivative].
 */
export function newtonBracket(
  f: (x: number) => [number, number],
  lo: number,
  hi: number,
  x0: number,
  relTol = 1e-14,
  maxIter = 100,
): number {
  let flo = f(lo)[0];
  const fhi = f(hi)[0];
  if (flo === 0) return lo;
  if (fhi === 0) return hi;
  if ((flo > 0) === (fhi > 0)) throw new Error(`newtonBracket: no sign change on [${lo}, ${hi}]`);
  let x = Math.min(Math.max(x0, lo), hi);
  if (x === lo || x === hi) x = 0.5 * (lo + hi);
  let prevStep = hi - lo;
  for (let it = 0; it < maxIter; it++) {
    const [fx, dfx] = f(x);
    if (fx === 0) return x;
    // shrink the bracket
    if ((fx > 0) === (flo > 0)) {
      lo = x;
      flo = fx;
    } else hi = x;
    let next = x - fx / dfx;
    const step = Math.abs(next - x);
    // bisect if Newton jumps out, or converges too slowly (step not halving)
    if (!(next > lo && next < hi) || step > 0.5 * prevStep) {
      next = 0.5 * (lo + hi);
      prevStep = 0.5 * (hi - lo);
    } else prevStep = step;
    const tol = relTol * Math.max(Math.abs(next), 1e-300);
    if (Math.abs(next - x) <= tol || hi - lo <= tol) return next;
    x = next;
  }
  return x;
}
