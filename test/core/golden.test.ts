import { expect, it } from 'vitest';
import documents from '../golden/documents.json';
import { goldenMismatches } from '../golden/check.ts';

it('every catalogue entry reproduces its pinned bytes in Node (else bump MODEL_VERSION: test/golden/requests.ts)', async () => {
  expect(await goldenMismatches(documents)).toEqual([]);
});
