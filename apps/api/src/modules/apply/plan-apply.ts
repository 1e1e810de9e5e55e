import { ApiError, findKind, notFound, type KindInfo, type KubeObject } from '@wheelhouse/resources';
import { mergePatch, planCreate, planUpdate, type PlannedWrite, type Store } from '@wheelhouse/db';
import type { ManifestDocument } from './parse-manifest.js';
import type { InputChecker } from './input-checker.js';
import { applyPatch } from './three-way.js';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export type ApplyAction = 'created' | 'configured' | 'unchanged';

export interface AppliedWrite extends PlannedWrite {
  action: ApplyAction;
}

/**
 * Plans every document of a manifest before anything is written, so one invalid
 * document fails the whole call. Existing objects are updated with kubectl's
 * three-way merge against the last applied configuration; status is kept.
 */
export async function planApply(store: Store, checker: InputChecker, documents: ManifestDocument[], requestNamespace: string | undefined): Promise<AppliedWrite[]> {
  const writes: AppliedWrite[] = [];
  const newNamespaces = new Set<string>();
  for (const document of documents) {
    const { index } = document;
    const at = (field: string) => `document ${index}${field ? ` (${field})` : ''}`;
    const kind = kindOf(document.object, index);
    // Another served version (autoscaling/v1) is converted first; the converted object is what is applied and recorded.
    const convert = kind.convertFrom?.[document.object.apiVersion as string];
    const object = convert ? wrapField(index, () => convert(document.object)) : document.object;
    // Status rides along: creates keep it only for kinds whose creator reports it (nodes), updates never.
    const manifest = object;
    wrapField(index, () => checker.check(kind, manifest, (field) => at(field)));
    const meta = (manifest.metadata ?? {}) as { name?: string; namespace?: string; annotations?: Record<string, string> };
    if (!meta.name) throw new ApiError('BAD_USER_INPUT', `${at('metadata.name')}: Required value: name is required for apply`, 'metadata.name');
    const namespace = kind.namespaced ? (meta.namespace ?? requestNamespace ?? 'default') : undefined;
    const annotated = withLastApplied(manifest as KubeObject, object);
    const current = await store.get(kind, namespace, meta.name);
    const write = wrapField(index, (): AppliedWrite => {
      if (!current) return { kind, plan: planCreate(kind, annotated, namespace, store.clock), action: 'created' };
      const lastApplied = parseLastApplied(current);
      const desired = mergePatch(current, applyPatch(lastApplied, annotated)) as KubeObject;
      desired.metadata.resourceVersion = current.metadata.resourceVersion;
      const plan = planUpdate(kind, current, desired, 'main', store.clock);
      return { kind, plan, previous: current, action: plan.type === 'unchanged' ? 'unchanged' : 'configured' };
    });
    if (kind.kind === 'Namespace' && write.action === 'created') newNamespaces.add(meta.name);
    if (namespace && write.action === 'created' && !newNamespaces.has(namespace)) await assertNamespace(store, namespace, index);
    writes.push(write);
  }
  return writes;
}

function kindOf(object: Record<string, unknown>, index: number): KindInfo {
  const kindName = object.kind;
  const apiVersion = object.apiVersion;
  if (typeof kindName !== 'string' || typeof apiVersion !== 'string') {
    throw new ApiError('BAD_USER_INPUT', `document ${index}: apiVersion and kind are required`, typeof kindName !== 'string' ? 'kind' : 'apiVersion');
  }
  const kind = findKind(kindName);
  if (!kind || (kind.apiVersion !== apiVersion && !kind.convertFrom?.[apiVersion])) {
    throw new ApiError('BAD_USER_INPUT', `document ${index}: no kind "${kindName}" is registered for version "${apiVersion}" in Wheelhouse`, 'kind');
  }
  return kind;
}

/** The manifest as the user wrote it (without status), kept for the next apply's three-way merge. */
function withLastApplied(manifest: KubeObject, original: Record<string, unknown>): KubeObject {
  const { status: _s, ...recorded } = original;
  const meta = { ...(manifest.metadata ?? {}) };
  const annotations = { ...(meta.annotations ?? {}) };
  delete (recorded.metadata as { annotations?: Record<string, string> } | undefined)?.annotations?.[LAST_APPLIED];
  annotations[LAST_APPLIED] = JSON.stringify(recorded);
  return { ...manifest, metadata: { ...meta, annotations } };
}

function parseLastApplied(current: KubeObject): unknown {
  const text = current.metadata.annotations?.[LAST_APPLIED];
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

async function assertNamespace(store: Store, namespace: string, index: number): Promise<void> {
  const ns = await store.get(findKind('Namespace')!, undefined, namespace);
  if (!ns) {
    const error = notFound('Namespace', namespace);
    throw new ApiError('NOT_FOUND', `document ${index}: ${error.message}`);
  }
  if (ns.metadata.deletionTimestamp) {
    throw new ApiError('FORBIDDEN', `document ${index}: unable to create new content in namespace ${namespace} because it is being terminated`);
  }
}

/** Prefixes validation errors with the document index, keeping the field path in extensions. */
function wrapField<T>(index: number, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ApiError && error.code === 'BAD_USER_INPUT' && !error.message.startsWith('document ')) {
      throw new ApiError('BAD_USER_INPUT', `document ${index}: ${error.message}`, error.field, error.causes);
    }
    throw error;
  }
}
