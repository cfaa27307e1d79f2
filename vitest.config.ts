import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
// wrangler.toml serves site/dist as static assets; wrangler refuses a missing directory, so
// make sure it exists before the site is built (fresh clone: worker tests run before or
// alongside the e2e build).
mkdirSync(`${root}site/dist`, { recursive: true });

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          environment: 'node',
          include: ['test/core/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
      {
        // The API inside workerd with real R2 and Cache API bindings (wrangler.toml).
        plugins: [
          cloudflareTest({
            main: `${root}worker/src/index.ts`,
            wrangler: { configPath: `${root}wrangler.toml` },
          }),
        ],
        test: {
          name: 'worker',
          include: ['test/worker/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
      {
        // Browser tests: the built site and the API served together by wrangler dev, driven
        // through Debian's chromium with playwright-core (test/e2e/global-setup.ts).
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: [`${root}test/e2e/global-setup.ts`],
          testTimeout: 180_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
