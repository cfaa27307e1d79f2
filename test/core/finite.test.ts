/**
 * Finite-N studies (issue 5, MODEL.md 5) on fixed seeds and CI-sized N:
 * - discontinuous case (p = 2, p* = 1, a = 3): m^2 clearly above zero below alpha_BBP, and
 *   alpha_0(N) < alpha_BBP with its bootstrap error bar;
 * - continuous case (a = 0.1): the residual overlap below alpha_BBP shrinks with N;
 * - a study's id and bytes are stable, and the same whether its parts are computed here
 *   or come from elsewhere (the API) as JSON;
 * plus the fits and the list parameter on their own.
 */
import { describe, expect, it } from 'vitest';
import { computeDocument, localPartResolver, partsOf, type PartResolver } from '../../shared/src/compute.ts';
import { parseFor } from '../../shared/src/endpoints.ts';
import { fields, parseField } from '../../shared/src/params.ts';
import { canonicalJson } from '../../shared/src/result.ts';
import { threshold } from '../../shared/src/theory/index.ts';
import { fitAlpha0, fitWindow } from '../../shared/src/finite/alpha0.ts';
import { bootstrapIndices, fitLine, fitScale } from '../../shared/src/finite/fits.ts';
import type { OverlapStudy } from '../../shared/src/finite/overlap-study.ts';
import type { EdgeStudy } from '../../shared/src/finite/edge-study.ts';

/** Parts shared across the tests of this file (same request, same bytes: safe to reuse). */
const memo = new Map<string, Promise<string>>();
const local = localPartResolver('local');
const cached: PartResolver = (part, i) => {
  const key = canonicalJson(part.params);
  if (!memo.has(key)) memo.set(key, local(part, i));
  return memo.get(key)!;
};

async function study<T>(endpoint: 'finiteOverlap' | 'finiteEdge', params: Record<string, unknown>): Promise<{ id: string; json: string; doc: T }> {
  const out = await computeDocument(endpoint, params, 'local', undefined, cached);
  if (!out.ok) throw new Error(JSON.stringify(out.issues));
  return { id: out.identity.id, json: out.json, doc: JSON.parse(out.json) as T };
}

const DISC = { p: 2, pstar: 1, a: 3 } as const;
const CONT = { p: 2, pstar: 1, a: 0.1 } as const;

describe('integer-list parameter', () => {
  it('canonicalises, and refuses bad lists with the range in words', () => {
    const f = fields.Ns;
    expect(parseField('Ns', f, ' 250, 500 ,1000')).toEqual({ ok: true, value: '250,500,1000' });
    expect(parseField('Ns', f, [250, 500])).toEqual({ ok: true, value: '250,500' });
    expect(parseField('Ns', f, '2.5e2,5e2')).toEqual({ ok: true, value: '250,500' });
    for (const bad of ['500,250', '250,250', '250,x', '4', '250,9000', '', '1,2,3,4,5,6,7,8,9'.split(',').map((x) => 100 + Number(x)).join(',')]) {
      const r = parseField('Ns', f, bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.issue.message).toMatch(/^Ns must be a comma-separated list of 1 to 8 strictly increasing integers, each from 8 to 8000/);
    }
  });

  it('bounds a study by its parts and its work (422), with a looser local limit', () => {
    const big = { Ns: '1000,2000,4000', p: 2, pstar: 1, a: 1, alphaMin: 0.5, alphaMax: 3, points: 20, seeds: 16 };
    const worker = parseFor('finiteOverlap', big, 'worker');
    expect(worker.ok).toBe(false);
    if (!worker.ok) {
      expect(worker.status).toBe(422);
      expect(worker.issues.map((i) => i.param)).toEqual(expect.arrayContaining(['parts', 'work', 'M*N', 'p*N']));
    }
    expect(parseFor('finiteOverlap', big, 'local').ok).toBe(true);
    const swapped = parseFor('finiteOverlap', { ...big, fitLow: 0.3, fitHigh: 0.1 }, 'local');
    expect(swapped.ok).toBe(false);
  });
});

describe('fits', () => {
  it('recovers a line, a scale and alpha_0 from exact data', () => {
    const x = [1, 2, 3, 4];
    const l = fitLine(x, x.map((v) => 0.5 * v - 0.25), [0.1, 0.1, 0.1, 0.1]);
    expect(l.slope).toBeCloseTo(0.5, 12);
    expect(l.intercept).toBeCloseTo(-0.25, 12);
    expect(l.r2).toBeCloseTo(1, 12);
    const N = [100, 200, 400, 800];
    const f = N.map((n) => 1 / Math.log(n));
    const s = fitScale(f, f.map((v) => 0.7 * v), [0.01, 0.01, 0.01, 0.01]);
    expect(s.c).toBeCloseTo(0.7, 12);
    expect(s.chi2).toBeLessThan(1e-20);
    // m^2 = 0.2 (alpha - 1) above alpha = 1, with seed-to-seed scatter that averages out
    const alpha = [0.5, 0.8, 1.2, 1.4, 1.6, 1.8, 2.5];
    const samples = alpha.map((al) => [-0.01, 0.01, 0, 0.02, -0.02].map((e) => Math.max(0.004, 0.2 * (al - 1)) + e * (al > 1 ? 1 : 0)));
    const fit = fitAlpha0(alpha, samples, { low: 0.02, high: 0.2, replicas: 200, seed: 1, stream: 1 });
    expect(fit.window.indices).toEqual([2, 3, 4, 5]);
    expect(fit.alpha0).toBeCloseTo(1, 10);
    expect(fit.alpha0Err).toBeGreaterThan(0);
    expect(fit.alpha0Err).toBeLessThan(0.1);
    expect(fitAlpha0(alpha, samples, { low: 0.02, high: 0.2, replicas: 200, seed: 1, stream: 1 })).toEqual(fit);
  });

  it('takes the window on the rise, not on noise below it', () => {
    expect(fitWindow([0.03, 0.01, 0.02, 0.05, 0.1, 0.3, 0.1], 0.02, 0.2)).toEqual([2, 3, 4]);
    expect(fitWindow([0.3, 0.4], 0.02, 0.2)).toEqual([]);
    expect(fitWindow([0.0, 0.05, 0.1], 0.02, 0.2)).toEqual([1, 2]);
  });

  it('bootstraps deterministically', () => {
    expect(bootstrapIndices(5, 3, 7, 1)).toEqual(bootstrapIndices(5, 3, 7, 1));
    expect(bootstrapIndices(5, 3, 7, 1)).not.toEqual(bootstrapIndices(5, 3, 7, 2));
  });
});

describe('discontinuous case p = 2, p* = 1, a = 3 (N = 100, 4 seeds)', () => {
  const t = threshold(DISC);
  const params = { Ns: '100', ...DISC, alphaMin: 0.2, alphaMax: 2.2, points: 11, seeds: 4, seed: 1 };

  it('is discontinuous with a sizeable jump', () => {
    expect(t.kind).toBe('discontinuous');
    expect(t.alphaBBP).toBeCloseTo(2.1698, 3);
  });

  it('keeps m^2 clearly above zero below alpha_BBP, and alpha_0(N) < alpha_BBP with its error bar', async () => {
    const { doc } = await study<OverlapStudy>('finiteOverlap', params);
    const size = doc.sizes[0];
    // from 0.75 alpha_BBP up to alpha_BBP: m^2 is many standard errors and many times the
    // random-vector level p*/N = 0.01 above zero, where the N -> infinity theory says 0
    doc.alpha.forEach((al, i) => {
      if (al < 0.75 * t.alphaBBP || al >= t.alphaBBP) return;
      expect(doc.theory.overlap2[doc.theory.alpha.findIndex((x) => x >= al)]).toBe(0);
      expect(size.overlap2[i], `alpha = ${al}`).toBeGreaterThan(0.1);
      expect(size.overlap2[i] - 3 * size.overlap2Stderr[i], `alpha = ${al}`).toBeGreaterThan(0.03);
    });
    const fit = size.fit;
    expect(fit.alpha0, fit.reason).not.toBeNull();
    expect(fit.alpha0Err).toBeGreaterThan(0);
    expect(fit.window.points).toBeGreaterThanOrEqual(3);
    expect(fit.alpha0! + 3 * fit.alpha0Err!).toBeLessThan(t.alphaBBP);
    expect(fit.r2).toBeGreaterThan(0.7);
    expect(doc.parts).toHaveLength(11 * 4);
  });

  it('re-running the same study gives the same id and bytes, with parts from anywhere', async () => {
    const a = await study<OverlapStudy>('finiteOverlap', params);
    // parts handed over as JSON text, as the API would: round-tripped and in any order of arrival
    const viaJson: PartResolver = async (part, i) => JSON.stringify(JSON.parse(await cached(part, i)));
    const b = await computeDocument('finiteOverlap', { ...params, Ns: ' 100 ', alphaMax: '2.20' }, 'local', undefined, viaJson);
    expect(b.ok && b.identity.id).toBe(a.id);
    expect(b.ok && b.json).toBe(a.json);
    // the document lists its parts, whose ids are the simulate requests' own ids
    const first = a.doc.parts[0];
    const part = await computeDocument('simulate', first.params, 'local');
    expect(part.ok && part.identity.id).toBe(first.id);
  });

  it('finds the lowest bulk eigenvalue above the smooth edge and fits both laws', async () => {
    const { doc } = await study<EdgeStudy>('finiteEdge', { Ns: '50,100', ...DISC, alpha: 1.4, seeds: 4, seed: 1 });
    expect(doc.edge.kind).toBe('smooth');
    expect(doc.outlier).toBeNull();
    expect(doc.bulkIndex).toBe(0);
    expect(doc.fits.map((f) => f.law)).toEqual(['N^(-2/3)', '1/ln N']);
    expect(['N^(-2/3)', '1/ln N', 'undecided']).toContain(doc.verdict);
    expect(doc.distanceStderr.every((e) => e > 0)).toBe(true);
    // above alpha_BBP the p p* outliers are skipped
    const above = await study<EdgeStudy>('finiteEdge', { Ns: '50,100', ...DISC, alpha: 2.6, seeds: 2, seed: 1 });
    expect(above.doc.outlier).not.toBeNull();
    expect(above.doc.bulkIndex).toBe(2);
  });
});

describe('continuous case p = 2, p* = 1, a = 0.1', () => {
  it('is continuous, and its residual overlap below alpha_BBP shrinks with N', async () => {
    const t = threshold(CONT);
    expect(t.kind).toBe('continuous');
    expect(t.alphaBBP).toBeCloseTo(1.2554, 3);
    // below alpha_BBP a finite-N bottom eigenvector keeps ~ c/N of teacher mass (c ~ 5 here)
    const { doc } = await study<OverlapStudy>('finiteOverlap', { Ns: '100,400', ...CONT, alphaMin: 0.3, alphaMax: 0.5, points: 2, seeds: 6, seed: 1, fitLow: 0.5, fitHigh: 0.9 });
    const [small, large] = doc.sizes;
    for (let i = 0; i < doc.alpha.length; i++) {
      const at = `alpha = ${doc.alpha[i]}`;
      expect(doc.alpha[i]).toBeLessThan(t.alphaBBP);
      expect(large.overlap2[i], at).toBeLessThan(small.overlap2[i] / 2);
      expect(small.overlap2[i] - large.overlap2[i], at).toBeGreaterThan(2 * Math.hypot(small.overlap2Stderr[i], large.overlap2Stderr[i]));
    }
    expect(large.fit.alpha0).toBeNull();
    expect(large.fit.reason).toMatch(/grid point/);
  });
});

it('lists a composite request\'s parts without computing them', () => {
  const r = partsOf('finiteEdge', { Ns: '50,100', ...DISC, alpha: 1.4, seeds: 2 }, 'worker');
  expect(r.ok).toBe(true);
  if (r.ok) {
    expect(r.parts).toHaveLength(4);
    expect(r.parts[0]).toEqual({ endpoint: 'simulate', params: { N: 50, ...DISC, alpha: 1.4, seed: 1, hessian: 'euclidean', bins: 5, k: 4, method: 'lanczos' } });
  }
});
