/**
 * e2e global setup: make sure the site is built (npm run build when site/dist is missing or
 * BBP_E2E_BUILD=1), then start the Worker, which serves the built site as static assets, on a free
 * loopback port (wrangler dev, offline switches, fresh local state) and hand its URL to the
 * tests. Teardown stops exactly that wrangler process group.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'site/dist');

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, ms: number, child: ChildProcess, log: () => string): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler dev did not answer ${url} within ${ms} ms:\n${log()}`);
}

export default async function setup(project: TestProject) {
  if (process.env.BBP_E2E_BUILD === '1' || !existsSync(join(dist, 'index.html'))) {
    const t0 = Date.now();
    const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    if (r.status !== 0) throw new Error('npm run build failed');
    console.log(`e2e: site built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  const port = await freePort();
  const work = mkdtempSync(join(tmpdir(), 'bbp-e2e-'));
  const state = join(work, 'state');
  const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', WRANGLER_HIDE_BANNER: 'true', CLOUDFLARE_CF_FETCH_ENABLED: 'false', CI: '1' };
  // Freeze what is served: the checkout is shared and busy (sources edited, the site rebuilt),
  // and wrangler dev reloads on every change, dropping requests in flight. So: bundle the
  // Worker once (wrangler deploy --dry-run), copy site/dist, and serve both from a config
  // derived from wrangler.toml with only main and the assets directory pointed at the copies.
  const bundle = join(work, 'bundle');
  const dry = spawnSync(join(root, 'node_modules/.bin/wrangler'), ['deploy', '--dry-run', '--outdir', bundle], { cwd: root, env, encoding: 'utf8' });
  if (dry.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${dry.stdout}\n${dry.stderr}`);
  // another build may be rewriting site/dist right now: copy until the copy is complete
  const complete = (d: string) => ['index.html', 'explorer/index.html', 'r/index.html'].every((f) => existsSync(join(d, f))) && ['results', 'figures'].every((sub) => existsSync(join(d, sub)) && readdirSync(join(d, sub)).length > 0);
  for (let attempt = 0; ; attempt++) {
    rmSync(join(work, 'dist'), { recursive: true, force: true });
    try {
      cpSync(dist, join(work, 'dist'), { recursive: true });
    } catch {
      /* files vanished mid-copy */
    }
    if (complete(join(work, 'dist'))) break;
    if (attempt === 20) throw new Error(`site/dist is incomplete (a build in progress, or run npm run build)`);
    await new Promise((r) => setTimeout(r, 3000));
  }
  const toml = readFileSync(join(root, 'wrangler.toml'), 'utf8');
  if (!/^directory = "site\/dist"$/m.test(toml)) throw new Error('wrangler.toml does not serve site/dist as static assets ([assets] directory = "site/dist")');
  const config = join(work, 'wrangler.toml');
  writeFileSync(
    config,
    toml
      .replace(/^main = .*$/m, `main = ${JSON.stringify(join(bundle, 'index.js'))}\nno_bundle = true`)
      .replace(/^directory = "site\/dist"$/m, `directory = ${JSON.stringify(join(work, 'dist'))}`),
  );
  let output = '';
  const child = spawn(
    join(root, 'node_modules/.bin/wrangler'),
    ['dev', '--config', config, '--ip', '127.0.0.1', '--port', String(port), '--persist-to', state, '--log-level', 'warn', '--show-interactive-dev-session=false'],
    { cwd: work, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const baseURL = `http://127.0.0.1:${port}`;
  const stop = () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
  };
  try {
    await waitFor(`${baseURL}/v1/theory/threshold?p=2&pstar=1&a=1`, 90_000, child, () => output);
  } catch (e) {
    stop();
    throw e;
  }
  project.provide('baseURL', baseURL);
  return async () => {
    stop();
    await new Promise((r) => setTimeout(r, 300));
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    rmSync(work, { recursive: true, force: true });
  };
}
