/** Worker entry point: the Hono app over the real core. */
import { endpointList, VERSIONS, type EndpointName } from '../../shared/src/endpoints.ts';
import { computeDocument, identifyRequest } from '../../shared/src/compute.ts';
import { createApp } from './app.ts';
import type { Core } from './core.ts';

export const core: Core = {
  endpoints: endpointList,
  versions: VERSIONS,
  identify: (name, raw, scope) => identifyRequest(name as EndpointName, raw, scope),
  compute: (name, raw, scope) => computeDocument(name as EndpointName, raw, scope),
};

export default createApp(core);
