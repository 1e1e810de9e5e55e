/** The server's apply: many documents in one all-or-nothing call, and kubectl's name for each result. */
import { findKindByManifest, qualifiedKind } from './kinds.js';
import type { Session } from './session.js';

export interface Applied {
  apiVersion: string;
  kind: string;
  namespace: string | null;
  name: string;
  action: 'created' | 'configured' | 'unchanged';
}

const APPLY = `mutation Apply($manifest: String!, $namespace: String, $dryRun: Boolean) {
  apply(manifest: $manifest, namespace: $namespace, dryRun: $dryRun) { objects { apiVersion kind namespace name action } }
}`;

export async function applyDocuments(session: Session, documents: object[], options: { namespace?: string; dryRun?: boolean } = {}): Promise<Applied[]> {
  // JSON is YAML: one JSON text per document.
  const manifest = documents.map((o) => JSON.stringify(o)).join('\n---\n');
  const data = await session.client.request<{ apply: { objects: Applied[] } }>(APPLY, {
    manifest,
    namespace: options.namespace ?? session.namespace,
    dryRun: options.dryRun ?? false,
  });
  return data.apply.objects;
}

/** `deployment.apps/web`, also for kinds this CLI does not know. */
export function appliedName(o: Pick<Applied, 'apiVersion' | 'kind' | 'name'>): string {
  const kind = findKindByManifest(o.apiVersion, o.kind);
  if (kind) return `${qualifiedKind(kind)}/${o.name}`;
  const group = o.apiVersion.includes('/') ? `.${o.apiVersion.split('/')[0]}` : '';
  return `${o.kind.toLowerCase()}${group}/${o.name}`;
}
