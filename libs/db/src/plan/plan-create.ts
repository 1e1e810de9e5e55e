import { ApiError, toTimestamp, type KindInfo, type KubeObject } from '@wheelhouse/resources';
import { compact } from './compact.js';
import { assertValid } from './validate-object.js';
import type { WriteClock, WritePlan } from './write-plan.js';

/**
 * A new object from user input: server-owned metadata filled in, status reset (except
 * for kinds whose creator reports status, like nodes), defaults applied, validated.
 */
export function planCreate(kind: KindInfo, input: KubeObject, requestNamespace: string | undefined, clock: WriteClock): WritePlan {
  const given = compact(input);
  const meta = given.metadata ?? {};
  const namespace = kind.namespaced ? resolveNamespace(meta.namespace, requestNamespace) : undefined;
  const name = meta.name || (meta.generateName ? meta.generateName + clock.nameSuffix() : undefined);
  const { apiVersion: _a, kind: _k, metadata: _m, status, ...body } = given;
  const object: KubeObject = {
    apiVersion: kind.apiVersion,
    kind: kind.kind,
    metadata: {
      name,
      ...(meta.generateName ? { generateName: meta.generateName } : {}),
      ...(namespace !== undefined ? { namespace } : {}),
      uid: clock.newUid(),
      generation: 1,
      labels: meta.labels ?? {},
      annotations: meta.annotations ?? {},
      creationTimestamp: toTimestamp(clock.now()),
      ownerReferences: meta.ownerReferences ?? [],
      finalizers: meta.finalizers ?? [],
    },
    ...body,
    ...(kind.hasStatus ? { status: kind.keepStatusOnCreate ? (status ?? {}) : {} } : {}),
  };
  if (!name) throw new ApiError('BAD_USER_INPUT', 'metadata.name: Required value: name or generateName is required', 'metadata.name');
  const defaulted = kind.applyDefaults(object, clock.now());
  assertValid(kind, defaulted);
  return { type: 'create', object: defaulted };
}

function resolveNamespace(fromObject: string | undefined, fromRequest: string | undefined): string {
  if (fromObject && fromRequest && fromObject !== fromRequest) {
    throw new ApiError(
      'BAD_USER_INPUT',
      'metadata.namespace: Invalid value: the namespace of the provided object does not match the namespace sent on the request',
      'metadata.namespace',
    );
  }
  return fromRequest || fromObject || 'default';
}
