import { parseNodePortRange, parseServiceCidr, repairServiceAllocations, type AllocationRanges, type Store } from '@wheelhouse/db';

/** WHEELHOUSE_SERVICE_CIDR and WHEELHOUSE_SERVICE_NODE_PORT_RANGE (API.md "Running"), checked at start. */
export function serviceRangesFromEnv(env: NodeJS.ProcessEnv): AllocationRanges {
  return {
    ips: parseServiceCidr(env.WHEELHOUSE_SERVICE_CIDR?.trim() || '127.16.0.0/12'),
    nodePorts: parseNodePortRange(env.WHEELHOUSE_SERVICE_NODE_PORT_RANGE?.trim() || '30000-32767'),
  };
}

/**
 * The repair loops of kube-apiserver for ClusterIPs and NodePorts: a pass at start and
 * every `intervalMs` (Kubernetes: 3 minutes). Passes are idempotent, so every API replica
 * may run them. Returns the stop function.
 */
export function startServiceRepair(
  store: Store,
  ranges: AllocationRanges,
  intervalMs: number,
  onError: (error: unknown) => void,
  onRepaired: (summary: string) => void,
): () => void {
  // One pass at a time: a slow pass is not overlapped by the next tick.
  let running = false;
  const pass = () => {
    if (running) return;
    running = true;
    repairServiceAllocations(store, ranges)
      .then((report) => {
        if (report.released.length + report.findings.length === 0) return;
        const released = report.released.map((r) => `${r.value} (${r.namespace}/${r.name})`);
        onRepaired(`released ${released.length} leaked allocation(s) ${released.join(', ')}; ${report.findings.map((f) => `${f.namespace}/${f.name}: ${f.message}`).join('; ')}`);
      })
      .catch(onError)
      .finally(() => {
        running = false;
      });
  };
  pass();
  const timer = intervalMs > 0 ? setInterval(pass, intervalMs) : undefined;
  timer?.unref();
  return () => {
    if (timer) clearInterval(timer);
  };
}
