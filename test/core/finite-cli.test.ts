/**
 * `bbp finite-size*` from the command line: local by default, or with --api fanning the
 * parts out to an API first and then asking for the study; the same bytes either way.
 * The API here is a stand-in on the loopback that answers like the worker (core documents,
 * parts of a study resolved from what it has stored); the worker itself is tested in workerd
 * (test/worker/api.test.ts).
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { computeDocument, identifyRequest, type PartResolver } from '../../shared/src/compute.ts';
import { endpointList } from '../../shared/src/endpoints.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

function bbp(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`${root}cli/bbp.mjs`, ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Stand-in API: stored documents by id; the log of requested paths. */
const stored = new Map<string, string>();
const log: string[] = [];
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const e = endpointList.find((x) => `/v1/${x.path}` === url.pathname);
    log.push(url.pathname);
    if (!e) return void res.writeHead(404).end();
    const raw = Object.fromEntries(url.searchParams);
    const idr = await identifyRequest(e.name, raw, 'worker');
    if (!idr.ok) {
      res.writeHead(idr.status, { 'Content-Type': 'application/problem+json' });
      return void res.end(JSON.stringify({ status: idr.status, errors: idr.issues }));
    }
    const fromStore: PartResolver = async (part) => {
      const p = await identifyRequest(part.endpoint, part.params as unknown as Record<string, unknown>, 'worker');
      const json = p.ok ? stored.get(p.identity.id) : undefined;
      if (!json) throw new Error('part not stored');
      return json;
    };
    let json = stored.get(idr.identity.id);
    if (!json) {
      const out = await computeDocument(e.name, raw, 'worker', undefined, fromStore);
      if (!out.ok) throw new Error('unreachable');
      json = out.json;
      stored.set(idr.identity.id, json);
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(json);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

const edge = ['--Ns', '24,48', '--p', '2', '--pstar', '1', '--a', '3', '--alpha', '1.4', '--seeds', '2', '--seed', '5'];

it('computes a study locally and through the API, with the same bytes', async () => {
  const expected = await computeDocument('finiteEdge', { Ns: '24,48', p: 2, pstar: 1, a: 3, alpha: 1.4, seeds: 2, seed: 5 }, 'local');
  if (!expected.ok) throw new Error('invalid');
  const local = await bbp(['finite-size-edge', ...edge]);
  expect(local.stderr).toBe('');
  expect(local.code).toBe(0);
  expect(local.stdout).toBe(`${expected.json}\n`);

  const viaApi = await bbp(['finite-size-edge', ...edge, '--api', base]);
  expect(viaApi.stderr).toBe('');
  expect(viaApi.code).toBe(0);
  expect(viaApi.stdout).toBe(local.stdout);
  // the four parts first (each its own request), then the study, which found them stored
  expect(log).toEqual([...Array(4).fill('/v1/simulate/spectrum'), '/v1/finite-size/edge']);
  const doc = JSON.parse(viaApi.stdout);
  for (const part of doc.parts) expect(stored.has(part.id)).toBe(true);
}, 60_000);

it('reports bad input as one line naming the flag (exit 2), before contacting the API', async () => {
  log.length = 0;
  const bad = await bbp(['finite-size', '--Ns', '500,250', '--p', '2', '--pstar', '1', '--a', '1', '--alpha-min', '0.5', '--alpha-max', '2', '--api', base]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/^bbp: --Ns must be a comma-separated list of 1 to 8 strictly increasing integers.*not strictly increasing/);
  const tooBig = await bbp(['finite-size', '--Ns', '2000,4000', '--p', '2', '--pstar', '1', '--a', '1', '--alpha-min', '0.5', '--alpha-max', '3', '--points', '30', '--seeds', '16', '--api', base]);
  expect(tooBig.code).toBe(2);
  expect(tooBig.stderr).toMatch(/parts = 960 exceeds the API limit 400/);
  expect(log).toEqual([]);
  const help = await bbp(['finite-size', '--help']);
  expect(help.stdout).toMatch(/--Ns/);
  expect(help.stdout).toMatch(/--api/);
}, 60_000);
