/** Regenerate documents.json (see requests.ts for when and why): npx tsx test/golden/make.ts */
import { writeFileSync } from 'node:fs';
import { computeDocument } from '../../shared/src/compute.ts';
import { goldenRequests } from './requests.ts';

const documents: string[] = [];
for (const { name, raw } of goldenRequests) {
  const out = await computeDocument(name, raw, 'local');
  if (!out.ok) throw new Error(`${name}: ${out.issues.map((i) => i.message).join('; ')}`);
  documents.push(out.json);
}
writeFileSync(new URL('./documents.json', import.meta.url), `${JSON.stringify(documents, null, 1)}\n`);
console.log(`wrote ${documents.length} documents`);
