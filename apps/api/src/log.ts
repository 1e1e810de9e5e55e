/** A tiny leveled logger (LOG_LEVEL=debug|info|warn|error); errors print their message, not stacks, unless debug. */
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;
const threshold = LEVELS[(process.env.LOG_LEVEL as Level) ?? 'info'] ?? LEVELS.info;

function write(level: Level, message: string, detail?: unknown) {
  if (LEVELS[level] < threshold) return;
  const suffix = detail instanceof Error ? `: ${threshold <= LEVELS.debug ? detail.stack : detail.message}` : detail !== undefined ? `: ${String(detail)}` : '';
  process.stderr.write(`${new Date().toISOString()} ${level.toUpperCase()} ${message}${suffix}\n`);
}

export const log = {
  debug: (m: string, d?: unknown) => write('debug', m, d),
  info: (m: string, d?: unknown) => write('info', m, d),
  warn: (m: string, d?: unknown) => write('warn', m, d),
  error: (m: string, d?: unknown) => write('error', m, d),
};
