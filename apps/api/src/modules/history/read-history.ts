import { readChanges, type Change, type Db } from '@wheelhouse/db';
import type { KindInfo } from '@wheelhouse/resources';

const PAGE = 500;

/**
 * Every change of one object (by kind, namespace and name) still in the change log,
 * oldest first, optionally only those after a revision. Paged so a busy object does
 * not pull one huge result at once.
 */
export async function readObjectHistory(db: Db, kind: KindInfo, namespace: string, name: string, since = 0n): Promise<Change[]> {
  const changes: Change[] = [];
  let after = since;
  for (;;) {
    const page = await readChanges(db, { after, kind: kind.kind, namespace, name, limit: PAGE });
    changes.push(...page);
    if (page.length < PAGE) return changes;
    after = page[page.length - 1]!.revision;
  }
}
