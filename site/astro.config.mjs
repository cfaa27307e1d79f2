// Static report site. `npm run build` first runs site/build/prebuild.ts (figure data from the
// core, PNG fallbacks, static copies of every result) into site/.generated, then this build;
// the integration below copies the generated files into site/dist.
import { defineConfig } from 'astro/config';
import { cpSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

/** Copy site/.generated/{results,figures} into the output (results/<id>.json, figures/*.png). */
const generatedAssets = {
  name: 'bbp-generated-assets',
  hooks: {
    'astro:build:done': ({ dir }) => {
      for (const sub of ['results', 'figures']) {
        const from = here(`./.generated/${sub}`);
        if (existsSync(from)) cpSync(from, new URL(`./${sub}/`, dir), { recursive: true });
      }
    },
  },
};

export default defineConfig({
  root: here('./'),
  srcDir: here('./src'),
  publicDir: here('./public'),
  outDir: here('./dist'),
  output: 'static',
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  integrations: [generatedAssets],
  vite: {
    server: { fs: { allow: [here('../')] } },
    build: { chunkSizeWarningLimit: 800 },
  },
});
