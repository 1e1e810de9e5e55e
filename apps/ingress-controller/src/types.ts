/** The parts of networking.k8s.io/v1 objects the controller reads (JSON as the API returns it). */
export interface ServiceBackend {
  name: string;
  port: { name?: string; number?: number };
}
export interface IngressPath {
  path?: string;
  pathType?: string;
  backend: { service?: ServiceBackend };
}
export interface IngressObject {
  metadata: { name: string; namespace: string; uid?: string; creationTimestamp?: string; annotations?: Record<string, string> };
  spec?: {
    ingressClassName?: string;
    defaultBackend?: { service?: ServiceBackend };
    tls?: { hosts?: string[]; secretName?: string }[];
    rules?: { host?: string; http?: { paths?: IngressPath[] } }[];
  };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}
export interface IngressClassObject {
  metadata: { name: string; annotations?: Record<string, string> };
  spec?: { controller?: string };
}

/** Where a matched request goes: a Service port in the Ingress namespace. */
export interface Target {
  ingress: string;
  namespace: string;
  service: string;
  port: { name?: string; number?: number };
}
