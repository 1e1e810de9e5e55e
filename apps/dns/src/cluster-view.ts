/** What the DNS server reads of the cluster: Services and their EndpointSlices (Kubernetes JSON). */

export interface DnsServicePort {
  name?: string;
  protocol?: string;
  port: number;
}

export interface DnsService {
  metadata: { name: string; namespace?: string };
  spec?: { type?: string; clusterIP?: string; externalName?: string; ports?: DnsServicePort[] };
}

export interface DnsEndpoint {
  addresses: string[];
  conditions?: { ready?: boolean };
  hostname?: string;
}

export interface DnsSlice {
  addressType?: string;
  endpoints?: DnsEndpoint[];
  ports?: { name?: string; protocol?: string; port?: number }[];
}

/** Lookups the resolver needs; the server backs them with informer caches. */
export interface ClusterView {
  service(namespace: string, name: string): DnsService | undefined;
  /** The EndpointSlices labelled kubernetes.io/service-name=<name> in the namespace. */
  slices(namespace: string, service: string): DnsSlice[];
  namespaceExists(namespace: string): boolean;
  /** Services whose ClusterIP is this address (for PTR). */
  servicesByClusterIP(ip: string): DnsService[];
  /** Ready or not, the endpoints with this address, named by their Service (for PTR). */
  endpointsByAddress(ip: string): { namespace: string; service: string; endpoint: DnsEndpoint }[];
}
