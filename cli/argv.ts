/** argv -> command and flags. Kept apart from main.ts so it can be tested without running. */

/** A mistake in the command line: reported as one line, exit code 2. */
export class UsageError extends Error {}

/** `--alpha-min 0.5`, `--alpha-min=0.5` and `--alphaMin 0.5` all name the parameter alphaMin. */
export function parseArgv(argv: readonly string[]): { command: string | undefined; flags: Record<string, string>; help: boolean } {
  const isHelp = (s: string | undefined): boolean => s === '--help' || s === '-h' || s === 'help';
  // `bbp`, `bbp help [command]`, `bbp --help`: usage; `bbp <command> --help`: that command's flags.
  if (argv.length === 0 || isHelp(argv[0])) return { command: argv[1], flags: {}, help: true };
  const [command, ...rest] = argv;
  const flags: Record<string, string> = {};
  let help = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (isHelp(arg)) {
      help = true;
      continue;
    }
    if (!arg.startsWith('--') || arg.length === 2) throw new UsageError(`unexpected argument ${JSON.stringify(arg)}; flags look like --name value`);
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const name = flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
    if (value === undefined || (eq < 0 && /^--[a-z]/i.test(value))) throw new UsageError(`flag --${flag} needs a value`);
    if (name in flags) throw new UsageError(`flag --${flag} given twice`);
    flags[name] = value;
  }
  return { command, flags, help };
}
