// The pod's QoS class (v1qos.GetPodQOS), which the kubelet reports in status.qosClass.
import { compareQuantities, parseQuantity } from '@wheelhouse/resources';
import type { PodSpec } from '@wheelhouse/model';

const TRACKED = ['cpu', 'memory'];

export function qosClass(spec: PodSpec): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const limits = c.resources?.limits ?? {};
    const requests = c.resources?.requests ?? {};
    for (const r of TRACKED) {
      const limit = quantity(limits[r]);
      const request = quantity(requests[r]) ?? limit; // a request defaults to its limit
      if (request && request.nanos !== 0n) any = true;
      if (limit && limit.nanos !== 0n) any = true;
      if (!limit || !request || compareQuantities(request, limit) !== 0) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function quantity(value: string | undefined) {
  return value === undefined ? undefined : (parseQuantity(value) ?? undefined);
}
