/**
 * The Hono app. It serves every catalogue entry generically at /v1/{path}; nothing here names
 * an endpoint. Routes:
 *   GET /v1/{entry.path}     compute (or fetch) a content-addressed result
 *   GET /v1/results/{id}     the stored bytes of a result
 *   GET /v1/openapi.json     OpenAPI 3.1 generated from the catalogue
 *   GET /v1/health           {status: 'ok', versions}
 *   GET /v1/problems/{kind}  what a problem type means
 *   GET / and /v1            a small index of links
 * Every error is RFC 9457 problem+json; CORS is open (GET/HEAD/OPTIONS) for the report site.
 */
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import type { Core } from './core.ts';
import type { AppEnv } from './env.ts';
import { openApiDocument } from './openapi.ts';
import { httpProblem, problemKinds, problemResponse, problemType, type ProblemKind } from './problem.ts';
import { computeRoute, resultRoute } from './results.ts';
import { logEvent } from './storage.ts';

const ALLOW = 'GET, HEAD, OPTIONS';

export function createApp(core: Core): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'HEAD', 'OPTIONS'],
      allowHeaders: ['If-None-Match', 'Content-Type'],
      exposeHeaders: ['ETag', 'X-Result-Id', 'X-Result-Source', 'Link'],
      maxAge: 86400,
    }),
  );

  const index = {
    service: 'bbp-repro',
    openapi: '/v1/openapi.json',
    health: '/v1/health',
    results: '/v1/results/{id}',
    endpoints: core.endpoints.map((e) => ({ path: `/v1/${e.path}`, summary: e.summary })),
  };
  const json = (c: Context<AppEnv>, body: unknown, cacheControl: string): Response =>
    c.body(JSON.stringify(body), 200, { 'Content-Type': 'application/json', 'Cache-Control': cacheControl });

  const paths: string[] = [];
  const get = (path: string, handler: (c: Context<AppEnv>) => Response | Promise<Response>): void => {
    app.get(path, handler);
    paths.push(path);
  };

  get('/', (c) => json(c, index, 'public, max-age=300'));
  get('/v1', (c) => json(c, index, 'public, max-age=300'));
  get('/v1/health', (c) => json(c, { status: 'ok', versions: core.versions }, 'no-store'));

  let openapi: string | undefined;
  get('/v1/openapi.json', (c) => {
    openapi ??= JSON.stringify(openApiDocument(core));
    return c.body(openapi, 200, { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=300' });
  });

  get('/v1/problems/:kind', (c) => {
    const kind = c.req.param('kind') ?? '';
    if (!Object.hasOwn(problemKinds, kind)) return problemResponse(httpProblem(404, `no problem type ${kind}`, new URL(c.req.url).pathname));
    const k = problemKinds[kind as ProblemKind];
    return json(c, { type: problemType(kind as ProblemKind), title: k.title, status: k.status, description: k.description }, 'public, max-age=86400');
  });

  get('/v1/results/:id', resultRoute(core));
  for (const e of core.endpoints) get(`/v1/${e.path}`, computeRoute(core, e));

  // Known paths with another method: 405 with Allow (OPTIONS is answered by cors above).
  for (const path of paths) {
    app.all(path, (c) =>
      problemResponse(httpProblem(405, `${c.req.method} is not allowed; this API is read-only (${ALLOW})`, new URL(c.req.url).pathname), { Allow: ALLOW }),
    );
  }

  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    return problemResponse(httpProblem(404, `no route ${path}; see /v1/openapi.json for the endpoints`, path));
  });

  app.onError((err, c) => {
    logEvent('unhandled-error', { method: c.req.method, url: c.req.url, error: String(err), stack: err instanceof Error ? err.stack : undefined });
    return problemResponse(httpProblem(500, 'an internal error occurred; it has been logged', new URL(c.req.url).pathname));
  });

  return app;
}
