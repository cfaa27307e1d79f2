/**
 * The report's finite-N study documents are committed (site/data/finite/), not recomputed at
 * build time (minutes of CPU). This re-verifies them: each is the canonical document of its
 * request (right id, canonical bytes, current versions); a sample of their parts recomputed
 * now gives the per-instance numbers the study recorded; and the fits follow from the
 * recorded per-seed samples exactly (the combine step is pure).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeDocument, identifyRequest } from '../../shared/src/compute.ts';
import { VERSIONS } from '../../shared/src/endpoints.ts';
import { fitAlpha0 } from '../../shared/src/finite/alpha0.ts';
import type { EdgeStudy } from '../../shared/src/finite/edge-study.ts';
import { fitScale, invLog, meanStderr } from '../../shared/src/finite/fits.ts';
import type { OverlapStudy } from '../../shared/src/finite/overlap-study.ts';
import type { PartDocument } from '../../shared/src/finite/parts.ts';
import { canonicalJson, type Identity } from '../../shared/src/result.ts';
import { FINITE_CASES, finiteRequests } from '../../site/src/lib/finite-study.ts';

const dir = fileURLToPath(new URL('../../site/data/finite/', import.meta.url));

async function committed<T>(r: { endpoint: 'finiteOverlap' | 'finiteEdge'; params: Record<string, unknown> }): Promise<T & Identity> {
  const idr = await identifyRequest(r.endpoint, r.params, 'local');
  if (!idr.ok) throw new Error(JSON.stringify(idr.issues));
  const file = `${dir}${idr.identity.id}.json`;
  expect(existsSync(file), `${file} (run npx tsx site/build/finite-study.ts)`).toBe(true);
  const json = readFileSync(file, 'utf8');
  const doc = JSON.parse(json) as T & Identity;
  expect(canonicalJson(doc)).toBe(json);
  expect(doc.id).toBe(idr.identity.id);
  expect(doc.versions).toEqual(VERSIONS);
  return doc;
}

async function recompute(params: Record<string, unknown>): Promise<PartDocument> {
  const out = await computeDocument('simulate', params, 'local');
  if (!out.ok) throw new Error(JSON.stringify(out.issues));
  return JSON.parse(out.json) as PartDocument;
}

describe.each(FINITE_CASES.map((c) => [c.key, c] as const))('report study, %s case', (_key, c) => {
  const reqs = finiteRequests(c);

  it('overlap study: canonical, parts reproduce, fits follow from the samples', async () => {
    const doc = await committed<OverlapStudy>(reqs.overlap);
    const seeds = doc.seeds.length;
    // two parts of the smallest N (cheap): one below and one above alpha_BBP
    for (const i of [1, doc.alpha.length - 2]) {
      const s = i % seeds;
      const ref = doc.parts[i * seeds + s];
      expect(ref.params).toMatchObject({ N: doc.sizes[0].N, alpha: doc.alpha[i], seed: doc.seeds[s] });
      const part = await recompute(ref.params as unknown as Record<string, unknown>);
      expect(part.id).toBe(ref.id);
      const count = Number(doc.params.p) * Number(doc.params.pstar);
      const m2 = part.bottom.slice(0, count).reduce((t, e) => t + e.teacherOverlap2, 0) / count;
      expect(m2).toBeCloseTo(doc.sizes[0].samples[i][s], 8);
    }
    for (const z of doc.sizes) {
      expect(z.overlap2).toEqual(z.samples.map((xs) => meanStderr(xs).mean));
      const again = fitAlpha0(doc.alpha, z.samples, {
        low: Number(doc.params.fitLow), high: Number(doc.params.fitHigh), replicas: Number(doc.params.replicas), seed: Number(doc.params.seed), stream: z.N,
      });
      expect(JSON.parse(canonicalJson(again))).toEqual(z.fit);
    }
  }, 60_000);

  it('edge study: canonical, a part reproduces, fits follow from the samples', async () => {
    const doc = await committed<EdgeStudy>(reqs.edge);
    const ref = doc.parts[0];
    const part = await recompute(ref.params as unknown as Record<string, unknown>);
    expect(part.id).toBe(ref.id);
    expect(part.bottom[doc.bulkIndex].lambda).toBeCloseTo(doc.samples[0][0], 8);
    const d = doc.samples.map((xs) => meanStderr(xs.map((l) => l - doc.edge.lambda)));
    expect(doc.distance).toEqual(d.map((x) => x.mean));
    const f = fitScale(doc.N.map(invLog), doc.distance, doc.distanceStderr);
    expect(doc.fits[1]).toEqual({ law: '1/ln N', fit: JSON.parse(canonicalJson(f)) });
  }, 60_000);
});

it('the report shows what issue 5 asks: alpha_0(N) < alpha_BBP (discontinuous), overlap shrinking with N (continuous)', async () => {
  const [cont, disc] = await Promise.all(FINITE_CASES.map((c) => committed<OverlapStudy>(finiteRequests(c).overlap)));
  expect(disc.threshold.kind).toBe('discontinuous');
  expect(cont.threshold.kind).toBe('continuous');
  for (const z of disc.sizes) {
    expect(z.fit.alpha0, `N = ${z.N}: ${z.fit.reason}`).not.toBeNull();
    expect(z.fit.alpha0! + 3 * z.fit.alpha0Err!).toBeLessThan(disc.threshold.alphaBBP);
  }
  // continuous: below 0.8 alpha_BBP, the mean residual m^2 falls from the smallest to the largest N
  const below = cont.alpha.map((a, i) => [a, i] as const).filter(([a]) => a < 0.8 * cont.threshold.alphaBBP).map(([, i]) => i);
  const avg = (z: OverlapStudy['sizes'][number]) => below.reduce((t, i) => t + z.overlap2[i], 0) / below.length;
  expect(avg(cont.sizes[cont.sizes.length - 1])).toBeLessThan(avg(cont.sizes[0]) / 2);
});
