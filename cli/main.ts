/**
 * `bbp <command> [--flag value ...]`: argv -> the endpoint's schema -> core -> one JSON
 * document on stdout, the same bytes the API serves for the same parameters.
 * Bad input: one line on stderr and exit code 2. Never a stack trace.
 */
import { endpointList } from '../shared/src/endpoints.ts';
import { computeDocument } from '../shared/src/compute.ts';
import { describeRange, type Field } from '../shared/src/params.ts';
import { progressBar } from './progress.ts';

const USAGE_EXIT = 2;

class UsageError extends Error {}

/** `--alpha-min 0.5`, `--alpha-min=0.5` and `--alphaMin 0.5` all name the parameter alphaMin. */
export function parseArgv(argv: readonly string[]): { command: string | undefined; flags: Record<string, string>; help: boolean } {
  const [command, ...rest] = argv;
  const flags: Record<string, string> = {};
  let help = command === undefined || command === 'help' || command === '--help' || command === '-h';
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (!arg.startsWith('--') || arg.length === 2) throw new UsageError(`unexpected argument ${JSON.stringify(arg)}; flags look like --name value`);
    const eq = arg.indexOf('=');
    const name = (eq > 0 ? arg.slice(2, eq) : arg.slice(2)).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    let value: string | undefined = eq > 0 ? arg.slice(eq + 1) : rest[i + 1];
    if (eq < 0) {
      if (value === undefined || (value.startsWith('--') && value.length > 2)) throw new UsageError(`flag --${arg.slice(2)} needs a value`);
      i++;
    }
    if (name in flags) throw new UsageError(`flag --${arg.slice(2).split('=')[0]} given twice`);
    flags[name] = value;
  }
  return { command: help && (command === 'help' || command?.startsWith('-')) ? rest[0] : command, flags, help };
}

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function fieldHelp(name: string, f: Field): string {
  const dflt = f.default === undefined ? ' (required)' : ` (default ${f.default})`;
  return `  --${kebab(name).padEnd(12)} ${f.description}; ${describeRange(f)}${dflt}`;
}

function usage(command?: string): string {
  const e = endpointList.find((x) => x.command === command);
  if (e) {
    const lines = Object.entries(e.fields).map(([n, f]) => fieldHelp(n, f));
    return [`bbp ${e.command}: ${e.summary}`, '', ...lines, '', `Prints one JSON document (the API's /v1/${e.path} answer).`].join('\n');
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
  const out = await computeDocument(e.name, flags, 'local', progressBar(process.stderr, e.command));
  if (!out.ok) {
    throw new UsageError(out.issues.map((i) => i.message.replace(new RegExp(`^${i.param}\\b`), `--${kebab(i.param)}`)).join('; '));
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
