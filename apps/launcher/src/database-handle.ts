/** A running database as the launcher holds it: embedded or external, the same handle. */
export interface Database {
  url: string;
  /** Resolves if the server process goes away (never, for an external database). */
  exited: Promise<void>;
  /** Idempotent; a no-op for an external database. */
  stop(): Promise<void>;
}
