import type { WheelhouseClient } from '@wheelhouse/client';

/** The 10th address of the service range, as kubeadm gives kube-dns (10.96.0.10 in 10.96.0.0/12). */
export function kubeDnsAddress(serviceCidr: string): string {
  const [address, prefix] = serviceCidr.split('/');
  const octets = (address ?? '').split('.').map(Number);
  const size = 2 ** (32 - Number(prefix));
  const base = octets.reduce((n, o) => n * 256 + o, 0);
  const n = base - (base % size) + 10;
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

const GET = `query { service(namespace: "kube-system", name: "kube-dns") { spec { clusterIP } } }`;
const CREATE = `mutation($input: ServiceInput!) { createService(namespace: "kube-system", input: $input) { spec { clusterIP } } }`;

/**
 * The kube-dns Service in kube-system (API.md "Running"): created on first start with the
 * range's 10th address; an existing one keeps its address. It has no selector: this
 * server answers on its ClusterIP itself (port 53, UDP and TCP). Returns the ClusterIP.
 */
export async function ensureKubeDnsService(client: WheelhouseClient, serviceCidr: string): Promise<string> {
  const existing = await client.request<{ service: { spec: { clusterIP: string } } | null }>(GET);
  if (existing.service) return existing.service.spec.clusterIP;
  const input = {
    metadata: { name: 'kube-dns', labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/name': 'CoreDNS', 'kubernetes.io/cluster-service': 'true' } },
    spec: {
      clusterIP: kubeDnsAddress(serviceCidr),
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
      ],
    },
  };
  try {
    return (await client.request<{ createService: { spec: { clusterIP: string } } }>(CREATE, { input })).createService.spec.clusterIP;
  } catch (error) {
    // Another DNS replica made it first.
    if ((error as { code?: string }).code !== 'ALREADY_EXISTS') throw error;
    return (await client.request<{ service: { spec: { clusterIP: string } } }>(GET)).service.spec.clusterIP;
  }
}
