/** What every verb in src/commands/ exports. */
import type { FlagSpec, ParsedArgs } from './args.js';

export interface Command {
  name: string;
  summary: string;
  usage: string;
  flags: FlagSpec[];
  /** Resolves to the exit code (0 when omitted). */
  run(args: ParsedArgs): Promise<number> | Promise<void>;
}

export const out = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
export const err = (text: string) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);

/** Runs `body` with a session and always closes its client, so the process can exit. */
export async function withSession<T>(session: { close(): void }, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } finally {
    session.close();
  }
}
