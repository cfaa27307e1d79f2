/**
 * The alpha grid every scan uses, theory and simulation alike: sharing it makes the theory
 * curve of a finite-N scan land on exactly the same alphas.
 */
export const linspace = (lo: number, hi: number, n: number): number[] =>
  Array.from({ length: n }, (_, i) => (n === 1 ? lo : lo + ((hi - lo) * i) / (n - 1)));
