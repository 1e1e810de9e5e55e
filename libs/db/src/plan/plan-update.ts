import { ApiError, conflict, validateObjectMetaUpdate, bodyOf, type KindInfo, type KubeObject } from '@wheelhouse/resources';
import { compact } from './compact.js';
import { deepEqual } from './deep-equal.js';
import { assertValid } from './validate-object.js';
import type { WriteClock, WritePlan } from './write-plan.js';

/**
 * `main` replaces spec and user metadata and keeps status; `status` replaces only
 * status; `finalize` replaces only a namespace's spec.finalizers (Kubernetes'
 * namespaces/finalize), which `main` keeps as they were.
 */
export type UpdateTarget = 'main' | 'status' | 'finalize';

/**
 * The next state of an existing object from a desired one (a replace, or a merge patch
 * already applied). Server-owned metadata always comes from the current object;
 * generation moves only when the body changes; a no-op is `unchanged` (no new revision).
 */
export function planUpdate(kind: KindInfo, current: KubeObject, desiredInput: KubeObject, target: UpdateTarget, clock: WriteClock): WritePlan {
  const desired = compact(desiredInput);
  const meta = desired.metadata ?? {};
  checkPrecondition(kind, current, meta.resourceVersion);
  checkIdentity(kind, current, meta.name, meta.namespace);
  checkUid(kind, current, meta.uid);

  const next = target === 'status' ? withStatus(current, desired) : target === 'finalize' ? withSpecFinalizers(current, desired) : withMain(kind, current, desired, clock);
  if (target === 'main' && !deepEqual(bodyOf(next, kind.bodyKey), bodyOf(current, kind.bodyKey))) {
    next.metadata.generation = (current.metadata.generation ?? 1) + 1;
  }
  assertValid(kind, next, [...validateObjectMetaUpdate(next.metadata, current.metadata), ...(kind.validateUpdate?.(next, current) ?? [])]);

  const expectedResourceVersion = current.metadata.resourceVersion!;
  if (deepEqual(next, current)) return { type: 'unchanged', object: current };
  if (finishesDeletion(kind, next, clock.now())) return { type: 'delete', object: next, expectedResourceVersion };
  return { type: 'update', object: next, expectedResourceVersion };
}

function withMain(kind: KindInfo, current: KubeObject, desired: KubeObject, clock: WriteClock): KubeObject {
  const meta = desired.metadata ?? {};
  const { apiVersion: _a, kind: _k, metadata: _m, status: _s, ...body } = desired;
  const next: KubeObject = {
    apiVersion: current.apiVersion,
    kind: current.kind,
    metadata: {
      ...current.metadata,
      labels: meta.labels ?? {},
      annotations: meta.annotations ?? {},
      ownerReferences: meta.ownerReferences ?? [],
      finalizers: meta.finalizers ?? [],
    },
    ...body,
    ...(kind.hasStatus ? { status: current.status ?? {} } : {}),
  };
  const defaulted = kind.applyDefaults(next, clock.now());
  return kind.keepOnUpdate ? kind.keepOnUpdate(defaulted, current) : defaulted;
}

function withSpecFinalizers(current: KubeObject, desired: KubeObject): KubeObject {
  const finalizers = (desired.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [];
  return { ...current, metadata: { ...current.metadata }, spec: { ...(current.spec ?? {}), finalizers } };
}

function withStatus(current: KubeObject, desired: KubeObject): KubeObject {
  return { ...current, metadata: { ...current.metadata }, status: desired.status ?? {} };
}

/** Kubernetes deletes during an update once a terminating object has no finalizers left and no grace to wait out. */
export function finishesDeletion(kind: KindInfo, next: KubeObject, now: Date): boolean {
  const m = next.metadata;
  if (!m.deletionTimestamp || (m.finalizers ?? []).length > 0 || (m.deletionGracePeriodSeconds ?? 0) > 0) return false;
  return !kind.beginTermination || kind.beginTermination(next, 0, now) === null;
}

/** A resourceVersion precondition: malformed is a bad request (Kubernetes answers 400), stale is CONFLICT. */
export function checkPrecondition(kind: KindInfo, current: KubeObject, expected: string | undefined, field = 'metadata.resourceVersion'): void {
  if (expected === undefined || expected === '') return;
  if (!/^\d{1,19}$/.test(expected)) {
    throw new ApiError('BAD_USER_INPUT', `${field}: Invalid value: ${quoted(expected)}: must be a string of digits`, field);
  }
  if (expected !== current.metadata.resourceVersion) throw conflict(kind.kind, current.metadata.name ?? '');
}

/**
 * A uid in the body is a precondition (Kubernetes' DefaultUpdatedObjectInfo): another
 * object's uid is refused with 409 and the storage layer's message, never ignored.
 */
function checkUid(kind: KindInfo, current: KubeObject, uid: string | undefined): void {
  if (!uid || uid === current.metadata.uid) return;
  throw new ApiError(
    'CONFLICT',
    `Operation cannot be fulfilled on ${kind.kind.toLowerCase()}s "${current.metadata.name}": Precondition failed: UID in precondition: ${quotedBare(uid)}, UID in object meta: ${current.metadata.uid}`,
  );
}

/** A user's value in a message: quoted, and cut short when long. */
function quoted(value: string): string {
  return JSON.stringify(quotedBare(value));
}

function quotedBare(value: string): string {
  return value.length > 64 ? `${value.slice(0, 64)}…` : value;
}

function checkIdentity(kind: KindInfo, current: KubeObject, name: string | undefined, namespace: string | undefined): void {
  if (name && name !== current.metadata.name) {
    throw new ApiError('BAD_USER_INPUT', `metadata.name: Invalid value: "${name}": the name of the object does not match the name on the request`, 'metadata.name');
  }
  if (kind.namespaced && namespace && namespace !== current.metadata.namespace) {
    throw new ApiError(
      'BAD_USER_INPUT',
      'metadata.namespace: Invalid value: the namespace of the provided object does not match the namespace sent on the request',
      'metadata.namespace',
    );
  }
}
