/**
 * `bbp <command> [--flag value ...]`: argv -> the endpoint's schema -> core -> one JSON
 * document on stdout, the same bytes the API serves for the same parameters.
 * Bad input: one line on stderr and exit code 2. Never a stack trace.
 */
import { endpointList } from '../shared/src/endpoints.ts';
import { computeDocument } from '../shared/src/compute.ts';
import { describeRange, type Field } from '../shared/src/params.ts';
import { progressBar } from './progress.ts';
import { parseArgv, UsageError } from './argv.ts';
import { API_CONCURRENCY, fetchDocument } from './api.ts';

const USAGE_EXIT = 2;

/** alphaMin -> alpha-min; N stays N (the flag is --N, as in the paper). */
const kebab = (name: string): string => name.replace(/(?<=[a-z])[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The schema speaks of parameters; on a command line they are flags. */
const asFlags = (message: string, param: string, known: readonly string[]): string =>
  message.startsWith('unknown parameter')
    ? `unknown flag --${kebab(param)}; flags: ${known.map((k) => `--${kebab(k)}`).join(', ')}`
    : message.replace(new RegExp(`^${param}\\b`), `--${kebab(param)}`);

function fieldHelp(name: string, f: Field): string {
  const dflt = f.default === undefined ? ' (required)' : ` (default ${f.default})`;
  return `  --${kebab(name).padEnd(12)} ${f.description}; ${describeRange(f)}${dflt}`;
}

function usage(command?: string): string {
  const e = endpointList.find((x) => x.command === command);
  if (e) {
    const lines = Object.entries(e.fields).map(([n, f]) => fieldHelp(n, f));
    const api = e.parts
      ? `  --${'api'.padEnd(12)} base URL of a running API (e.g. http://127.0.0.1:8787): request the parts there, ${API_CONCURRENCY} at a time, then the study; default: compute locally`
      : `  --${'api'.padEnd(12)} base URL of a running API (e.g. http://127.0.0.1:8787): fetch the document there instead of computing it`;
    return [`bbp ${e.command}: ${e.summary}`, '', ...lines, api, '', `Prints one JSON document (the API's /v1/${e.path} answer), the same bytes either way.`].join('\n');
  }
  return [
    'bbp: BBP transitions at initialization (Annesi, Bocchi, Cammarota, ICLR 2026), reproduced.',
    '',
    'usage: bbp <command> [--flag value ...]',
    '',
    ...endpointList.map((x) => `  ${x.command.padEnd(17)} ${x.summary}`),
    '',
    'bbp <command> --help lists the flags, their ranges and defaults.',
  ].join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const { command, flags, help } = parseArgv(argv);
  if (help) {
    process.stdout.write(`${usage(command)}\n`);
    return 0;
  }
  const e = endpointList.find((x) => x.command === command);
  if (!e) throw new UsageError(`unknown command ${JSON.stringify(command)}; commands: ${endpointList.map((x) => x.command).join(', ')}`);
  const { api, ...params } = flags;
  if (api === '') throw new UsageError('flag --api needs a URL');
  const bar = progressBar(process.stderr, e.command);
  const out = api ? await fetchDocument(api, e.name, params, bar) : await computeDocument(e.name, params, 'local', bar);
  if (!out.ok) {
    throw new UsageError(out.issues.map((i) => asFlags(i.message, i.param, Object.keys(e.fields))).join('; '));
  }
  process.stdout.write(`${out.json}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const usageError = err instanceof UsageError;
    process.stderr.write(`bbp: ${usageError ? '' : 'internal error: '}${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = usageError ? USAGE_EXIT : 1;
  },
);
