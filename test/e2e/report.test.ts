/** The built report, served by the Worker with its static assets. */
import { describe, expect, inject, it } from 'vitest';
import { resultId } from '../../shared/src/result.ts';
import { DESKTOP, inkFraction, newPage, PHONE, shot } from './browser.ts';

const base = inject('baseURL');

const FIGURES = ['spectrum', 'overlap', 'phase', 'positions'];

describe('report', () => {
  it('draws every figure with data (chart.js canvas, non-blank)', async () => {
    const { page, errors, close } = await newPage();
    await page.goto(`${base}/`);
    await page.waitForFunction(() => document.querySelectorAll('canvas[data-spec]').length > 0 && [...document.querySelectorAll('canvas[data-spec]')].every((c) => (c as HTMLElement).dataset.ready === 'true'));
    const canvases = await page.$$eval('canvas[data-spec]', (cs) => cs.map((c) => ({ id: c.id, points: Number((c as HTMLElement).dataset.points), kind: (c as HTMLElement).dataset.kind })));
    // figures 1-4 have 7 panels; section 5 (finite N) adds its own
    expect(canvases.length).toBeGreaterThanOrEqual(7);
    for (const c of canvases) expect(c.points, c.id).toBeGreaterThan(5);
    // the chart.js instances themselves have datasets with points
    const datasets = await page.evaluate(() => (window.__bbpCharts ?? []).map((ch) => ch.data.datasets.reduce((n, d) => n + d.data.length, 0)));
    expect(datasets.length).toBe(canvases.length);
    for (const n of datasets) expect(n).toBeGreaterThan(5);
    for (const c of canvases) expect(await inkFraction(page, `#${c.id}`), c.id).toBeGreaterThan(0.01);
    for (const f of FIGURES) {
      const fig = page.locator(`#fig-${f}`);
      expect(await fig.locator('.params').textContent()).toMatch(/Parameters:/);
      expect(await fig.locator('a.permalink').count()).toBeGreaterThan(0);
      expect(await fig.locator('details.cite pre').textContent()).toMatch(/@inproceedings\{annesi2026/);
    }
    // the finite-N section has its place
    expect(await page.locator('#finite-n h2').textContent()).toMatch(/Finite N/);
    expect(errors).toEqual([]);
    await shot(page, 'report-desktop');
    await close();
  });

  it('shows the build-time PNGs without JavaScript', async () => {
    const { page, close } = await newPage(DESKTOP, false);
    await page.goto(`${base}/`);
    const imgs = page.locator('figure img');
    expect(await imgs.count()).toBe(await page.locator('figure canvas').count());
    expect(await imgs.count()).toBeGreaterThanOrEqual(7);
    await page.waitForFunction(() => [...document.querySelectorAll('figure img')].every((i) => (i as HTMLImageElement).complete));
    const sizes = await imgs.evaluateAll((is) => is.map((i) => (i as HTMLImageElement).naturalWidth));
    for (const w of sizes) expect(w).toBeGreaterThan(800);
    await shot(page, 'report-nojs-desktop');
    await close();
  });

  it('links content-addressed results: static copy, permalink and API query give the same id', async () => {
    const { page, close } = await newPage();
    await page.goto(`${base}/`);
    const item = page.locator('#fig-spectrum li[data-result-id]').last(); // theory spectrum: quick to recompute
    const id = (await item.getAttribute('data-result-id'))!;
    const staticHref = (await item.locator('a.static-copy').getAttribute('href'))!;
    const queryHref = (await item.locator('a.api-query').getAttribute('href'))!;
    const doc = await (await fetch(`${base}${staticHref}`)).json();
    expect(doc.id).toBe(id);
    expect(await resultId({ endpoint: doc.endpoint, params: doc.params, versions: doc.versions })).toBe(id);
    const recomputed = await (await fetch(`${base}${queryHref}`)).json();
    expect(recomputed.id).toBe(id);
    const permalink = await fetch(`${base}/v1/results/${id}`);
    expect(permalink.status).toBe(200);
    expect((await permalink.json()).id).toBe(id);
    await close();
  });

  it('follows a figure permalink to the result viewer', async () => {
    const { page, errors, close } = await newPage();
    await page.goto(`${base}/`);
    const link = page.locator('#fig-phase a.viewer-link').first();
    const id = (await page.locator('#fig-phase li[data-result-id]').first().getAttribute('data-result-id'))!;
    await link.click();
    await page.waitForURL(/\/r\/\?id=/);
    await page.waitForFunction(() => document.body.dataset.state === 'done' || document.body.dataset.state === 'error');
    expect(await page.evaluate(() => document.body.dataset.state)).toBe('done');
    expect(await page.locator('#status').textContent()).toContain(id);
    const points = await page.$eval('#charts canvas', (c) => Number((c as HTMLElement).dataset.points));
    expect(points).toBeGreaterThan(5);
    expect(await inkFraction(page, '#charts canvas')).toBeGreaterThan(0.01);
    // the API serves prerendered ids itself (from the site's verified static copies): no 404
    expect(errors).toEqual([]);
    await shot(page, 'result-phase-desktop');
    await close();
  });

  it('opens a finite-N study result in the viewer with its charts', async () => {
    const { page, errors, close } = await newPage();
    await page.goto(`${base}/`);
    const item = page.locator('#finite-n li[data-result-id]').first();
    expect(await item.count()).toBeGreaterThan(0);
    await item.locator('a.viewer-link').click();
    await page.waitForURL(/\/r\/\?id=/);
    await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.state ?? ''));
    expect(await page.evaluate(() => document.body.dataset.state)).toBe('done');
    const n = await page.locator('#charts canvas[data-ready=true]').count();
    expect(n).toBeGreaterThanOrEqual(1);
    expect(errors).toEqual([]);
    await shot(page, 'result-finite-desktop');
    await close();
  });

  it('reads on a phone: no horizontal scrolling, charts drawn', async () => {
    const { page, close } = await newPage(PHONE);
    await page.goto(`${base}/`);
    await page.waitForFunction(() => [...document.querySelectorAll('canvas[data-spec]')].every((c) => (c as HTMLElement).dataset.ready === 'true'));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'report-phone');
    await close();
  });
});

describe('every page at desktop and phone width', () => {
  const pages = [
    { name: 'report', path: '/', ready: () => [...document.querySelectorAll('canvas[data-spec]')].every((c) => (c as HTMLElement).dataset.ready === 'true') },
    { name: 'explorer-empty', path: '/explorer/', ready: () => document.querySelector('.view-picker:not([hidden])') !== null },
    { name: 'explorer-spectrum', path: '/explorer/?view=simulate&p=2&pstar=1&a=1&alpha=5&N=300', ready: () => document.body.dataset.state === 'done' },
    { name: 'explorer-phase', path: '/explorer/?view=phaseDiagram&pstar=1&a=0.01&pMax=16', ready: () => document.body.dataset.state === 'done' },
    { name: 'viewer-lookup', path: '/r/', ready: () => true },
  ];
  for (const p of pages) {
    for (const [tag, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      it(`${p.name} (${tag}): no horizontal overflow, screenshot`, async () => {
        const { page, errors, close } = await newPage(viewport);
        await page.goto(`${base}${p.path}`);
        await page.waitForFunction(p.ready, null, { timeout: 60_000 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        expect(errors).toEqual([]);
        await shot(page, `page-${p.name}-${tag}`);
        await close();
      });
    }
  }
});
