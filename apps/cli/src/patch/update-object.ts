/**
 * Read, change, write back with the read's resourceVersion as a precondition, and start
 * again from a fresh read when someone else wrote in between (kubectl's patch retries the
 * same way on conflicts). `change` returns the wanted object, or the same object for none.
 */
import { hasCode } from '@wheelhouse/client';
import type { KindInfo } from '@wheelhouse/resources';
import { notFoundError } from '../errors.js';
import { lowerPlural } from '../kinds.js';
import type { KubeObj } from '../print/object.js';
import type { Session } from '../session.js';
import { mergePatchBetween } from './merge-patch-between.js';

const ATTEMPTS = 5;

export interface Updated {
  object: KubeObj;
  changed: boolean;
}

export async function updateObject(session: Session, kind: KindInfo, name: string, namespace: string | undefined, change: (current: KubeObj) => KubeObj): Promise<Updated> {
  for (let attempt = 1; ; attempt++) {
    const current = await session.get(kind, name, namespace);
    if (!current) throw notFoundError(lowerPlural(kind), name);
    const wanted = change(structuredClone(current));
    const patch = mergePatchBetween(current as Record<string, unknown>, wanted as Record<string, unknown>);
    if (Object.keys(patch).length === 0) return { object: current, changed: false };
    const precondition = { ...patch, metadata: { ...((patch.metadata as object) ?? {}), resourceVersion: current.metadata.resourceVersion } };
    try {
      const object = await session.patch(kind, name, precondition, namespace);
      return { object, changed: object.metadata.resourceVersion !== current.metadata.resourceVersion };
    } catch (e) {
      if (!hasCode(e, 'CONFLICT') || attempt >= ATTEMPTS) throw e;
    }
  }
}
