// A tiny leveled logger: one line per message, prefixed with the source name so the
// launcher's own lines read like its children's (`[api] ...`).

export const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type Level = (typeof LEVELS)[number];

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** A logger for another source (e.g. `postgres`) with the same level and sink. */
  child(name: string): Logger;
}

export type Sink = (level: Level, line: string) => void;

/** Unknown or missing values fall back to `info` rather than failing the start. */
export function parseLevel(value: string | undefined): Level {
  const wanted = value?.trim().toLowerCase();
  return LEVELS.find((level) => level === wanted) ?? 'info';
}

// Warnings and errors go to stderr so they survive `> /dev/null`.
const consoleSink: Sink = (level, line) => {
  (level === 'warn' || level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
};

export function createLogger(name: string, minLevel: Level, sink: Sink = consoleSink): Logger {
  const min = LEVELS.indexOf(minLevel);
  const emit = (level: Level, message: string): void => {
    if (LEVELS.indexOf(level) < min) return;
    const tag = level === 'warn' || level === 'error' ? `${level}: ` : '';
    sink(level, `[${name}] ${tag}${message}`);
  };
  return {
    debug: (message) => emit('debug', message),
    info: (message) => emit('info', message),
    warn: (message) => emit('warn', message),
    error: (message) => emit('error', message),
    child: (childName) => createLogger(childName, minLevel, sink),
  };
}

/** The message of anything thrown, for one-line logs. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
