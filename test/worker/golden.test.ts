import { expect, it } from 'vitest';
import documents from '../golden/documents.json';
import { goldenMismatches } from '../golden/check.ts';

it('every catalogue entry reproduces its pinned bytes inside workerd (the Node bytes)', async () => {
  expect(await goldenMismatches(documents)).toEqual([]);
});
