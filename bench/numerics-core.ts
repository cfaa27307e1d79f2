/**
 * Project side of `npm run bench` (issue 6), bundled by bench/numerics.mjs with esbuild so
 * the timed code and the RSS child run on plain node (no tsx in the process).
 * Node APIs are fine here: this file is bench-only, never part of shared/src.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { X_SCALE, sampleInstance, type Instance } from '../shared/src/model.ts';
import { denseHessian } from '../shared/src/hessian.ts';
import { symmetricEigenvalues } from '../shared/src/linalg/symeig.ts';
import { extremalPairs } from '../shared/src/simulate.ts';
import { threshold, theorySpectrum } from '../shared/src/theory/curves.ts';
import { weightLaw } from '../shared/src/theory/law.ts';
import { thresholdOfLaw } from '../shared/src/theory/threshold.ts';

export const A = 1; // a
export const PSTAR = 1;

export function sample(N: number, p: number, alpha: number, seed: number): Instance {
  return sampleInstance({ N, p, pstar: PSTAR, alpha, seed });
}

/** The instance as raw little-endian files for the peer (same matrix, same answer). */
export function writeInstance(inst: Instance, dir: string, k: number): void {
  mkdirSync(dir, { recursive: true });
  const w = (name: string, a: Int16Array | Float64Array) =>
    writeFileSync(`${dir}/${name}`, new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  w('X.i16', inst.X);
  w('lam.f64', inst.lam);
  w('y.f64', inst.y);
  w('yhat.f64', inst.yhat);
  w('Wstar.f64', inst.Wstar);
  writeFileSync(`${dir}/meta.json`, JSON.stringify({ N: inst.N, p: inst.p, pstar: inst.pstar, M: inst.M, a: A, k, x_scale: X_SCALE }));
}

/** Case 1: dense Hessian + all eigenvalues. */
export function case1(inst: Instance) {
  const t0 = performance.now();
  const H = denseHessian(inst, A);
  const t1 = performance.now();
  const values = symmetricEigenvalues(H, inst.p * inst.N);
  const t2 = performance.now();
  return { ms: t2 - t0, buildMs: t1 - t0, solveMs: t2 - t1, values };
}

/** Case 2: the k lowest eigenpairs with teacher overlaps, matrix-free (the product's path). */
export function case2(inst: Instance, k: number, onProgress?: () => void) {
  const t0 = performance.now();
  const r = extremalPairs(inst, A, 'euclidean', k, 0, 'lanczos', 1, onProgress);
  const t1 = performance.now();
  return {
    ms: t1 - t0,
    values: r.bottom.map((e) => e.lambda),
    teacherOverlap2: r.bottom.map((e) => e.teacherOverlap2),
    matvecs: r.stats?.matvecs ?? 0,
    restarts: r.stats?.restarts ?? 0,
    maxResidual: r.stats?.maxResidual ?? 0,
    normEstimate: r.stats?.normEstimate ?? 0,
  };
}

/** Theory: alpha_BBP(p=2, p*=1, a=1) and a 200-point density at alpha=5. */
export function theoryThreshold(cold: boolean): number {
  const m = { p: 2, pstar: 1, a: 1 };
  const t0 = performance.now();
  if (cold) thresholdOfLaw(weightLaw(m));
  else threshold(m);
  return performance.now() - t0;
}

export function theoryDensity(): number {
  const t0 = performance.now();
  theorySpectrum({ p: 2, pstar: 1, a: 1, alpha: 5, points: 200 });
  return performance.now() - t0;
}

/** RSS child: only case 2 (sampling included: X is the dominant allocation). */
export function rssCase2(N: number, k: number) {
  // JS-visible memory (what a Worker's isolate limit counts: V8 heap + ArrayBuffers), sampled
  // at every 10th progress callback (one per Lanczos step); RSS also holds node's own runtime and the JIT's memory.
  let jsPeak = 0;
  const probe = () => {
    const m = process.memoryUsage();
    jsPeak = Math.max(jsPeak, m.heapTotal + m.external);
  };
  let calls = 0;
  const inst = sample(N, 2, 5, 1);
  probe();
  const r = case2(inst, k, () => {
    if (++calls % 10 === 0) probe();
  });
  probe();
  return {
    jsPeakKiB: jsPeak / 1024,
    xBytes: inst.X.byteLength,
    maxRSSKiB: process.resourceUsage().maxRSS,
    vmHWMKiB: vmHWMKiB(),
    matvecs: r.matvecs,
    ms: r.ms,
    values: r.values,
  };
}

/** RSS of a node process that only loads the bundle (the runtime's own share). */
export function rssBaseline() {
  return { maxRSSKiB: process.resourceUsage().maxRSS, vmHWMKiB: vmHWMKiB() };
}

function vmHWMKiB(): number {
  const m = /VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) : 0;
}

/** CPU model, cores and node version, for the report. */
export function machine(): string {
  const info = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.*)/.exec(info)?.[1] ?? '?';
  const cores = (info.match(/^processor\s*:/gm) ?? []).length;
  return `${model}, ${cores} cores, node ${process.version}`;
}
