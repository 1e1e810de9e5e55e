/** The Kubernetes JSON shapes shared by every kind. */

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean | null;
  blockOwnerDeletion?: boolean | null;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  creationTimestamp?: string;
  deletionTimestamp?: string | null;
  deletionGracePeriodSeconds?: number | null;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  [field: string]: unknown;
}

/** The part of an object that bumps generation: spec, or the top-level fields of spec-less kinds. */
export function bodyOf(object: KubeObject, bodyKey: 'spec' | null): Record<string, unknown> {
  if (bodyKey) return (object[bodyKey] as Record<string, unknown> | undefined) ?? {};
  const { apiVersion: _a, kind: _k, metadata: _m, status: _s, ...rest } = object;
  return rest;
}
