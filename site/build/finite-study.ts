/**
 * Compute the report's finite-N study documents (site/src/lib/finite-study.ts) and write
 * their exact bytes to site/data/finite/<id>.json, to be committed. Parts are computed
 * through the same path as any request and kept under $BBP_PARTS_DIR (default
 * /tmp/bbp-parts) by id, so an interrupted run resumes and the edge study reuses the
 * overlap study's parts.
 *   npx tsx site/build/finite-study.ts [continuous|discontinuous]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { computeDocument, identifyRequest, localPartResolver, type PartResolver } from '../../shared/src/compute.ts';
import { FINITE_CASES, finiteRequests } from '../src/lib/finite-study.ts';

const out = fileURLToPath(new URL('../data/finite/', import.meta.url));
const partsDir = process.env.BBP_PARTS_DIR ?? '/tmp/bbp-parts';
mkdirSync(out, { recursive: true });
mkdirSync(partsDir, { recursive: true });

const local = localPartResolver('local');
const resolve: PartResolver = async (part, i) => {
  const idr = await identifyRequest(part.endpoint, part.params as unknown as Record<string, unknown>, 'local');
  if (!idr.ok) throw new Error(JSON.stringify(idr.issues));
  const file = `${partsDir}/${idr.identity.id}.json`;
  if (existsSync(file)) return readFileSync(file, 'utf8');
  const json = await local(part, i);
  writeFileSync(file, json);
  return json;
};

const only = process.argv[2];
for (const c of FINITE_CASES.filter((x) => !only || x.key === only)) {
  const reqs = finiteRequests(c);
  for (const [name, r] of Object.entries(reqs)) {
    const t0 = performance.now();
    let last = 0;
    const res = await computeDocument(r.endpoint, r.params, 'local', (done, total) => {
      if (Date.now() - last > 10_000) {
        last = Date.now();
        console.log(`${c.key} ${name}: ${done}/${total} parts, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      }
    }, resolve);
    if (!res.ok) throw new Error(JSON.stringify(res.issues));
    writeFileSync(`${out}${res.identity.id}.json`, res.json);
    console.log(`${c.key} ${name}: ${res.identity.id} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
}
