// The shapes the Service, EndpointSlice and Endpoints decisions read and write (Kubernetes JSON).

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol?: string;
}

export interface ServicePodView {
  metadata: { name: string; namespace?: string; uid?: string; labels?: Record<string, string>; deletionTimestamp?: string | null };
  spec?: { nodeName?: string; hostname?: string; subdomain?: string; containers?: { ports?: ContainerPort[] }[] };
  status?: { phase?: string; podIP?: string; podIPs?: { ip: string }[]; conditions?: { type: string; status: string }[] };
}

export interface ServicePort {
  name?: string;
  protocol?: string;
  port: number;
  targetPort?: number | string;
  appProtocol?: string;
}

export interface ServiceView {
  metadata: { name: string; namespace?: string; uid?: string; labels?: Record<string, string>; deletionTimestamp?: string | null };
  spec?: { selector?: Record<string, string>; ports?: ServicePort[]; type?: string; clusterIP?: string; publishNotReadyAddresses?: boolean };
}

export interface EndpointPort {
  name: string;
  protocol: string;
  port: number;
  appProtocol?: string;
}

export interface Endpoint {
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  hostname?: string;
  nodeName?: string;
  zone?: string;
  targetRef: { kind: 'Pod'; namespace?: string; name: string; uid?: string };
}

export interface EndpointSliceView {
  metadata: {
    name?: string;
    generateName?: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    labels?: Record<string, string>;
    ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string; controller?: boolean; blockOwnerDeletion?: boolean }[];
    deletionTimestamp?: string | null;
  };
  addressType: string;
  endpoints?: Endpoint[];
  ports?: EndpointPort[];
}
