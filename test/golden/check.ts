/** One golden check, shared by the Node, workerd and browser suites: the first differing field. */
import { computeDocument } from '../../shared/src/compute.ts';
import { goldenRequests } from './requests.ts';

/** Recompute every golden request; return a description of each mismatch (empty when all agree). */
export async function goldenMismatches(expected: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  if (expected.length !== goldenRequests.length) problems.push(`documents.json has ${expected.length} documents for ${goldenRequests.length} requests`);
  for (const [i, { name, raw }] of goldenRequests.entries()) {
    const out = await computeDocument(name, raw, 'local');
    const json = out.ok ? out.json : `invalid: ${JSON.stringify(out.issues)}`;
    if (json !== expected[i]) problems.push(`${name} ${JSON.stringify(raw)}: bytes differ at offset ${firstDifference(json, expected[i] ?? '')}`);
  }
  return problems;
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `${i}: got …${a.slice(Math.max(0, i - 40), i + 40)}… expected …${b.slice(Math.max(0, i - 40), i + 40)}…`;
}
