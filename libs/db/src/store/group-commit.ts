import type { Sql } from '../sql.js';

/** One commit of a group that the database refused: its SQLSTATE and message, as a driver error has them. */
export class GroupCommitError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Pending {
  entries: unknown[];
  actor: string | null;
  resolve: (last: bigint) => void;
  reject: (error: unknown) => void;
}

/**
 * Subtransactions per group statement: PostgreSQL caches 64 subtransaction ids per
 * backend; past that, other sessions' snapshots get slower while the group is open.
 */
const MAX_GROUPS = 48;

/**
 * Group commit: a commit that arrives while another is in flight waits and goes with
 * every other waiting one in a single `wh_commit_group` statement (one transaction, one
 * WAL flush, one hold of the revision-counter row lock), each still checked and failing
 * on its own. A commit arriving at an idle committer goes at once, alone, as before, so
 * a lightly loaded API waits for nothing.
 */
export class GroupCommitter {
  private readonly queue: Pending[] = [];
  private flushing = false;

  constructor(private readonly sql: Sql) {}

  /** Commits one batch of wh_commit entries; resolves with its last revision. */
  commit(entries: unknown[], actor: string | null): Promise<bigint> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entries, actor, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.queue.length > 0) await this.send(this.queue.splice(0, MAX_GROUPS));
    this.flushing = false;
  }

  /** Settles every commit of the batch; never throws. */
  private async send(batch: Pending[]): Promise<void> {
    try {
      if (batch.length === 1) {
        const [{ entries, actor, resolve }] = batch as [Pending];
        const [row] = await this.sql.unsafe(`SELECT wh_commit($1::jsonb, $2) AS "last"`, [JSON.stringify(entries), actor], { prepare: true });
        resolve(BigInt((row as unknown as { last: bigint }).last));
        return;
      }
      const groups = JSON.stringify(batch.map((p) => ({ actor: p.actor, writes: p.entries })));
      const [row] = await this.sql.unsafe(`SELECT wh_commit_group($1::jsonb) AS "results"`, [groups], { prepare: true });
      const results = (row as unknown as { results: { last?: string; code?: string; message?: string }[] }).results;
      batch.forEach((pending, i) => {
        const result = results[i];
        if (result?.last !== undefined) pending.resolve(BigInt(result.last));
        else pending.reject(new GroupCommitError(result?.code ?? 'XX000', result?.message ?? 'commit failed'));
      });
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    }
  }
}
