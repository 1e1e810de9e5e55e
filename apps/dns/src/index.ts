export { resolve, TTL, type Resolution } from './resolve.js';
export type { ClusterView, DnsService, DnsSlice, DnsEndpoint } from './cluster-view.js';
export { startDnsServer, type DnsServer } from './server.js';
export { handleQuery, type QueryContext } from './handle-query.js';
export { forwardQuery, upstreamsFromEnv, upstreamsFromResolvConf, type Upstream } from './forward.js';
export { ensureKubeDnsService, kubeDnsAddress } from './kube-dns-service.js';
export { watchCluster } from './informer-view.js';
