#!/usr/bin/env node
/**
 * API load check (issue 3): cached results served by `wrangler dev` on the loopback.
 *
 *   npm run bench:load                # starts its own wrangler dev on 127.0.0.1:8787
 *   BENCH_URL=http://127.0.0.1:8787 npm run bench:load   # against a dev server already running
 *
 * Bounded: each scenario stops at BENCH_AMOUNT requests (default 5000) or BENCH_SECONDS
 * seconds (default 20), whichever comes first; 10 connections. Loopback only: any other host
 * is refused. The wrangler it starts persists to a temporary directory (removed at the end),
 * so your .wrangler/state is left alone, and is stopped (its process group, by pid) on exit.
 *
 * Scenarios (all on results already computed and cached by a warm-up pass):
 *   query      GET /v1/<endpoint>?<params> for every catalogue endpoint, round robin
 *   permalink  GET /v1/results/<id> for the same results
 *   revalidate the same with If-None-Match: "<id>" (304, no body)
 * Prints a Markdown table (for BENCHMARKS.md) and a JSON line with every figure.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const AMOUNT = Number(process.env.BENCH_AMOUNT ?? 5000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 8787);
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** One small request per endpoint (the same shapes the worker tests use). */
const WARM = [
  '/v1/theory/threshold?p=2&pstar=1&a=1',
  '/v1/theory/spectrum?p=2&pstar=1&a=1&alpha=3',
  '/v1/theory/overlap-curve?p=2&pstar=1&a=1&alphaMin=0.5&alphaMax=5&points=20',
  '/v1/theory/phase-diagram?pstar=1&a=1&pMax=8',
  '/v1/simulate/spectrum?N=100&p=2&pstar=1&a=1&alpha=3&seed=1',
  '/v1/simulate/overlap?N=60&p=2&pstar=1&a=1&alphaMin=1&alphaMax=4&points=4&seeds=2',
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitHealthy(base, ms, child) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child && child.exitCode !== null) throw new Error(`wrangler dev exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/v1/health`);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(250);
  }
  throw new Error(`no answer from ${base}/v1/health within ${ms / 1000} s`);
}

function startWrangler() {
  const state = mkdtempSync(join(tmpdir(), 'bbp-bench-'));
  const log = join(state, 'wrangler.log');
  const out = openSync(log, 'a');
  const child = spawn(
    join(root, 'node_modules', '.bin', 'wrangler'),
    ['dev', '--ip', '127.0.0.1', '--port', String(PORT), '--persist-to', join(state, 'state'), '--log-level', 'warn', '--show-interactive-dev-session=false'],
    {
      cwd: root,
      detached: true, // own process group: stopped as a group, by pid, at the end
      stdio: ['ignore', out, out],
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', WRANGLER_HIDE_BANNER: 'true', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
    },
  );
  const stop = async () => {
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      for (let i = 0; i < 40 && child.exitCode === null; i++) await sleep(100);
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
    }
    if (!process.exitCode) rmSync(state, { recursive: true, force: true });
  };
  return { child, stop, log };
}

function run(name, base, requests) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: base, connections: CONNECTIONS, amount: AMOUNT, requests, timeout: 30 },
      (err, result) => (err ? reject(err) : resolve({ name, result })),
    );
    const guard = setTimeout(() => instance.stop(), SECONDS * 1000);
    instance.on('done', () => clearTimeout(guard));
  });
}

function summarize({ name, result }, expectStatus) {
  const codes = result.statusCodeStats ?? {};
  const expected = codes[expectStatus]?.count ?? 0;
  return {
    scenario: name,
    requests: result.requests.total,
    seconds: Number((result.duration ?? 0).toFixed(2)),
    // total / wall time (autocannon's requests.average is over whole-second samples)
    rps: Math.round(result.requests.total / result.duration),
    p50_ms: result.latency.p50,
    p90_ms: result.latency.p90,
    p99_ms: result.latency.p99,
    max_ms: result.latency.max,
    expected: `${expectStatus}: ${expected}`,
    unexpected: result.requests.total - expected,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

async function main() {
  let base = process.env.BENCH_URL;
  let server = null;
  if (base) {
    const host = new URL(base).host.replace(/:\d+$/, '');
    if (!LOOPBACK.has(host)) throw new Error(`BENCH_URL must be on the loopback (got ${base})`);
    base = base.replace(/\/$/, '');
  } else {
    server = startWrangler();
    base = `http://127.0.0.1:${PORT}`;
    process.on('SIGINT', () => server.stop().then(() => process.exit(130)));
  }
  try {
    const t0 = Date.now();
    await waitHealthy(base, 60_000, server?.child);
    const startup = Date.now() - t0;

    // Warm-up: compute (or fetch) every result once, check the second answer comes from the cache.
    const warm = [];
    for (const path of WARM) {
      const t = performance.now();
      const res = await fetch(base + path);
      const body = await res.text();
      const ms = performance.now() - t;
      if (res.status !== 200) throw new Error(`warm-up ${path}: ${res.status} ${body.slice(0, 300)}`);
      const { id, permalink } = JSON.parse(body);
      const again = await fetch(base + path);
      await again.arrayBuffer();
      warm.push({ path, id, permalink, firstMs: Math.round(ms), firstSource: res.headers.get('X-Result-Source'), secondSource: again.headers.get('X-Result-Source'), bytes: body.length });
    }

    const results = [];
    results.push(summarize(await run('query (cached)', base, WARM.map((path) => ({ method: 'GET', path }))), 200));
    results.push(summarize(await run('permalink /v1/results/{id}', base, warm.map((w) => ({ method: 'GET', path: w.permalink }))), 200));
    results.push(
      summarize(await run('revalidate (If-None-Match -> 304)', base, warm.map((w) => ({ method: 'GET', path: w.path, headers: { 'if-none-match': `"${w.id}"` } }))), 304),
    );

    const env = `Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ${CONNECTIONS} connections, bounded at ${AMOUNT} requests / ${SECONDS} s per scenario`;
    console.log(`\nwrangler dev ${server ? 'started' : 'reused'} at ${base}${server ? ` (healthy after ${startup} ms)` : ''}; ${env}\n`);
    console.log('| warm-up request | first answer | ms | second answer | bytes |');
    console.log('|---|---|---:|---|---:|');
    for (const w of warm) console.log(`| \`${w.path}\` | ${w.firstSource} | ${w.firstMs} | ${w.secondSource} | ${w.bytes} |`);
    console.log('\n| scenario | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | expected status | other | errors | timeouts |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|');
    for (const r of results) {
      console.log(`| ${r.scenario} | ${r.requests} | ${r.rps} | ${r.p50_ms} | ${r.p90_ms} | ${r.p99_ms} | ${r.max_ms} | ${r.expected} | ${r.unexpected} | ${r.errors} | ${r.timeouts} |`);
    }
    console.log(`\n${JSON.stringify({ env, warm, results })}`);
    const bad = results.filter((r) => r.errors || r.timeouts || r.unexpected);
    if (bad.length) {
      console.error(`load check FAILED: ${bad.map((r) => r.scenario).join(', ')} had errors or unexpected statuses`);
      process.exitCode = 1;
    }
  } catch (err) {
    process.exitCode = 1;
    throw err;
  } finally {
    if (server && process.exitCode) console.error(`wrangler log kept at ${server.log}`);
    await server?.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
