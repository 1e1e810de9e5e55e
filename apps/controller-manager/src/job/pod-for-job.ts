// The pod a Job creates: its template, the job-tracking finalizer, a controller reference,
// and for Indexed Jobs the completion index (annotation, label, env, hostname).
import { JOB_COMPLETION_INDEX, JOB_COMPLETION_INDEX_ENV, JOB_TRACKING_FINALIZER } from '@wheelhouse/resources';
import { newControllerRef } from '../common/owner-references.js';
import type { Job, Pod } from './types.js';

type Container = { name?: string; env?: { name: string; value?: string }[] } & Record<string, unknown>;

export function podForJob(job: Job, index?: number): Pod {
  const template = job.spec?.template ?? {};
  const name = job.metadata.name ?? '';
  const spec = structuredClone(template.spec ?? {}) as Record<string, unknown>;
  const labels = { ...(template.metadata?.labels ?? {}) };
  const annotations = { ...(template.metadata?.annotations ?? {}) };
  if (index !== undefined) {
    annotations[JOB_COMPLETION_INDEX] = String(index);
    labels[JOB_COMPLETION_INDEX] = String(index);
    const addEnv = (list: unknown) =>
      ((list ?? []) as Container[]).map((c) => ({
        ...c,
        env: [...(c.env ?? []).filter((e) => e.name !== JOB_COMPLETION_INDEX_ENV), { name: JOB_COMPLETION_INDEX_ENV, value: String(index) }],
      }));
    spec.containers = addEnv(spec.containers);
    if (Array.isArray(spec.initContainers)) spec.initContainers = addEnv(spec.initContainers);
    // Stable per-index hostnames, unless the template names one.
    if (!spec.hostname) spec.hostname = `${name}-${index}`;
  }
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: index !== undefined ? `${name}-${index}-` : `${name}-`,
      labels,
      annotations,
      finalizers: [JOB_TRACKING_FINALIZER],
      ownerReferences: [newControllerRef(job, { apiVersion: 'batch/v1', kind: 'Job' })],
    },
    spec,
  };
  if (job.metadata.namespace) pod.metadata.namespace = job.metadata.namespace;
  return pod;
}
