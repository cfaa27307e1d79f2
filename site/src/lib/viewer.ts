/** /r/ viewer (browser): fetch a stored document by id and draw it by its endpoint. */
import { endpointList } from '../../../shared/src/endpoints.ts';
import { ID_PATTERN } from '../../../shared/src/result.ts';
import { panelsForDocument, panelTitle } from './charts.ts';
import { el, fetchResult, renderIdentity, renderPanels, thresholdTable } from './client.ts';
import { apiBase, describeParams, PATHS, resultUrl, type ThresholdDoc } from './docs.ts';

const $ = <T extends Element>(sel: string) => document.querySelector<T>(sel)!;

function status(text: string, error = false): void {
  const s = $<HTMLElement>('#status');
  s.textContent = text;
  s.classList.toggle('error-status', error);
}

function idFromLocation(): string | null {
  const q = new URLSearchParams(location.search).get('id');
  const h = location.hash.replace(/^#/, '');
  return (q ?? (h || null))?.trim().toLowerCase() ?? null;
}

async function show(): Promise<void> {
  const id = idFromLocation();
  const section = $<HTMLElement>('.doc');
  const input = $<HTMLInputElement>('#id');
  const err = $<HTMLElement>('#id-error');
  err.textContent = '';
  input.removeAttribute('aria-invalid');
  if (!id) {
    section.hidden = true;
    return;
  }
  input.value = id;
  if (!ID_PATTERN.test(id)) {
    err.textContent = 'A result id is 64 lower-case hexadecimal characters (the SHA-256 of the request).';
    input.setAttribute('aria-invalid', 'true');
    section.hidden = true;
    document.body.dataset.state = 'invalid';
    return;
  }
  status(`Loading ${id.slice(0, 12)}…`);
  document.body.dataset.state = 'loading';
  try {
    const doc = await fetchResult(id, apiBase());
    const params = doc.params as Record<string, number | string>;
    const entry = endpointList.find((e) => e.path === doc.endpoint);
    const specs = panelsForDocument(doc);
    section.hidden = false;
    $<HTMLElement>('#doc-title').textContent = specs[0] ? panelTitle(specs[0]) : doc.endpoint === PATHS.threshold ? 'BBP threshold' : doc.endpoint;
    $<HTMLElement>('#doc-summary').textContent = entry ? `${entry.summary}.` : '';
    const meta = $<HTMLElement>('#meta');
    meta.replaceChildren();
    const rows: [string, string][] = [
      ['endpoint', doc.endpoint],
      ['parameters', describeParams(params)],
      ['versions', `model ${doc.versions.model}, generator ${doc.versions.generator}`],
    ];
    for (const [k, v] of rows) meta.append(el('dt', {}, k), el('dd', {}, v));
    renderPanels($<HTMLElement>('#charts'), specs, 'result-chart');
    const table = $<HTMLElement>('#table');
    table.replaceChildren();
    if (doc.endpoint === PATHS.threshold) table.append(thresholdTable(doc as unknown as ThresholdDoc));
    renderIdentity($<HTMLElement>('#identity'), [{ label: doc.endpoint, doc }]);
    const raw = $<HTMLDetailsElement>('#raw-json');
    raw.querySelector('pre')!.textContent = JSON.stringify(doc, null, 1);
    raw.open = specs.length === 0 && doc.endpoint !== PATHS.threshold;
    const qs = new URLSearchParams({ view: entry?.name ?? '' });
    for (const [k, v] of Object.entries(params)) qs.set(k, String(v));
    $<HTMLAnchorElement>('#explore').href = `/explorer/?${qs}`;
    $<HTMLAnchorElement>('#raw').href = resultUrl(doc.id);
    status(`Result ${doc.id}`);
    document.title = `${specs[0] ? panelTitle(specs[0]) : doc.endpoint} — result ${doc.id.slice(0, 12)} — bbp-repro`;
    document.body.dataset.state = 'done';
  } catch (e) {
    section.hidden = true;
    status(`Could not load result ${id}: ${e instanceof Error ? e.message : String(e)}`, true);
    document.body.dataset.state = 'error';
  }
}

export function startViewer(): void {
  window.addEventListener('hashchange', () => void show());
  window.addEventListener('popstate', () => void show());
  void show();
}
