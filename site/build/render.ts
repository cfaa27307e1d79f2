/**
 * Build-time rendering of a panel to PNG: the same chart configuration as the browser
 * (site/src/lib/charts.ts), drawn by chart.js on @napi-rs/canvas (no browser, no network).
 */
import { createCanvas } from '@napi-rs/canvas';
import { Chart, chartConfig, type PanelSpec } from '../src/lib/charts.ts';

import { PNG_HEIGHT, PNG_WIDTH } from '../src/lib/sizes.ts';

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
