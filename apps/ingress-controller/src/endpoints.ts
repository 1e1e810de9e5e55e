/** The slices of Service and EndpointSlice the controller reads. */
export interface ServiceView {
  spec?: { ports?: { name?: string; port?: number; targetPort?: number | string }[] };
}
export interface SliceView {
  endpoints?: { addresses?: string[]; conditions?: { ready?: boolean } }[];
  ports?: { name?: string; port?: number }[];
}

export interface Upstream {
  host: string;
  port: number;
}

/**
 * The ready `ip:port`s behind one Service port (by number or name), read from its
 * EndpointSlices as ingress-nginx does: the slice port carries the Service port's name.
 */
export function readyUpstreams(service: ServiceView | undefined, slices: readonly SliceView[], port: { name?: string; number?: number }): Upstream[] {
  const servicePort = service?.spec?.ports?.find((p) => (port.name ? p.name === port.name : p.port === port.number));
  if (!servicePort) return [];
  const portName = servicePort.name ?? '';
  const out: Upstream[] = [];
  const seen = new Set<string>();
  for (const slice of slices) {
    const slicePort = slice.ports?.find((p) => (p.name ?? '') === portName)?.port;
    if (slicePort === undefined) continue;
    for (const endpoint of slice.endpoints ?? []) {
      if (endpoint.conditions?.ready === false) continue;
      for (const host of endpoint.addresses ?? []) {
        const key = `${host}:${slicePort}`;
        if (!seen.has(key)) out.push({ host, port: slicePort });
        seen.add(key);
      }
    }
  }
  return out;
}
