/**
 * Build step of the finite-N section: reads the committed study documents
 * (site/data/finite/<id>.json, computed by site/build/finite-study.ts), checks each one's id
 * against its request (site/src/lib/finite-study.ts) and its bytes against its id's request,
 * copies them to the site's results, renders the PNG fallbacks and writes
 * .generated/finite.json for FiniteN.astro. Recomputing the studies takes minutes, so the
 * build does not; test/core/finite-report.test.ts recomputes a sample of their parts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { identifyRequest } from '../../shared/src/compute.ts';
import { canonicalJson } from '../../shared/src/result.ts';
import { assembleFinite, type EdgeStudyDoc, type FiniteCaseDocs, type OverlapStudyDoc } from '../src/lib/finite-figures.ts';
import { FINITE_CASES, finiteRequests } from '../src/lib/finite-study.ts';
import { writeFigurePngs } from './render.ts';

export const FINITE_DATA = fileURLToPath(new URL('../data/finite/', import.meta.url));

/** The committed document for a request, verified: right id, canonical bytes. */
export async function committedStudy<T>(r: { endpoint: 'finiteOverlap' | 'finiteEdge'; params: Record<string, unknown> }): Promise<{ doc: T; json: string; id: string }> {
  const idr = await identifyRequest(r.endpoint, r.params, 'local');
  if (!idr.ok) throw new Error(`finite study request invalid: ${JSON.stringify(idr.issues)}`);
  const { id } = idr.identity;
  const file = `${FINITE_DATA}${id}.json`;
  if (!existsSync(file)) throw new Error(`missing ${file}: run npx tsx site/build/finite-study.ts (minutes) and commit the result`);
  const json = readFileSync(file, 'utf8');
  const doc = JSON.parse(json) as T & { id: string };
  if (doc.id !== id || canonicalJson(doc) !== json) throw new Error(`${file} is not the canonical document of its request`);
  return { doc, json, id };
}

export async function buildFinite(out: string): Promise<{ figures: number; pngs: number }> {
  const cases: FiniteCaseDocs[] = [];
  for (const c of FINITE_CASES) {
    const r = finiteRequests(c);
    const overlap = await committedStudy<OverlapStudyDoc>(r.overlap);
    const edge = await committedStudy<EdgeStudyDoc>(r.edge);
    for (const s of [overlap, edge]) writeFileSync(`${out}results/${s.id}.json`, s.json);
    cases.push({ key: c.key, overlap: overlap.doc, edge: edge.doc });
  }
  const figures = assembleFinite(cases);
  const pngs = writeFigurePngs(figures, `${out}figures`);
  const summary = cases.map((c) => ({
    key: c.key,
    a: Number(c.overlap.params.a),
    threshold: c.overlap.threshold,
    alpha0: c.overlap.sizes.map((z) => ({ N: z.N, alpha0: z.fit.alpha0, alpha0Err: z.fit.alpha0Err, window: [z.fit.window.alphaFrom, z.fit.window.alphaTo, z.fit.window.points], r2: z.fit.r2, chi2PerDof: z.fit.chi2PerDof })),
    edge: { alpha: c.edge.alpha, edge: c.edge.edge, verdict: c.edge.verdict, teacherOverlap2: c.edge.teacherOverlap2, N: c.edge.N, fits: c.edge.fits.map((f) => ({ law: f.law, c: f.fit.c, cErr: f.fit.cErr, chi2PerDof: f.fit.chi2PerDof })) },
    params: { overlap: c.overlap.params, edge: c.edge.params },
  }));
  writeFileSync(`${out}finite.json`, JSON.stringify({ figures: Object.fromEntries(figures.map((f) => [f.key, f])), cases: summary }));
  return { figures: figures.length, pngs };
}
