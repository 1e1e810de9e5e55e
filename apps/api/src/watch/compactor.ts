import { compactChangeLog, type CompactionPolicy, type Db } from '@wheelhouse/db';

/** Compacts the change log now and then; any API replica may do it (the work is idempotent). */
export function startCompactor(db: Db, policy: CompactionPolicy, intervalMs: number, onError: (e: unknown) => void): () => void {
  const timer = setInterval(() => void compactChangeLog(db, policy).catch(onError), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
