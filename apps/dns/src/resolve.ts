import type { Answer as DnsRecord } from 'dns-packet';
import type { ClusterView, DnsEndpoint, DnsService } from './cluster-view.js';

/** The kubernetes plugin's default TTL, short so readiness changes reach clients quickly. */
export const TTL = 5;

export type Rcode = 'NOERROR' | 'NXDOMAIN';

/** An authoritative answer, or `forward` for names outside the cluster domain. */
export type Resolution = { forward: true } | { forward: false; rcode: Rcode; answers: DnsRecord[]; additionals: DnsRecord[]; authorities: DnsRecord[] };

interface Question {
  name: string;
  type: string;
}

/**
 * Answers one question as CoreDNS's kubernetes plugin does (the Kubernetes DNS
 * specification, schema 1.1.0, with `pods insecure`):
 *   <svc>.<ns>.svc.<domain>            A: the ClusterIP; headless: every ready endpoint; ExternalName: CNAME
 *   _<port>._<proto>.<svc>.<ns>.svc…   SRV for a named port (headless: one per ready endpoint)
 *   <hostname|a-b-c-d>.<svc>.<ns>.svc… A of a headless Service's endpoint (pod hostname/subdomain)
 *   a-b-c-d.<ns>.pod.<domain>          A a.b.c.d
 *   d.c.b.a.in-addr.arpa               PTR of a ClusterIP or an endpoint address
 * A name that exists without records of the asked type is NODATA (NOERROR, empty, SOA
 * in authority); a name that does not exist is NXDOMAIN. Other names are forwarded.
 */
export function resolve(question: Question, view: ClusterView, domain = 'cluster.local', depth = 0): Resolution {
  const name = question.name.toLowerCase().replace(/\.$/, '');
  if (name.endsWith('.in-addr.arpa')) return resolveReverse(name, question.type, view, domain);
  if (name !== domain && !name.endsWith(`.${domain}`)) return { forward: true };
  const labels = name === domain ? [] : name.slice(0, -(domain.length + 1)).split('.');
  const soa = soaRecord(domain);
  const nodata = (): Resolution => ({ forward: false, rcode: 'NOERROR', answers: [], additionals: [], authorities: [soa] });
  const nxdomain = (): Resolution => ({ forward: false, rcode: 'NXDOMAIN', answers: [], additionals: [], authorities: [soa] });
  const records = (answers: DnsRecord[], additionals: DnsRecord[] = []): Resolution =>
    answers.length > 0 ? { forward: false, rcode: 'NOERROR', answers, additionals, authorities: [] } : nodata();
  const type = question.type;

  if (labels.length === 0) {
    if (type === 'SOA') return records([soa]);
    if (type === 'NS') return records([{ name: domain, type: 'NS', ttl: TTL, class: 'IN', data: `ns.dns.${domain}` }]);
    return nodata();
  }
  if (labels.length === 1 && labels[0] === 'dns-version') return type === 'TXT' ? records([{ name, type: 'TXT', ttl: TTL, class: 'IN', data: '1.1.0' }]) : nodata();
  const zone = labels[labels.length - 1];
  if (zone === 'pod') return resolvePod(labels, name, type, view, records, nodata, nxdomain);
  if (zone !== 'svc') return nxdomain();
  if (labels.length === 1) return nodata();
  const namespace = labels[labels.length - 2]!;
  if (labels.length === 2) return view.namespaceExists(namespace) ? nodata() : nxdomain();
  const serviceName = labels[labels.length - 3]!;
  const service = view.service(namespace, serviceName);
  if (!service) return nxdomain();
  const serviceFqdn = `${serviceName}.${namespace}.svc.${domain}`;

  if (service.spec?.type === 'ExternalName') {
    if (labels.length !== 3) return nxdomain();
    const target = (service.spec.externalName ?? '').replace(/\.$/, '');
    const cname: DnsRecord = { name, type: 'CNAME', ttl: TTL, class: 'IN', data: target };
    if (type === 'CNAME' || depth > 0) return records([cname]);
    // A target inside the cluster domain is followed here, as a recursive server would.
    const chased = resolve({ name: target, type }, view, domain, depth + 1);
    return records([cname, ...(chased.forward ? [] : chased.answers)]);
  }

  const headless = service.spec?.clusterIP === 'None';
  const ready = readyEndpoints(view, namespace, serviceName);
  if (labels.length === 3) {
    if (type === 'A') {
      if (!headless) return service.spec?.clusterIP ? records([aRecord(name, service.spec.clusterIP)]) : nodata();
      return records(unique(ready.map((e) => e.address)).map((ip) => aRecord(name, ip)));
    }
    if (type === 'SRV') return records(...srvRecords(service, name, serviceFqdn, headless, ready, () => true));
    return nodata();
  }
  if (labels.length === 5 && labels[0]!.startsWith('_') && labels[1]!.startsWith('_')) {
    const portName = labels[0]!.slice(1);
    const protocol = labels[1]!.slice(1).toUpperCase();
    const matches = (p: { name?: string; protocol?: string }) => p.name === portName && (p.protocol ?? 'TCP') === protocol;
    const exists = (service.spec?.ports ?? []).some(matches);
    if (!exists) return nxdomain();
    return type === 'SRV' ? records(...srvRecords(service, name, serviceFqdn, headless, ready, matches)) : nodata();
  }
  if (labels.length === 4 && headless) {
    const endpoint = ready.find((e) => e.name === labels[0]);
    if (!endpoint) return nxdomain();
    return type === 'A' ? records([aRecord(name, endpoint.address)]) : nodata();
  }
  return nxdomain();
}

/**
 * PTR for a Service's ClusterIP (`svc.ns.svc.<domain>`) and for endpoint addresses
 * (`<hostname|a-b-c-d>.svc.ns.svc.<domain>`), as CoreDNS's kubernetes plugin serves its reverse
 * zones; addresses it does not know fall through to the forwarder (`fallthrough in-addr.arpa`).
 */
function resolveReverse(name: string, type: string, view: ClusterView, domain: string): Resolution {
  const octets = name.slice(0, -'.in-addr.arpa'.length).split('.');
  const ip = octets.reverse().join('.');
  if (octets.length !== 4 || !isIpv4(ip)) return { forward: true };
  const targets = [
    ...view.servicesByClusterIP(ip).map((s) => `${s.metadata.name}.${s.metadata.namespace}.svc.${domain}`),
    ...view.endpointsByAddress(ip).map(({ namespace, service, endpoint }) => `${endpointName(endpoint, ip)}.${service}.${namespace}.svc.${domain}`),
  ];
  if (targets.length === 0) return { forward: true };
  if (type !== 'PTR') return { forward: false, rcode: 'NOERROR', answers: [], additionals: [], authorities: [soaRecord(domain)] };
  const answers = unique(targets).map((target): DnsRecord => ({ name, type: 'PTR', ttl: TTL, class: 'IN', data: target }));
  return { forward: false, rcode: 'NOERROR', answers, additionals: [], authorities: [] };
}

type Records = (answers: DnsRecord[], additionals?: DnsRecord[]) => Resolution;

function resolvePod(labels: string[], name: string, type: string, view: ClusterView, records: Records, nodata: () => Resolution, nxdomain: () => Resolution): Resolution {
  if (labels.length === 1) return nodata();
  if (labels.length === 2) return view.namespaceExists(labels[0]!) ? nodata() : nxdomain();
  if (labels.length !== 3) return nxdomain();
  const ip = labels[0]!.replaceAll('-', '.');
  if (!isIpv4(ip)) return nxdomain();
  return type === 'A' ? records([aRecord(name, ip)]) : nodata();
}

/** A headless Service's ready endpoints with their DNS names: the pod's hostname, else the dashed address. */
interface NamedEndpoint {
  address: string;
  name: string;
  ports: { name?: string; protocol?: string; port?: number }[];
}

function readyEndpoints(view: ClusterView, namespace: string, service: string): NamedEndpoint[] {
  const out: NamedEndpoint[] = [];
  for (const slice of view.slices(namespace, service)) {
    if (slice.addressType && slice.addressType !== 'IPv4') continue;
    for (const ep of slice.endpoints ?? []) {
      if (ep.conditions?.ready === false) continue;
      const address = ep.addresses[0];
      if (address) out.push({ address, name: endpointName(ep, address), ports: slice.ports ?? [] });
    }
  }
  return out;
}

function endpointName(ep: DnsEndpoint, address: string): string {
  return ep.hostname || address.replaceAll('.', '-');
}

function srvRecords(
  service: DnsService,
  name: string,
  serviceFqdn: string,
  headless: boolean,
  ready: NamedEndpoint[],
  matches: (p: { name?: string; protocol?: string }) => boolean,
): [DnsRecord[], DnsRecord[]] {
  const answers: DnsRecord[] = [];
  const additionals: DnsRecord[] = [];
  if (!headless) {
    const ports = (service.spec?.ports ?? []).filter((p) => p.name && matches(p));
    const weight = ports.length ? Math.floor(100 / ports.length) : 0;
    for (const p of ports) answers.push(srvRecord(name, p.port, serviceFqdn, weight));
    if (answers.length && service.spec?.clusterIP) additionals.push(aRecord(serviceFqdn, service.spec.clusterIP));
    return [answers, additionals];
  }
  const targets = ready.flatMap((e) => e.ports.filter((p) => p.name && matches(p) && p.port).map((p) => ({ e, port: p.port! })));
  const weight = targets.length ? Math.floor(100 / targets.length) : 0;
  for (const { e, port } of targets) {
    const target = `${e.name}.${serviceFqdn}`;
    answers.push(srvRecord(name, port, target, weight));
    if (!additionals.some((a) => a.name === target)) additionals.push(aRecord(target, e.address));
  }
  return [answers, additionals];
}

function srvRecord(name: string, port: number, target: string, weight: number): DnsRecord {
  return { name, type: 'SRV', ttl: TTL, class: 'IN', data: { priority: 0, weight, port, target } };
}

function aRecord(name: string, ip: string): DnsRecord {
  return { name, type: 'A', ttl: TTL, class: 'IN', data: ip };
}

function soaRecord(domain: string): DnsRecord {
  // The serial moves every few minutes as CoreDNS's does; negative answers are cached for the TTL.
  const serial = Math.floor(Date.now() / 1000 / 300);
  return {
    name: domain,
    type: 'SOA',
    ttl: TTL,
    class: 'IN',
    data: { mname: `ns.dns.${domain}`, rname: `hostmaster.${domain}`, serial, refresh: 7200, retry: 1800, expire: 86400, minimum: TTL },
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function isIpv4(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}
