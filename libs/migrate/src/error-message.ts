/**
 * One line for a failure. Engine errors put a Rust span trace ("   0: module::fn ...")
 * after a message that itself spans a few lines; keep the message, drop the trace.
 */
export function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines: string[] = [];
  for (const line of message.split('\n')) {
    if (/^\s*\d+: /.test(line)) break;
    if (line.trim()) lines.push(line.trim());
  }
  return lines.join(': ') || 'unknown error';
}
