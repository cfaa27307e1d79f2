/**
 * A study's combine step gives the same bytes in workerd as in Node: the fixture's parts
 * (fixed documents, so Lanczos changes do not matter) and the expected study documents were
 * produced in Node (test/core/finite.test.ts checks them there too). Node and workerd run
 * different V8 versions, whose Math.pow differs in the last bit; the finite-size code avoids it.
 */
import { expect, it } from 'vitest';
import { computeDocument } from '../../shared/src/compute.ts';
import fixture from '../fixtures/finite-combine.json';

for (const [name, f] of Object.entries(fixture)) {
  it(`${name} study: the same bytes as in Node`, async () => {
    const r = f.request as { endpoint: 'finiteOverlap' | 'finiteEdge'; params: Record<string, unknown> };
    const out = await computeDocument(r.endpoint, r.params, 'worker', undefined, async (_part, i) => f.parts[i]);
    expect(out.ok && out.json).toBe(f.expected);
  });
}
