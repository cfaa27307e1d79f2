/**
 * Golden documents: one small request per catalogue entry, whose exact bytes are pinned in
 * documents.json. The same file is checked in Node (test/core), inside workerd
 * (test/worker) and in Chromium (test/e2e): "same parameters, same bytes" in every engine.
 * It is also the guard against silent changes: when a computation's numbers change, these
 * tests fail, and the fix is to bump MODEL_VERSION (shared/src/model.ts) and regenerate with
 * `npx tsx test/golden/make.ts`, so that old permalinks keep their old bytes.
 */
import type { EndpointName } from '../../shared/src/endpoints.ts';

export const goldenRequests: { name: EndpointName; raw: Record<string, string> }[] = [
  { name: 'threshold', raw: { p: '2', pstar: '1', a: '1' } },
  { name: 'threshold', raw: { p: '1', pstar: '1', a: '0.01' } },
  { name: 'spectrum', raw: { p: '2', pstar: '1', a: '1', alpha: '5', points: '40' } },
  { name: 'spectrum', raw: { p: '4', pstar: '2', a: '0.05', alpha: '0.7', points: '25' } },
  { name: 'overlapCurve', raw: { p: '2', pstar: '1', a: '3', alphaMin: '0.5', alphaMax: '4', points: '12' } },
  { name: 'phaseDiagram', raw: { pstar: '1', a: '1', pMax: '6' } },
  { name: 'simulate', raw: { N: '40', p: '2', pstar: '1', a: '1', alpha: '5', seed: '7', bins: '12', k: '3' } },
  { name: 'simulate', raw: { N: '30', p: '3', pstar: '2', a: '0.5', alpha: '3', seed: '1', hessian: 'spherical', k: '2', method: 'lanczos' } },
  // large enough that Lanczos stops on its tolerance, not on an exhausted space: pins the solver
  { name: 'simulate', raw: { N: '300', p: '2', pstar: '1', a: '1', alpha: '3', seed: '5', k: '4', method: 'lanczos' } },
  { name: 'simulateOverlap', raw: { N: '24', p: '2', pstar: '1', a: '1', alphaMin: '1', alphaMax: '5', points: '3', seeds: '2' } },
  { name: 'finiteOverlap', raw: { Ns: '16,24', p: '2', pstar: '1', a: '3', alphaMin: '0.5', alphaMax: '3', points: '4', seeds: '3', replicas: '20' } },
  { name: 'finiteEdge', raw: { Ns: '16,24,32', p: '2', pstar: '1', a: '3', alpha: '1.4', seeds: '2' } },
];
