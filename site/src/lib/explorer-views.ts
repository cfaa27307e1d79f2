/**
 * Explorer views: one per endpoint of the catalogue (shared/src/endpoints.ts), in the order
 * shown, with example starting values (not ranges: ranges and defaults come from the schema)
 * and the companion requests drawn together with the main one.
 */
import type { EndpointName } from '../../../shared/src/endpoints.ts';

import { endpointList } from '../../../shared/src/endpoints.ts';

/** The explorer's views: these first, then every other endpoint of the catalogue. */
const PREFERRED: EndpointName[] = ['simulate', 'spectrum', 'overlapCurve', 'simulateOverlap', 'phaseDiagram', 'threshold'];
export const VIEW_ORDER: EndpointName[] = [...PREFERRED, ...endpointList.map((e) => e.name).filter((n) => !PREFERRED.includes(n))];
export const DEFAULT_VIEW: EndpointName = 'simulate';

/** Title of a view in the picker: ours where we have one, else the catalogue's summary. */
export function viewTitle(name: EndpointName): string {
  const t = (VIEW_TITLE as Partial<Record<EndpointName, string>>)[name];
  if (t) return t;
  const summary = endpointList.find((e) => e.name === name)?.summary ?? name;
  return summary.length > 80 ? `${summary.slice(0, 77)}…` : summary;
}

const VIEW_TITLE: Partial<Record<EndpointName, string>> = {
  simulate: 'Finite-N spectrum (simulation, with the theory beside it)',
  spectrum: 'Theoretical spectrum (N → ∞)',
  overlapCurve: 'Overlap m², outlier and edge versus α (N → ∞)',
  simulateOverlap: 'Finite-N overlap m² versus α (simulation)',
  phaseDiagram: 'α_BBP versus the student width p',
  threshold: 'BBP threshold α_BBP and kind of transition',
  finiteOverlap: 'Finite-N study: m² versus α for several N, and α₀(N)',
  finiteEdge: 'Finite-N study: distance of the bulk edge from λ₋ versus N',
};

/** Starting values where the schema has no default (the report's reference point). */
export const EXAMPLE: Record<string, Record<string, number | string>> = {
  simulate: { N: 400, p: 2, pstar: 1, a: 1, alpha: 5 },
  spectrum: { p: 2, pstar: 1, a: 1, alpha: 5 },
  overlapCurve: { p: 2, pstar: 1, a: 3, alphaMin: 0.5, alphaMax: 6 },
  simulateOverlap: { N: 100, p: 2, pstar: 1, a: 3, alphaMin: 0.5, alphaMax: 6, points: 8, seeds: 2 },
  phaseDiagram: { pstar: 1, a: 1 },
  threshold: { p: 2, pstar: 1, a: 1 },
  finiteOverlap: { Ns: '50,100', p: 2, pstar: 1, a: 3, alphaMin: 0.5, alphaMax: 2.6, points: 6, seeds: 3 },
  finiteEdge: { Ns: '50,100,200', p: 2, pstar: 1, a: 3, alpha: 1.4, seeds: 3 },
};

/** Human labels of the fields (the schema's names are the API's; these are for the form). */
export const FIELD_LABEL: Record<string, string> = {
  p: 'Student width p',
  pstar: 'Teacher width p*',
  a: 'Loss normalisation a',
  alpha: 'Sample ratio α',
  alphaMin: 'Smallest α',
  alphaMax: 'Largest α',
  N: 'Input dimension N',
  seed: 'Seed',
  seeds: 'Seeds per point',
  hessian: 'Hessian',
  bins: 'Histogram bins',
  k: 'Extremal eigenpairs k',
  points: 'Grid points',
  pMax: 'Largest p',
  method: 'Eigensolver',
  Ns: 'Input dimensions N (comma-separated)',
  fitLow: 'Fit window: lowest m²',
  fitHigh: 'Fit window: highest m²',
  replicas: 'Bootstrap replicas',
};
