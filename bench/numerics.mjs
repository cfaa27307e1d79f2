#!/usr/bin/env node
/**
 * `npm run bench` (issue 6): the project's numeric core against a numpy/scipy peer
 * (bench/peer.py), side by side in one run, on the same instances.
 *
 * - The core is bundled with esbuild (bench/numerics-core.ts -> $TMPDIR) and run on plain node.
 * - Case 1: N=500, p=2, alpha=5 (1000 x 1000): dense build + all eigenvalues
 *   vs numpy dense build + numpy.linalg.eigvalsh.
 * - Case 2: N=2000, p=2, alpha=5 (4000 x 4000): the 8 lowest eigenpairs with teacher overlaps,
 *   matrix-free Lanczos vs numpy dense build + scipy eigsh(k=8, which='SA').
 * - Both sides get the project's instance (X, lam, y, yhat, W* written to files), so the answers
 *   are compared. Sampling and file I/O are outside the timings on both sides.
 * - Reps alternate project / peer; medians. Theory: absolute ms. RSS: a separate child process
 *   running only case 2 on the bundle (process.resourceUsage().maxRSS and /proc VmHWM).
 * The last line is the summary that scripts parse:
 *   bench: case1 <ratio>x case2 <ratio>x threshold <ms>ms density <ms>ms rss <MB>MB
 * Env: BENCH_REPS1 (default 5), BENCH_REPS2 (default 3), BENCH_N2 (default 2000),
 * BENCH_PEER_THREADS (the peer's BLAS threads; default: numpy's own choice, all cores).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const REPS1 = Number(process.env.BENCH_REPS1 ?? 5);
const REPS2 = Number(process.env.BENCH_REPS2 ?? 3);
const N1 = 500;
const N2 = Number(process.env.BENCH_N2 ?? 2000);
const K2 = 8;

const work = mkdtempSync(join(tmpdir(), 'bbp-bench-'));
const bundle = join(work, 'core.mjs');
await build({
  entryPoints: [join(here, 'numerics-core.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: bundle,
  logLevel: 'warning',
});
const core = await import(pathToFileURL(bundle).href);

// The peer gets the machine's environment unchanged (see BENCHMARKS.md on OPENBLAS_*);
// BENCH_PEER_CLEAN_OPENBLAS=1 unsets OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE for the peer only.
const peerEnv = { ...process.env };
const openblasVars = ['OPENBLAS_CORETYPE', 'OPENBLAS_L2_SIZE'].filter((k) => k in process.env);
if (process.env.BENCH_PEER_CLEAN_OPENBLAS === '1') for (const k of openblasVars) delete peerEnv[k];
// BENCH_PEER_THREADS=n caps the peer's BLAS threads (the project runs on one thread, as in a Worker).
const peerThreads = process.env.BENCH_PEER_THREADS;
if (peerThreads) for (const k of ['OPENBLAS_NUM_THREADS', 'OMP_NUM_THREADS', 'MKL_NUM_THREADS']) peerEnv[k] = peerThreads;
const openblasNote = openblasVars.length
  ? `${openblasVars.map((k) => `${k}=${process.env[k]}`).join(' ')} ${process.env.BENCH_PEER_CLEAN_OPENBLAS === '1' ? 'unset for the peer' : 'passed to the peer'}`
  : 'OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE not set';
function peer(kase, dir) {
  const out = execFileSync('python3', [join(here, 'peer.py'), kase, dir], { env: peerEnv, encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out.trim().split('\n').pop());
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
};
const fmt = (x, d = 0) => x.toFixed(d);
const log = (...a) => console.log(...a);
const rows = [];

try {
  // ---- RSS first, while this process is still small: a forked child starts with the
  // parent's RSS, which getrusage's maxRSS keeps across exec; /proc VmHWM belongs to the new
  // image and is the number reported.
  const child = (mode) => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e',
    `const c = await import(${JSON.stringify(pathToFileURL(bundle).href)}); console.log(JSON.stringify(${mode}));`],
    { encoding: 'utf8' }).trim().split('\n').pop());
  const base = child('c.rssBaseline()');
  const rss = child(`c.rssCase2(${N2}, ${K2})`);
  const rssMB = rss.vmHWMKiB / 1024;
  log(`rss child: VmHWM ${fmt(rssMB, 1)} MB (${rss.matvecs} matvecs, ${fmt(rss.ms)} ms)`);

  // ---- warm-up: let V8 optimise the kernels on a small instance (not timed)
  {
    const w = core.sample(120, 2, 5, 7);
    core.case1(w);
    core.case2(w, K2);
  }

  // ---- case 1
  const inst1 = core.sample(N1, 2, 5, 1);
  const dir1 = join(work, 'case1');
  core.writeInstance(inst1, dir1, K2);
  const p1 = [], q1 = [];
  let last1, peer1;
  for (let r = 0; r < REPS1; r++) {
    last1 = core.case1(inst1);
    p1.push(last1);
    peer1 = peer('case1', dir1);
    q1.push(peer1);
  }
  let d1 = 0;
  for (let i = 0; i < last1.values.length; i++) d1 = Math.max(d1, Math.abs(last1.values[i] - peer1.values[i]));
  rows.push({
    name: `case1 all eigenvalues N=${N1} (n=${2 * N1}), ${REPS1} reps`,
    proj: median(p1.map((x) => x.ms)), peer: median(q1.map((x) => x.ms)),
    detail: `build ${fmt(median(p1.map((x) => x.buildMs)))} + eig ${fmt(median(p1.map((x) => x.solveMs)))} ms vs numpy build ${fmt(median(q1.map((x) => x.buildMs)))} + eigvalsh ${fmt(median(q1.map((x) => x.solveMs)))} ms; max |dlambda| ${d1.toExponential(1)}`,
  });
  log(`case1 done: project ${fmt(rows[0].proj)} ms, peer ${fmt(rows[0].peer)} ms`);

  // ---- case 2
  const inst2 = core.sample(N2, 2, 5, 1);
  const dir2 = join(work, 'case2');
  core.writeInstance(inst2, dir2, K2);
  const p2 = [], q2 = [];
  let last2, peer2;
  for (let r = 0; r < REPS2; r++) {
    last2 = core.case2(inst2, K2);
    p2.push(last2);
    log(`  case2 rep ${r + 1}: project ${fmt(last2.ms)} ms (${last2.matvecs} matvecs)`);
    peer2 = peer('case2', dir2);
    q2.push(peer2);
    log(`  case2 rep ${r + 1}: peer ${fmt(peer2.ms)} ms (build ${fmt(peer2.buildMs)})`);
  }
  let dv = 0, dov = 0;
  for (let j = 0; j < K2; j++) {
    dv = Math.max(dv, Math.abs(last2.values[j] - peer2.values[j]));
    dov = Math.max(dov, Math.abs(last2.teacherOverlap2[j] - peer2.teacherOverlap2[j]));
  }
  rows.push({
    name: `case2 ${K2} lowest pairs N=${N2} (n=${2 * N2}), ${REPS2} reps`,
    proj: median(p2.map((x) => x.ms)), peer: median(q2.map((x) => x.ms)),
    detail: `${last2.matvecs} matvecs, ${last2.restarts} restarts, max residual ${last2.maxResidual.toExponential(1)} (||H|| ~ ${fmt(last2.normEstimate, 1)}) vs numpy build ${fmt(median(q2.map((x) => x.buildMs)))} + eigsh ${fmt(median(q2.map((x) => x.solveMs)))} ms; max |dlambda| ${dv.toExponential(1)}, max |d overlap2| ${dov.toExponential(1)}`,
  });
  const low = last2.values.map((v, j) => `${v.toFixed(5)}(${last2.teacherOverlap2[j].toFixed(3)})`).join(' ');
  log(`  case2 lowest (teacher overlap2): ${low}`);

  // ---- theory (absolute)
  const thrCold = core.theoryThreshold(true); // first call: builds the quadrature law
  const thr = [], thrUncached = [], dens = [];
  for (let r = 0; r < 21; r++) thr.push(core.theoryThreshold(false));
  for (let r = 0; r < 11; r++) thrUncached.push(core.theoryThreshold(true));
  for (let r = 0; r < 11; r++) dens.push(core.theoryDensity());
  const thrMs = median(thr), densMs = median(dens);

  // ---- report
  log('');
  log(`machine: ${core.machine()}; peer python ${peer2.versions.python}, numpy ${peer2.versions.numpy}, scipy ${peer2.versions.scipy}, ${peer2.versions.blas}; ${openblasNote}`);
  log('| case | project ms (median) | numpy/scipy ms (median) | ratio | notes |');
  log('|---|---|---|---|---|');
  for (const r of rows) log(`| ${r.name} | ${fmt(r.proj)} | ${fmt(r.peer)} | ${(r.proj / r.peer).toFixed(2)}x | ${r.detail} |`);
  log(`| theory alpha_BBP(p=2,p*=1,a=1), 21 reps | ${thrMs.toFixed(2)} | - | - | law cached; with the law built every time ${median(thrUncached).toFixed(1)} ms (11 reps); first call ${thrCold.toFixed(1)} ms |`);
  log(`| theory density, 200 points, alpha=5, 11 reps | ${fmt(densMs, 1)} | - | - | law cached |`);
  log(`| case2 peak RSS (child node process on the bundle: sampling + case 2 only) | ${fmt(rssMB, 1)} MB | - | - | /proc/self/status VmHWM at the end of the child; JS heap + ArrayBuffers peak ${fmt(rss.jsPeakKiB / 1024, 1)} MB (sampled every 10 progress calls); getrusage maxRSS ${fmt(rss.maxRSSKiB / 1024, 1)} MB; empty node process (VmHWM) ${fmt(base.vmHWMKiB / 1024, 1)} MB; X alone (Int16) ${fmt(rss.xBytes / 2 ** 20, 1)} MB |`);
  log('');
  log(`bench: case1 ${(rows[0].proj / rows[0].peer).toFixed(2)}x case2 ${(rows[1].proj / rows[1].peer).toFixed(2)}x threshold ${thrMs.toFixed(2)}ms density ${densMs.toFixed(1)}ms rss ${rssMB.toFixed(1)}MB`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
