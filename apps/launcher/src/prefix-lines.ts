// Copies a child's output line by line with its name in front (`[api] listening`), so
// interleaved output from several processes stays readable.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/** Resolves once `input` has ended and every line (including a last unterminated one) is written. */
export function pipeWithPrefix(input: Readable, output: Writable, name: string): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  lines.on('line', (line) => output.write(`[${name}] ${line}\n`));
  return new Promise((resolve) => lines.once('close', resolve));
}
