/**
 * Explorer (browser): validate with the schema's own parser (same messages as the API),
 * call the API, show progress, draw with the report's chart code, keep the view in the URL.
 */
import { endpoints, type EndpointName } from '../../../shared/src/endpoints.ts';
import { parseField, parseParams, type Field, type ParamIssue, type ParamSchema, type Fields } from '../../../shared/src/params.ts';
import type { PanelSpec } from './charts.ts';
import { panelsForDocument } from './charts.ts';
import { renderIdentity, renderPanels, thresholdTable } from './client.ts';
import { apiBase, apiQuery, PATHS, type Doc, type OverlapCurveDoc, type OverlapScanDoc, type SimulationDoc, type TheorySpectrumDoc, type ThresholdDoc } from './docs.ts';
import { DEFAULT_VIEW, VIEW_ORDER } from './explorer-views.ts';
import { fanOutParts } from './fanout.ts';

type Raw = Record<string, string>;

interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: ParamIssue[];
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

const $ = <T extends Element>(sel: string, root: ParentNode = document) => root.querySelector<T>(sel);
const isView = (v: string | null): v is EndpointName => !!v && (VIEW_ORDER as string[]).includes(v);

let controller: AbortController | null = null;
let timer: number | undefined;

function form(view: EndpointName): HTMLFormElement {
  return $<HTMLFormElement>(`#form-${view}`)!;
}

function fieldsOf(view: EndpointName): Fields {
  return endpoints[view].fields as Fields;
}

function readForm(view: EndpointName): Raw {
  const raw: Raw = {};
  for (const name of Object.keys(fieldsOf(view))) {
    const input = form(view).elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    if (input) raw[name] = input.value.trim();
  }
  return raw;
}

function writeForm(view: EndpointName, raw: Raw): void {
  for (const [name, value] of Object.entries(raw)) {
    const input = form(view).elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    if (input) input.value = value;
  }
}

function clearErrors(view: EndpointName): void {
  const f = form(view);
  f.querySelectorAll('.error').forEach((e) => (e.textContent = ''));
  f.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  $(`#form-error-${view}`)!.textContent = '';
}

function setFieldError(view: EndpointName, name: string, message: string | null): boolean {
  const input = form(view).elements.namedItem(name) as HTMLInputElement | null;
  const slot = document.getElementById(`${view}-${name}-error`);
  if (!input || !slot) return false;
  slot.textContent = message ?? '';
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
  return true;
}

/** Issues next to the field they name; the rest (cost limits, unknown names) above the form. */
function showIssues(view: EndpointName, issues: ParamIssue[], fallback?: string): void {
  clearErrors(view);
  const general: string[] = [];
  let first: HTMLElement | null = null;
  for (const issue of issues) {
    if (setFieldError(view, issue.param, issue.message)) {
      first ??= form(view).elements.namedItem(issue.param) as HTMLElement;
    } else general.push(issue.message);
  }
  if (!issues.length && fallback) general.push(fallback);
  $(`#form-error-${view}`)!.textContent = general.join(' ');
  first?.focus();
}

function status(text: string, error = false): void {
  const s = $<HTMLElement>('#status')!;
  s.textContent = text;
  s.classList.toggle('error-status', error);
}

function showView(view: EndpointName): void {
  for (const v of VIEW_ORDER) form(v).hidden = v !== view;
  const select = $<HTMLSelectElement>('#view')!;
  select.value = view;
}

async function getJson(url: string, signal: AbortSignal): Promise<Doc> {
  const res = await fetch(url, { signal, headers: { accept: 'application/json' } });
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await res.json() : { detail: await res.text() };
  if (!res.ok) throw new ApiError(res.status, body as Problem);
  return body as Doc;
}

/** Requests drawn together with the main one (same model parameters). */
function companions(view: EndpointName, q: Raw): { endpoint: string; params: Raw }[] {
  const model = { p: q.p, pstar: q.pstar, a: q.a };
  if (view === 'simulate') return [{ endpoint: PATHS.spectrum, params: { ...model, alpha: q.alpha } }];
  if (view === 'simulateOverlap') return [{ endpoint: PATHS.overlapCurve, params: { ...model, alphaMin: q.alphaMin, alphaMax: q.alphaMax, points: '120' } }];
  return [];
}

function panelsFor(view: EndpointName, main: Doc, extra: (Doc | null)[]): PanelSpec[] {
  const [companion] = extra;
  if (view === 'simulate') {
    const sim = main as unknown as SimulationDoc;
    const theory = (companion ?? undefined) as TheorySpectrumDoc | undefined;
    return [
      { kind: 'spectrum', sim, theory },
      { kind: 'spectrum', sim, theory, zoom: true },
    ];
  }
  if (view === 'simulateOverlap') {
    const scan = main as unknown as OverlapScanDoc;
    if (!companion) return panelsForDocument(main);
    const curve = companion as unknown as OverlapCurveDoc;
    return [
      { kind: 'overlap', curve, scan },
      { kind: 'positions', curve, scan },
    ];
  }
  return panelsForDocument(main);
}

/** Only the parameters that differ from the schema's defaults go into the address bar. */
function urlFor(view: EndpointName, raw: Raw): string {
  const qs = new URLSearchParams({ view });
  for (const [k, v] of Object.entries(raw)) if (v !== '') qs.set(k, v);
  return `${location.pathname}?${qs}`;
}

/** Call the API (no client-side validation: the tests use this to see the API's own errors). */
async function runRemote(view: EndpointName, raw: Raw): Promise<void> {
  controller?.abort();
  controller = new AbortController();
  const { signal } = controller;
  const path = endpoints[view].path;
  const f = form(view);
  const submit = $<HTMLButtonElement>('button[type=submit]', f)!;
  const cancel = $<HTMLButtonElement>('.cancel', f)!;
  const progress = $<HTMLProgressElement>('#progress')!;
  const output = $<HTMLElement>('.output')!;
  const t0 = performance.now();
  clearErrors(view);
  submit.disabled = true;
  cancel.hidden = false;
  progress.hidden = false;
  output.setAttribute('aria-busy', 'true');
  document.body.dataset.state = 'computing';
  document.getElementById('placeholder')?.remove();
  const tick = () => status(`Computing ${path}… ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  tick();
  timer = window.setInterval(tick, 200);
  cancel.onclick = () => controller?.abort();
  try {
    const base = apiBase();
    // studies: their parts first, one request each, with a determinate progress bar (fanout.ts)
    let parts = '';
    window.clearInterval(timer);
    timer = window.setInterval(() => (parts ? status(`${parts} ${((performance.now() - t0) / 1000).toFixed(1)} s`) : tick()), 200);
    await fanOutParts(view, raw, base, signal, (done, total) => {
      progress.max = total;
      progress.value = done;
      parts = `Computing ${path}: part ${done} of ${total} stored…`;
    }).finally(() => progress.removeAttribute('value'));
    parts = '';
    const mainP = getJson(apiQuery(path, raw, base), signal);
    const extraP = companions(view, raw).map((c) => getJson(apiQuery(c.endpoint, c.params, base), signal).catch(() => null));
    const main = await mainP;
    const extra = await Promise.all(extraP);
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    const specs = panelsFor(view, main, extra);
    renderPanels($<HTMLElement>('#charts')!, specs, 'explorer-chart');
    const table = $<HTMLElement>('#table')!;
    table.replaceChildren();
    if (main.endpoint === PATHS.threshold) table.append(thresholdTable(main as unknown as ThresholdDoc));
    // endpoints the charts do not know (yet) still show their document
    const rawJson = $<HTMLDetailsElement>('#raw-json')!;
    rawJson.hidden = specs.length > 0 || main.endpoint === PATHS.threshold;
    if (!rawJson.hidden) $<HTMLPreElement>('pre', rawJson)!.textContent = JSON.stringify(main, null, 1);
    const docs = [{ label: path, doc: main }, ...extra.filter((d): d is Doc => d !== null).map((d) => ({ label: `${d.endpoint} (drawn beside it)`, doc: d }))];
    renderIdentity($<HTMLElement>('#identity')!, docs);
    status(`Done in ${seconds} s: result ${main.id.slice(0, 12)}…`);
    document.body.dataset.state = 'done';
  } catch (e) {
    document.body.dataset.state = 'error';
    if (e instanceof DOMException && e.name === 'AbortError') {
      status('Cancelled.');
    } else if (e instanceof ApiError) {
      showIssues(view, e.problem.errors ?? [], e.problem.detail ?? e.problem.title);
      status(`The API refused the request (${e.status}${e.problem.title ? ` ${e.problem.title}` : ''}): see the form.`, true);
    } else {
      status(`Could not reach the API: ${String(e)}`, true);
    }
  } finally {
    window.clearInterval(timer);
    submit.disabled = false;
    cancel.hidden = true;
    progress.hidden = true;
    output.removeAttribute('aria-busy');
  }
}

/** Validate with the schema (scope 'worker': the API's own limits), then call the API. */
async function submit(view: EndpointName, push: boolean): Promise<void> {
  const raw = readForm(view);
  const parsed = parseParams(endpoints[view] as unknown as ParamSchema<Fields>, raw, 'worker');
  if (push) history.pushState({ view }, '', urlFor(view, raw));
  if (!parsed.ok) {
    showIssues(view, parsed.issues);
    status(parsed.status === 422 ? 'Too large for the API: see the form (the bbp CLI runs it locally).' : 'Please correct the highlighted parameters.', true);
    document.body.dataset.state = 'invalid';
    return;
  }
  await runRemote(view, raw);
}

/** Read the view and parameters from the address bar; run when parameters are given. */
function fromUrl(): void {
  const qs = new URLSearchParams(location.search);
  const requested = qs.get('view');
  const view = isView(requested) ? requested : DEFAULT_VIEW;
  showView(view);
  const raw: Raw = {};
  qs.forEach((v, k) => {
    if (k !== 'view') raw[k] = v;
  });
  writeForm(view, raw);
  clearErrors(view);
  if (isView(requested) && Object.keys(raw).length) void submit(view, false);
}

export function startExplorer(): void {
  $<HTMLElement>('.view-picker')!.hidden = false;
  // the picker names the computation now; keep the form titles for screen readers only
  document.querySelectorAll('.form-title').forEach((h) => h.classList.add('visually-hidden'));
  $<HTMLSelectElement>('#view')!.addEventListener('change', (e) => {
    const view = (e.target as HTMLSelectElement).value as EndpointName;
    showView(view);
    history.replaceState({ view }, '', `${location.pathname}?view=${view}`);
  });
  for (const view of VIEW_ORDER) {
    const f = form(view);
    f.addEventListener('submit', (e) => {
      e.preventDefault();
      void submit(view, true);
    });
    // validate each field while it is typed (debounced), with the schema's message; not on
    // blur, where a message appearing would move the Compute button under the pointer
    const timers = new Map<string, number>();
    f.addEventListener('input', (e) => {
      const input = e.target as HTMLInputElement;
      const field = (fieldsOf(view) as Record<string, Field>)[input.name];
      if (!field) return;
      window.clearTimeout(timers.get(input.name));
      timers.set(
        input.name,
        window.setTimeout(() => {
          const r = parseField(input.name, field, input.value.trim());
          setFieldError(view, input.name, r.ok ? null : r.issue.message);
        }, 350),
      );
    });
  }
  window.addEventListener('popstate', fromUrl);
  (window as unknown as { __bbpExplorer: object }).__bbpExplorer = { runRemote, submit };
  fromUrl();
}
