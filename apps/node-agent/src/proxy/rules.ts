// What the service proxy programs: one rule per address:port it listens on, and the
// backends it balances over. Computed by `decide` from Services and EndpointSlices.
import type { EndpointSlice, Service } from '@wheelhouse/model';

export type ProxyProtocol = 'TCP' | 'UDP' | 'SCTP';

export interface Backend {
  ip: string;
  port: number;
}

export interface ProxyRule {
  /** `<protocol>/<address>:<port>`: what is listened on; unique among the rules. */
  key: string;
  /** `<namespace>/<name>:<port name>`, as kube-proxy names a service port. */
  servicePort: string;
  kind: 'ClusterIP' | 'NodePort';
  protocol: ProxyProtocol;
  address: string;
  port: number;
  backends: Backend[];
  /** sessionAffinity ClientIP: how long a client sticks to its backend. */
  affinityTimeoutSeconds?: number;
}

export interface ProxyInputs {
  services: Service[];
  slices: EndpointSlice[];
}

export interface ProxyScope {
  /** The node's address: NodePorts listen there. */
  nodeIP: string;
  /** The node's name, for internalTrafficPolicy Local. */
  nodeName: string;
}
