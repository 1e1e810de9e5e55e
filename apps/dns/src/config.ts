/** Settings of the DNS process (README "Cluster DNS"). */
export interface DnsConfig {
  server: string;
  /** Where to listen; absent: the kube-dns Service's ClusterIP. */
  address?: string;
  port: number;
  domain: string;
  serviceCidr: string;
  forwardTimeoutMs: number;
}

export function dnsConfigFromEnv(env: NodeJS.ProcessEnv): DnsConfig {
  return {
    server: env.WHEELHOUSE_SERVER ?? `http://127.0.0.1:${env.PORT ?? 4000}/graphql`,
    address: env.WHEELHOUSE_DNS_ADDRESS?.trim() || undefined,
    port: env.WHEELHOUSE_DNS_PORT ? Number(env.WHEELHOUSE_DNS_PORT) : 53,
    domain: env.WHEELHOUSE_CLUSTER_DOMAIN?.trim() || 'cluster.local',
    serviceCidr: env.WHEELHOUSE_SERVICE_CIDR?.trim() || '127.16.0.0/12',
    forwardTimeoutMs: env.WHEELHOUSE_DNS_FORWARD_TIMEOUT_MS ? Number(env.WHEELHOUSE_DNS_FORWARD_TIMEOUT_MS) : 2000,
  };
}
