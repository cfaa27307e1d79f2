/** Worker entry point: the Hono app over the real core. */
import { endpointList, VERSIONS, type EndpointName } from '../../shared/src/endpoints.ts';
import { computeDocument, identifyRequest } from '../../shared/src/compute.ts';
import { createApp } from './app.ts';
import type { Core } from './core.ts';

export const core: Core = {
  endpoints: endpointList,
  versions: VERSIONS,
  identify: (name, raw, scope) => identifyRequest(name as EndpointName, raw, scope),
  // The worker's get-or-compute resolves a study's parts: each part is stored and cached under its own id.
  compute: (name, raw, scope, resolvePart) =>
    computeDocument(name as EndpointName, raw, scope, undefined, resolvePart as Parameters<typeof computeDocument>[4]),
};

export default createApp(core);
