/** The explorer against the running API (wrangler dev), and the /r/ viewer. */
import { describe, expect, inject, it } from 'vitest';
import { endpoints } from '../../shared/src/endpoints.ts';
import { parseField } from '../../shared/src/params.ts';
import { inkFraction, newPage, PHONE, shot } from './browser.ts';

const base = inject('baseURL');

const settled = () => ['done', 'error', 'invalid'].includes(document.body.dataset.state ?? '');

describe('explorer', () => {
  it('submits parameters, gets a chart back from the API, writes them into the URL', async () => {
    const { page, errors, close } = await newPage();
    await page.goto(`${base}/explorer/`);
    const form = page.locator('#form-simulate');
    await form.getByLabel('Input dimension N').fill('150');
    await form.getByLabel('Sample ratio α').fill('4');
    await form.getByLabel('Seed').fill('7');
    await form.getByRole('button', { name: 'Compute' }).click();
    await page.waitForFunction(settled, null, { timeout: 90_000 });
    expect(await page.evaluate(() => document.body.dataset.state)).toBe('done');
    const url = new URL(page.url());
    expect(url.searchParams.get('view')).toBe('simulate');
    expect(url.searchParams.get('N')).toBe('150');
    expect(url.searchParams.get('alpha')).toBe('4');
    expect(url.searchParams.get('seed')).toBe('7');
    const canvas = page.locator('#charts canvas').first();
    expect(Number(await canvas.getAttribute('data-points'))).toBeGreaterThan(10);
    expect(await inkFraction(page, '#charts canvas')).toBeGreaterThan(0.01);
    const datasets = await page.evaluate(() => window.__bbpCharts!.at(-1)!.data.datasets.map((d) => d.data.length));
    expect(datasets.filter((n) => n > 0).length).toBeGreaterThanOrEqual(3); // theory, histogram, markers
    const permalinks = page.locator('#identity a.permalink');
    expect(await permalinks.count()).toBe(2); // the simulation and the theory beside it
    expect(errors).toEqual([]);
    await shot(page, 'explorer-simulate-desktop');

    // follow the permalink to the viewer: the stored result comes back, same chart code
    const id = (await page.locator('#identity li[data-result-id]').first().getAttribute('data-result-id'))!;
    await page.locator('#identity a.viewer-link').first().click();
    await page.waitForURL(/\/r\/\?id=/);
    await page.waitForFunction(settled);
    expect(await page.evaluate(() => document.body.dataset.state)).toBe('done');
    expect(await page.locator('#status').textContent()).toContain(id);
    expect(Number(await page.locator('#charts canvas').first().getAttribute('data-points'))).toBeGreaterThan(10);
    await shot(page, 'result-simulate-desktop');

    // back to the explorer: the URL alone reproduces the view
    await page.goto(url.toString());
    await page.waitForFunction(settled, null, { timeout: 90_000 });
    expect(await page.locator('#identity li[data-result-id]').first().getAttribute('data-result-id')).toBe(id);
    await close();
  });

  it('opens a view from its link (threshold table)', async () => {
    const { page, close } = await newPage();
    await page.goto(`${base}/explorer/?view=threshold&p=2&pstar=1&a=1`);
    await page.waitForFunction(settled, null, { timeout: 60_000 });
    expect(await page.evaluate(() => document.body.dataset.state)).toBe('done');
    const table = await page.locator('table.facts').textContent();
    expect(table).toMatch(/1\.018/);
    expect(table).toMatch(/discontinuous/);
    await shot(page, 'explorer-threshold-desktop');
    await close();
  });

  it('shows the theory curves (two charts) and works on a phone', async () => {
    const { page, close } = await newPage(PHONE);
    await page.goto(`${base}/explorer/?view=overlapCurve&p=2&pstar=1&a=3&alphaMin=0.5&alphaMax=6`);
    await page.waitForFunction(settled, null, { timeout: 60_000 });
    expect(await page.evaluate(() => document.body.dataset.state)).toBe('done');
    expect(await page.locator('#charts canvas[data-ready=true]').count()).toBe(2);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'explorer-overlap-phone');
    await close();
  });

  it('shows an invalid input next to its field, with the schema message, without calling the API', async () => {
    const { page, close, errors } = await newPage();
    let apiCalls = 0;
    page.on('request', (r) => {
      if (r.url().includes('/v1/')) apiCalls++;
    });
    await page.goto(`${base}/explorer/`);
    const form = page.locator('#form-simulate');
    await form.getByLabel('Student width p').fill('0');
    await form.getByLabel('Loss normalisation a').fill('-1');
    await form.getByRole('button', { name: 'Compute' }).click();
    await page.waitForFunction(settled, null, { timeout: 10_000 }).catch(async (e) => {
      await shot(page, 'debug-invalid');
      throw new Error(`${e}; url ${page.url()}; errors ${errors.join(' | ')}`);
    });
    const expectedP = parseField('p', endpoints.simulate.fields.p, '0');
    const expectedA = parseField('a', endpoints.simulate.fields.a, '-1');
    expect(expectedP.ok || expectedA.ok).toBe(false);
    if (!expectedP.ok) expect(await page.locator('#simulate-p-error').textContent()).toBe(expectedP.issue.message);
    if (!expectedA.ok) expect(await page.locator('#simulate-a-error').textContent()).toBe(expectedA.issue.message);
    expect(await form.getByLabel('Student width p').getAttribute('aria-invalid')).toBe('true');
    // focus moves to the first invalid field
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('simulate-p');
    expect(apiCalls).toBe(0);
    // and while typing, before any submit
    await form.getByLabel('Input dimension N').fill('12.5');
    const expectedN = parseField('N', endpoints.simulate.fields.N, '12.5');
    if (!expectedN.ok) await page.waitForFunction((m) => document.getElementById('simulate-N-error')?.textContent === m, expectedN.issue.message);
    expect(await form.getByLabel('Input dimension N').getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'explorer-invalid-desktop');
    await close();
  });

  it("shows the API's problem+json errors next to the field they name", async () => {
    const { page, close } = await newPage();
    await page.goto(`${base}/explorer/`);
    await page.waitForFunction(() => 'runRemote' in ((window as unknown as { __bbpExplorer?: object }).__bbpExplorer ?? {}));
    // bypass the form's own validation: the API must say the same thing
    await page.evaluate(() =>
      (window as unknown as { __bbpExplorer: { runRemote: (v: string, r: Record<string, string>) => Promise<void> } }).__bbpExplorer.runRemote('simulate', {
        N: '3', p: '2', pstar: '1', a: '1', alpha: '5', seed: '1', hessian: 'euclidean', bins: '60', k: '8',
      }),
    );
    await page.waitForFunction(settled);
    const expected = parseField('N', endpoints.simulate.fields.N, '3');
    expect(expected.ok).toBe(false);
    if (!expected.ok) expect(await page.locator('#simulate-N-error').textContent()).toBe(expected.issue.message);
    expect(await page.locator('#status').textContent()).toMatch(/400/);
    await close();
  });

  it('refuses a request over the API limits before sending it (422 message at the form)', async () => {
    const { page, close } = await newPage();
    await page.goto(`${base}/explorer/?view=simulate&N=8000&p=2&pstar=1&a=1&alpha=5`);
    await page.waitForFunction(settled);
    expect(await page.evaluate(() => document.body.dataset.state)).toBe('invalid');
    expect(await page.locator('#form-error-simulate').textContent()).toMatch(/exceeds the API limit/);
    await close();
  });
});

describe('result viewer', () => {
  it('says what is wrong with a malformed id and with an unknown one', async () => {
    const { page, close } = await newPage();
    await page.goto(`${base}/r/?id=xyz`);
    await page.waitForFunction(settled);
    expect(await page.locator('#id-error').textContent()).toMatch(/64 lower-case hexadecimal/);
    await page.goto(`${base}/r/?id=${'0'.repeat(64)}`);
    await page.waitForFunction(settled);
    expect(await page.locator('#status').textContent()).toMatch(/Could not load.*Result not found/);
    await shot(page, 'result-unknown-desktop');
    await close();
  });

  it('renders a result from /r/#<id> on a phone', async () => {
    const res = await fetch(`${base}/v1/theory/overlap-curve?p=2&pstar=1&a=0.01&alphaMin=0.4&alphaMax=4`);
    const { id } = await res.json();
    const { page, close } = await newPage(PHONE);
    await page.goto(`${base}/r/#${id}`);
    await page.waitForFunction(settled, null, { timeout: 30_000 });
    expect(await page.evaluate(() => document.body.dataset.state)).toBe('done');
    expect(await page.locator('#charts canvas[data-ready=true]').count()).toBe(2);
    await shot(page, 'result-overlap-phone');
    await close();
  });
});
