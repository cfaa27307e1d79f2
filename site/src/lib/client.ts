/**
 * Browser side shared by the report, the explorer and the /r/ viewer: draw a panel on a
 * canvas with the one chart module, make cite blocks absolute and copyable, render a
 * document's identity (permalink, API query, versions). Every chart registers itself in
 * window.__bbpCharts and marks its canvas with data-ready / data-points (used by the tests).
 */
import { Chart, chartConfig, panelTitle, pointCount, type PanelSpec } from './charts.ts';
import { apiQuery, citeText, unpackSpec, describeParams, fmt, resultUrl, staticResultUrl, viewerUrl, type Doc, type ThresholdDoc } from './docs.ts';

declare global {
  interface Window {
    __bbpCharts?: Chart[];
  }
}

export function mountChart(canvas: HTMLCanvasElement, spec: PanelSpec): Chart {
  Chart.getChart(canvas)?.destroy();
  const cfg = chartConfig(spec);
  const chart = new Chart(canvas, cfg as never);
  canvas.dataset.points = String(pointCount(cfg));
  canvas.dataset.kind = spec.kind;
  canvas.dataset.ready = 'true';
  (window.__bbpCharts ??= []).push(chart);
  return chart;
}

/** Report pages: every canvas[data-spec] reads its panel from the JSON script it names. */
export function hydrateFigures(root: ParentNode = document): void {
  root.querySelectorAll<HTMLCanvasElement>('canvas[data-spec]').forEach((canvas) => {
    const source = document.getElementById(canvas.dataset.spec ?? '');
    if (!source?.textContent) return;
    try {
      const docs = JSON.parse(document.getElementById(canvas.dataset.docs ?? '')?.textContent || '{}') as Record<string, unknown>;
      mountChart(canvas, unpackSpec<PanelSpec>(JSON.parse(source.textContent), docs));
    } catch (e) {
      canvas.dataset.error = String(e);
      console.error('chart failed', canvas.id, e);
    }
  });
}

/** Cite blocks: absolute URLs and a copy button. */
export function enhanceCites(root: ParentNode = document): void {
  root.querySelectorAll<HTMLPreElement>('pre[data-cite-ids]').forEach((pre) => {
    const ids = (pre.dataset.citeIds ?? '').split(',').filter(Boolean);
    pre.textContent = citeText(ids, location.origin);
    const button = pre.parentElement?.querySelector<HTMLButtonElement>('.copy-cite');
    if (!button || !navigator.clipboard) return;
    button.hidden = false;
    button.onclick = async () => {
      await navigator.clipboard.writeText(pre.textContent ?? '');
      button.textContent = 'Copied';
      setTimeout(() => (button.textContent = 'Copy'), 1500);
    };
  });
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
};
export { el };

const link = (href: string, text: string, cls = ''): HTMLAnchorElement => el('a', { href, ...(cls ? { class: cls } : {}) }, text);

/** Panels of a document (or of a document plus companions) as chart boxes. */
export function renderPanels(container: HTMLElement, specs: PanelSpec[], idPrefix: string): Chart[] {
  container.replaceChildren();
  container.className = specs.length > 1 ? 'panels two' : 'panels';
  return specs.map((spec, i) => {
    const canvas = el('canvas', { id: `${idPrefix}-${i}`, class: 'chart', role: 'img', 'aria-label': panelTitle(spec) });
    const panel = el('div', { class: 'panel' });
    if (specs.length > 1) panel.append(el('h4', {}, panelTitle(spec)));
    panel.append(el('div', { class: 'chart-box' }, canvas));
    container.append(panel);
    return mountChart(canvas, spec);
  });
}

/** Identity block: id, permalink, recomputing query, viewer link, versions, cite. */
export function renderIdentity(container: HTMLElement, docs: { label: string; doc: Doc }[]): void {
  container.replaceChildren();
  const list = el('ul', { class: 'results' });
  for (const { label, doc } of docs) {
    const params = doc.params as Record<string, number | string>;
    list.append(
      el(
        'li',
        { 'data-result-id': doc.id },
        el('span', { class: 'label' }, label),
        ' ',
        el('span', { class: 'muted' }, `(${describeParams(params)})`),
        el(
          'div',
          { class: 'links' },
          el('span', {}, 'permalink ', link(resultUrl(doc.id), doc.id, 'permalink')),
          link(apiQuery(doc.endpoint, params), 'API query', 'api-query'),
          link(viewerUrl(doc.id), 'view', 'viewer-link'),
        ),
        el('div', { class: 'muted' }, `endpoint ${doc.endpoint} · model ${doc.versions.model} · generator ${doc.versions.generator}`),
      ),
    );
  }
  const pre = el('pre', { 'data-cite-ids': docs.map((d) => d.doc.id).join(',') });
  const cite = el('details', { class: 'cite' }, el('summary', {}, 'Cite this'), pre, el('button', { type: 'button', class: 'secondary small-button copy-cite', hidden: '' }, 'Copy'));
  container.append(list, cite);
  enhanceCites(container);
}

/** theory/threshold has no chart: a small table. */
export function thresholdTable(doc: ThresholdDoc): HTMLTableElement {
  const rows: [string, string][] = [
    ['α_BBP', fmt(doc.alphaBBP, 6)],
    ['kind of transition', doc.kind],
    ['overlap jump m² at α_BBP', fmt(doc.overlapJump, 4)],
    ['edge kind at α_BBP', doc.edgeKind === 'sqrt' ? 'square-root' : 'smooth'],
    ['outlier = edge position at α_BBP', fmt(doc.lambdaBBP, 6)],
    ['p → ∞ limit p*(a+1)/2', fmt(doc.alphaInfinity, 6)],
    ['weak recovery p*/2', fmt(doc.alphaWeakRecovery, 6)],
  ];
  const tbody = el('tbody');
  for (const [k, v] of rows) tbody.append(el('tr', {}, el('th', { scope: 'row' }, k), el('td', {}, v)));
  return el('table', { class: 'facts' }, el('caption', {}, `BBP threshold for ${describeParams(doc.params as Record<string, number | string>)}`), tbody);
}

/** Fetch a stored document: the API first, then the static copy written by the site build. */
export async function fetchResult(id: string, base: string): Promise<Doc> {
  const tries = [resultUrl(id, base), staticResultUrl(id)];
  // the API's answer is the one to report; the static copy is only a fallback
  let first: string | undefined;
  for (const url of tries) {
    try {
      const res = await fetch(url, { headers: { accept: 'application/json' } });
      if (res.ok) return (await res.json()) as Doc;
      const problem = await res.json().catch(() => null);
      first ??= `${problem?.title ?? `HTTP ${res.status}`}${problem?.detail ? `: ${problem.detail}` : ''}`;
    } catch (e) {
      first ??= String(e);
    }
  }
  throw new Error(first);
}
