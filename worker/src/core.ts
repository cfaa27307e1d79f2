/**
 * What the HTTP layer needs from the numeric core, as one small interface. The worker's
 * entry point (index.ts) wires the real catalogue; the app itself never names an endpoint,
 * so a new entry in shared/src/endpoints.ts is served (and documented in OpenAPI) as is.
 */
import type { Field, LimitScope } from '../../shared/src/params.ts';
import type { Versions } from '../../shared/src/result.ts';

/** The part of an endpoint entry the API reads: routing, docs, limits. */
export interface CatalogueEntry {
  readonly name: string;
  readonly path: string;
  readonly summary: string;
  readonly random: boolean;
  readonly fields: Readonly<Record<string, Field>>;
  readonly limits?: readonly { readonly name: string; readonly description: string; readonly worker: number }[];
}

export type { Computed, Identified, PartResolver } from '../../shared/src/compute.ts';
import type { Computed, Identified, PartResolver } from '../../shared/src/compute.ts';

export interface Core {
  readonly endpoints: readonly CatalogueEntry[];
  readonly versions: Versions;
  /** validate + content id, no computation (compute.ts identifyRequest) */
  identify(name: string, raw: Readonly<Record<string, unknown>>, scope: LimitScope): Promise<Identified>;
  /**
   * validate + compute the canonical document (compute.ts computeDocument). For composite
   * entries the parts are resolved through `resolvePart`, so each part is a stored,
   * cached, content-addressed result of its own.
   */
  compute(name: string, raw: Readonly<Record<string, unknown>>, scope: LimitScope, resolvePart?: PartResolver): Promise<Computed>;
}
