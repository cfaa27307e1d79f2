/**
 * Result shapes shared by the core, the CLI, the API and the site.
 * Field names here are the public names (JSON, CLI output, API responses).
 */

/** The network: student width p, teacher width p*, loss normalisation a (MODEL.md 1). */
export interface ModelParams {
  p: number;
  pstar: number;
  a: number;
}

export type EdgeKind = 'sqrt' | 'smooth';
export type TransitionKind = 'continuous' | 'discontinuous';
export type HessianKind = 'euclidean' | 'spherical';

/** Left (informative-side) edge of the bulk, MODEL.md 3. */
export interface Edge {
  lambda: number;
  kind: EdgeKind;
  /** value of the real resolvent g at the edge (g_e) */
  g: number;
}

/** Informative outlier below the bulk: position and squared teacher overlap m^2. */
export interface Outlier {
  lambda: number;
  overlap2: number;
  /** g* solving F(g) = 0 */
  g: number;
}

export interface ThresholdResult {
  alphaBBP: number;
  kind: TransitionKind;
  /** m^2 just above alpha_BBP: 0 for a continuous transition */
  overlapJump: number;
  /** edge kind at alpha_BBP */
  edgeKind: EdgeKind;
  /** outlier (= edge) position at alpha_BBP */
  lambdaBBP: number;
  /** p -> infinity limit p*(a+1)/2 */
  alphaInfinity: number;
  /** information-theoretic weak recovery p* / 2 */
  alphaWeakRecovery: number;
}

export interface Density {
  lambda: number[];
  rho: number[];
}

export interface TheorySpectrum {
  alpha: number;
  edge: Edge;
  /** right end of the bulk support (for plotting ranges) */
  rightEdge: number;
  outlier: Outlier | null;
  /** continuous part of the spectrum only; plus a delta of mass zeroMass at lambda = 0 */
  density: Density;
  /** mass of the delta at lambda = 0: max(0, 1 - alpha) (H has rank ~ alpha pN when alpha < 1) */
  zeroMass: number;
}

/** m^2, outlier and edge along a range of alpha (null where there is no outlier). */
export interface OverlapCurve {
  alpha: number[];
  overlap2: number[];
  outlier: (number | null)[];
  edge: number[];
  edgeKind: EdgeKind[];
  threshold: ThresholdResult;
}

export interface PhaseDiagramRow {
  p: number;
  alphaBBP: number;
  kind: TransitionKind;
  overlapJump: number;
}

export interface PhaseDiagram {
  rows: PhaseDiagramRow[];
  alphaInfinity: number;
  alphaWeakRecovery: number;
}

/** One finite-N eigenpair with the squared mass of its eigenvector in two subspaces. */
export interface Eigenpair {
  lambda: number;
  /** squared norm of the projection on span{teacher rows} in every block (sum over p*p directions) */
  teacherOverlap2: number;
  /** same for span{student rows} */
  studentOverlap2: number;
}

export interface Histogram {
  edges: number[];
  counts: number[];
}

export interface SimulationSpectrum {
  /** matrix dimension (pN, or p(N-1) for the spherical Hessian) */
  dimension: number;
  M: number;
  method: 'dense' | 'lanczos';
  /** k lowest eigenpairs, ascending */
  bottom: Eigenpair[];
  /** k highest eigenpairs, descending */
  top: Eigenpair[];
  /** all eigenvalues binned; null when only extremal pairs were computed */
  histogram: Histogram | null;
}

/** Optional progress callback for long computations: done/total in arbitrary units. */
export type Progress = (done: number, total: number, stage?: string) => void;
