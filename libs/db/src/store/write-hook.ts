import type { Db } from '../prisma.js';
import type { PlannedWrite } from './commit.js';

/**
 * Work a kind's writes need from the database before they commit, which a pure plan
 * cannot do: Services get their ClusterIP and NodePorts (Kubernetes allocates them in
 * the registry, on create and update). The store calls `prepare` for every write of the
 * kind, commits, and on a commit error asks `retry` whether to prepare again (a picked
 * value another writer took first) or throws what it returns.
 */
export interface WriteHook {
  prepare(db: Db, write: PlannedWrite): Promise<PreparedWrite>;
}

export interface PreparedWrite {
  write: PlannedWrite;
  /** 'retry' to prepare and commit again, an error to throw instead, undefined when the error is not this write's. */
  explain(error: unknown): 'retry' | Error | undefined;
}

/** Kind name → hook. */
export type WriteHooks = Readonly<Record<string, WriteHook>>;
