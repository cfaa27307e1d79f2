/**
 * Build-time rendering of a panel to PNG: the same chart configuration as the browser
 * (site/src/lib/charts.ts), drawn by chart.js on @napi-rs/canvas (no browser, no network).
 */
import { createCanvas } from '@napi-rs/canvas';
import { Chart, chartConfig, type PanelSpec } from '../src/lib/charts.ts';

import { writeFileSync } from 'node:fs';
import { PNG_HEIGHT, PNG_PAIR_HEIGHT, PNG_PAIR_WIDTH, PNG_WIDTH } from '../src/lib/sizes.ts';

export function renderPng(spec: PanelSpec, width = PNG_WIDTH, height = PNG_HEIGHT, dpr = 2): Buffer {
  const canvas = createCanvas(width * dpr, height * dpr);
  const cfg = chartConfig(spec, { static: true, devicePixelRatio: dpr, fontFamily: 'DejaVu Sans, Liberation Sans, sans-serif' });
  // chart.js sizes from the canvas' own width/height when it is not responsive; with
  // devicePixelRatio it treats width/dpr as CSS pixels.
  (canvas as unknown as { style: object }).style = {};
  const chart = new Chart(canvas as unknown as HTMLCanvasElement, cfg as never);
  chart.resize(width, height);
  chart.update('none');
  const png = canvas.toBuffer('image/png');
  chart.destroy();
  return png;
}

/**
 * Render every panel of some figures into dir (named after each panel's png path), sizing
 * panels that share a row as a pair. Records the size on the panel for the page's <img>.
 * Returns how many PNGs were written.
 */
export function writeFigurePngs(figures: readonly { panels: { spec: PanelSpec; png: string; width?: number; height?: number }[] }[], dir: string): number {
  let n = 0;
  for (const f of figures) {
    const pair = f.panels.length > 1;
    for (const p of f.panels) {
      p.width = pair ? PNG_PAIR_WIDTH : PNG_WIDTH;
      p.height = pair ? PNG_PAIR_HEIGHT : PNG_HEIGHT;
      writeFileSync(`${dir}/${p.png.split('/').pop()}`, renderPng(p.spec, p.width, p.height));
      n++;
    }
  }
  return n;
}
