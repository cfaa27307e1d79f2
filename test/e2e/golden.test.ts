/**
 * The browser is the third engine: the golden documents (test/golden) recomputed inside
 * Chromium from the same core, byte for byte what Node and workerd produce.
 */
import { build } from 'esbuild';
import { expect, inject, it } from 'vitest';
import { newPage } from './browser.ts';

it('every catalogue entry reproduces its pinned bytes in Chromium', async () => {
  const bundle = await build({
    stdin: {
      contents: `import documents from './documents.json'; import { goldenMismatches } from './check.ts';
        globalThis.goldenCheck = () => goldenMismatches(documents);`,
      resolveDir: new URL('../golden/', import.meta.url).pathname,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
  });
  const { page, close } = await newPage();
  try {
    // a loopback origin is a secure context, which Web Crypto (the content ids) requires
    await page.goto(`${inject('baseURL')}/v1/health`);
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    const mismatches = await page.evaluate(() => (globalThis as unknown as { goldenCheck: () => Promise<string[]> }).goldenCheck());
    expect(mismatches).toEqual([]);
  } finally {
    await close();
  }
});
