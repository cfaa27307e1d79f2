/**
 * A finite-N study is a fan-out of small content-addressed parts: one /v1/simulate/spectrum
 * request per (N, alpha, seed). The study's document is a pure function of its parameters
 * and the parts' documents, and lists every part (id and parameters) so anyone can re-fetch
 * or recompute them. Sharing one part shape (Lanczos, k = p p* + 2, 5 bins) between the
 * overlap and the edge studies means they share cached parts too.
 */
import type { SimulateQuery } from '../simulate.ts';
import type { Eigenpair, ModelParams } from '../types.ts';

/** The parameters of one part: a simulate request, always Euclidean and by Lanczos. */
export type SpectrumPartParams = SimulateQuery & { hessian: 'euclidean'; method: 'lanczos' };

/** A request for one part: catalogue entry name and raw parameters. */
export interface PartRequest {
  endpoint: 'simulate';
  params: SpectrumPartParams;
}

/** What a study reads from a part's document (the simulate document, parsed JSON). */
export interface PartDocument {
  id: string;
  params: Readonly<Record<string, number | string>>;
  bottom: readonly Eigenpair[];
}

/** A part as listed in a study's document. */
export interface PartRef {
  id: string;
  params: SpectrumPartParams;
}

/** p p* informative eigenvectors, plus 2 to see where the bulk starts. */
export const partK = (m: ModelParams): number => m.p * m.pstar + 2;

export function spectrumPart(m: ModelParams, N: number, alpha: number, seed: number): PartRequest {
  return {
    endpoint: 'simulate',
    params: { N, p: m.p, pstar: m.pstar, a: m.a, alpha, seed, hessian: 'euclidean', bins: 5, k: partK(m), method: 'lanczos' },
  };
}

/**
 * Refuse a part document that is not the requested part (a resolver bug, or a document
 * fetched under the wrong id): the study must be a function of exactly its parts.
 */
export function checkParts(requests: readonly PartRequest[], docs: readonly PartDocument[]): PartRef[] {
  if (docs.length !== requests.length) throw new Error(`study: expected ${requests.length} parts, got ${docs.length}`);
  return requests.map((r, i) => {
    const d = docs[i];
    for (const [k, v] of Object.entries(r.params)) {
      if (d.params[k] !== v) throw new Error(`study: part ${i} has ${k} = ${String(d.params[k])}, expected ${String(v)}`);
    }
    if (d.bottom.length < r.params.k) throw new Error(`study: part ${i} (${d.id}) has ${d.bottom.length} eigenpairs, expected ${r.params.k}`);
    return { id: d.id, params: r.params };
  });
}
