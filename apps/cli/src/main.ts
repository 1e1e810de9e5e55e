#!/usr/bin/env node
/** wh: kubectl for Wheelhouse. */
import { type ParsedArgs, parseArgs } from './args.js';
import { err, out } from './command.js';
import { findCommand, helpText } from './commands/index.js';
import { formatError, UsageError } from './errors.js';
import { red } from './print/color.js';

// `wh get pods | head -1`: a reader that stops early is not an error (kubectl exits quietly too).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

async function main(argv: string[]): Promise<number> {
  // The verb is the first word that is not a flag; global flags may come before it.
  const verbIndex = findVerb(argv);
  const verb = verbIndex >= 0 ? argv[verbIndex]! : undefined;
  if (!verb || verb === 'help') {
    out(helpText());
    return verb || argv.includes('-h') || argv.includes('--help') ? 0 : 1;
  }
  const command = findCommand(verb);
  if (!command) throw new UsageError(`unknown command "${verb}" for "wh"`, "Run 'wh --help' for usage.");
  const rest = [...argv.slice(0, verbIndex), ...argv.slice(verbIndex + 1)];
  let args: ParsedArgs;
  try {
    args = parseArgs(rest, command.flags);
  } catch (e) {
    if (e instanceof UsageError) throw new UsageError(e.message, `See 'wh ${command.name} --help' for usage.`);
    throw e;
  }
  if (args.flags.help) {
    out(`${command.summary}\n\n${command.usage}`);
    return 0;
  }
  return (await command.run(args)) ?? 0;
}

const VALUE_FLAGS = new Set(['-n', '--namespace', '--context', '-s', '--server', '--token', '--certificate-authority']);

/** Skips global flags and their values (`wh -n ns get pods`). */
function findVerb(argv: string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (VALUE_FLAGS.has(a)) i++;
    else if (!a.startsWith('-')) return i;
  }
  return -1;
}

main(process.argv.slice(2)).then(
  (code) => exit(code),
  (e: unknown) => {
    err(red(formatError(e), process.stderr));
    exit(1);
  },
);

/** Exit explicitly: an idle keep-alive socket must not hold the process open. */
function exit(code: number): void {
  process.exitCode = code;
  setImmediate(() => process.exit(code));
}
