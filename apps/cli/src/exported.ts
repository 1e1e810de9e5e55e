/**
 * `wh get -o yaml` output applied again. The server records the whole manifest as the
 * last-applied configuration, so re-applying an unedited export would rewrite that
 * annotation and report `configured`. An unedited export is sent as the configuration
 * it came from instead, which the server then reports `unchanged`.
 */
import type { Manifest } from './manifest.js';
import { stripNulls } from './print/object.js';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const SERVER_FIELDS = ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'selfLink'];

/** The last-applied configuration of an object from `get -o yaml`, or undefined for an ordinary manifest. */
export function lastAppliedOf(doc: Manifest): Manifest | undefined {
  const text = doc.metadata?.annotations?.[LAST_APPLIED];
  if (typeof text !== 'string' || !doc.metadata?.uid) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Manifest) : undefined;
  } catch {
    return undefined;
  }
}

/** What the user controls of an object: no status, no server-set metadata, no empty lists or maps. */
export function userView(o: Manifest): unknown {
  const { status: _s, ...rest } = stripNulls(o) as Manifest;
  const metadata: Record<string, unknown> & { annotations?: Record<string, string> | null } = { ...(rest.metadata ?? {}) };
  for (const f of SERVER_FIELDS) delete metadata[f];
  if (metadata.annotations) {
    const { [LAST_APPLIED]: _l, ...annotations } = metadata.annotations;
    metadata.annotations = annotations;
  }
  return dropEmpty({ ...rest, metadata });
}

function dropEmpty(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropEmpty);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) {
      const child = dropEmpty((v as Record<string, unknown>)[key]);
      const empty = (Array.isArray(child) && child.length === 0) || (child && typeof child === 'object' && Object.keys(child).length === 0);
      if (!empty) out[key] = child;
    }
    return out;
  }
  return v;
}

export const sameObject = (a: Manifest, b: Manifest) => JSON.stringify(userView(a)) === JSON.stringify(userView(b));

/**
 * The recorded configuration to send instead of `doc` when `doc` is an unedited export
 * of `current`, else `doc` itself. The caller sends it only when a dry run says it
 * changes nothing (apply.ts): after `wh scale` or `wh set image` the live object differs
 * from its record, and sending the record would roll those changes back, while the export
 * says the live values (kubectl applies the file, which keeps them). The namespace is
 * kept when the configuration lacks one and the request's default would differ.
 */
export function documentToApply(doc: Manifest, current: Manifest | null, requestNamespace: string): Manifest {
  // The live object's record, not the export's: the export may predate a later apply.
  const recorded = current && lastAppliedOf(doc) ? lastAppliedOf(current) : undefined;
  if (!recorded || !current || !sameObject(doc, current)) return doc;
  const namespace = doc.metadata?.namespace;
  if (namespace && !recorded.metadata?.namespace && namespace !== requestNamespace) {
    return { ...recorded, metadata: { ...recorded.metadata, namespace } };
  }
  return recorded;
}
