// The processes `npm start` runs, in start order. Adding a component is one line here;
// an entry whose script is not built yet is skipped with a log line.
import { healthzUrl } from './urls.js';

export interface UrlContext {
  /** Base URL of the API, e.g. http://127.0.0.1:4000. */
  apiUrl: string;
  env: NodeJS.ProcessEnv;
}

export interface ComponentSpec {
  name: string;
  /** Node entry script, relative to the repository root. */
  entry: string;
  /** Only the API opens the database; everyone else goes through the API. */
  needsDb: boolean;
  /** When set, the next component starts only after this URL answers 200. */
  healthUrl?: (ctx: UrlContext) => string;
  /** Command-line arguments of the entry script. */
  args?: (ctx: UrlContext) => string[];
  /** False: not started (a side component turned off with its port set to 0). */
  enabled?: (ctx: UrlContext) => boolean;
}

export const COMPONENTS: readonly ComponentSpec[] = [
  { name: 'api', entry: 'apps/api/dist/main.js', needsDb: true, healthUrl: (c) => healthzUrl(c.apiUrl) },
  { name: 'controller-manager', entry: 'apps/controller-manager/dist/main.js', needsDb: false },
  { name: 'scheduler', entry: 'apps/scheduler/dist/main.js', needsDb: false },
  // Cluster DNS on the kube-dns Service's ClusterIP (127.16.0.10), port WHEELHOUSE_DNS_PORT (53; 0 turns it off).
  { name: 'dns', entry: 'apps/dns/dist/main.js', needsDb: false, enabled: (c) => c.env.WHEELHOUSE_DNS_PORT?.trim() !== '0' },
  // The host's node: runtime WHEELHOUSE_NODE_RUNTIME (process by default), named after the host, kubelet port 10250.
  { name: 'node-agent', entry: 'apps/node-agent/dist/main.js', needsDb: false },
  // kwok mode: runs every Node annotated wheelhouse.io/simulated=true, plus WHEELHOUSE_SIMULATED_NODES of its own.
  {
    name: 'node-agent-simulated',
    entry: 'apps/node-agent/dist/main.js',
    needsDb: false,
    args: (c) => ['--runtime', 'simulated', '--manage-annotated', '--nodes', c.env.WHEELHOUSE_SIMULATED_NODES || '0', '--port', '0'],
  },
  { name: 'dashboard', entry: 'apps/dashboard/server.mjs', needsDb: false },
  // The edge proxy for the default IngressClass `wheelhouse`: HTTP on WHEELHOUSE_INGRESS_HTTP_PORT (8080), HTTPS on
  // WHEELHOUSE_INGRESS_HTTPS_PORT (8443); off when both are 0. One instance (see apps/ingress-controller/src/main.ts).
  {
    name: 'ingress-controller',
    entry: 'apps/ingress-controller/dist/main.js',
    needsDb: false,
    enabled: (c) => !(c.env.WHEELHOUSE_INGRESS_HTTP_PORT?.trim() === '0' && c.env.WHEELHOUSE_INGRESS_HTTPS_PORT?.trim() === '0'),
  },
];
