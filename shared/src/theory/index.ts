/** Large-N theory of the Hessian spectrum at initialization (MODEL.md 3). */
export { weightLaw, type WeightLaw } from './law.ts';
export { leftEdge } from './edge.ts';
export { outlier } from './outlier.ts';
export { thresholdOfLaw } from './threshold.ts';
export { threshold, theorySpectrum, overlapCurve, phaseDiagram, cachedLaw, densityGrid, TAIL_MASS } from './curves.ts';
export { densityOnGrid, rightEnd } from './density.ts';
export { gaussLegendre, logChi2Rule, type QuadOptions } from './quadrature.ts';
