// A pod's own /etc/resolv.conf, /etc/hosts and /etc/hostname (pure), as the kubelet makes
// them: pkg/kubelet/network/dns (GetPodDNS: dnsPolicy, dnsConfig, the cluster search list
// and ndots:5) and pkg/kubelet/kubelet_pods.go (managedHostsFileContent, hostAliases).
import type { Pod } from '@wheelhouse/model';
import type { PodEtcFiles } from '../runtime/runtime.js';

export interface ResolvConf {
  nameservers: string[];
  searches: string[];
  options: string[];
}

export interface ClusterDnsSettings {
  /** The kubelet's --cluster-dns: the kube-dns Service's address. Empty: pods fall back to the host's resolver. */
  clusterDNS: string[];
  clusterDomain: string;
  /** The host's resolv.conf (the kubelet's --resolv-conf), for dnsPolicy Default and the extra search domains. */
  host: ResolvConf;
}

const MAX_NAMESERVERS = 3;
const MAX_SEARCHES = 32;

/** The parts of a resolv.conf file the kubelet reads. */
export function parseResolvConf(text: string): ResolvConf {
  const conf: ResolvConf = { nameservers: [], searches: [], options: [] };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const [keyword, ...values] = line.split(/\s+/);
    if (keyword === 'nameserver' && values[0]) conf.nameservers.push(values[0]);
    // The last search line wins, as in the resolver.
    if (keyword === 'search') conf.searches = values.filter((s) => s !== '.');
    if (keyword === 'options') conf.options.push(...values);
  }
  return conf;
}

const unique = (items: string[]) => [...new Set(items)];

/** mergeDNSOptions: a later option of the same name replaces an earlier one. */
function mergeOptions(existing: string[], extra: { name?: string | null; value?: string | null }[]): string[] {
  const byName = new Map<string, string>();
  for (const option of existing) byName.set(option.split(':')[0]!, option);
  for (const option of extra) {
    if (!option.name) continue;
    byName.set(option.name, option.value === undefined || option.value === null ? option.name : `${option.name}:${option.value}`);
  }
  return [...byName.values()];
}

/** The pod's resolv.conf content per dnsPolicy and dnsConfig (GetPodDNS). */
export function podResolvConf(pod: Pod, settings: ClusterDnsSettings): ResolvConf {
  const spec = pod.spec ?? {};
  let policy = spec.dnsPolicy || 'ClusterFirst';
  // A host-network pod uses the host's DNS unless it asks for ClusterFirstWithHostNet.
  if (policy === 'ClusterFirst' && spec.hostNetwork) policy = 'Default';
  if (policy === 'ClusterFirstWithHostNet') policy = 'ClusterFirst';
  // Without a cluster DNS the kubelet falls back to the host's (with an event; here the node's log says so once).
  if (policy === 'ClusterFirst' && settings.clusterDNS.length === 0) policy = 'Default';
  let conf: ResolvConf;
  if (policy === 'None') conf = { nameservers: [], searches: [], options: [] };
  else if (policy === 'Default') conf = { ...settings.host, nameservers: [...settings.host.nameservers] };
  else {
    const domain = settings.clusterDomain;
    const namespace = pod.metadata.namespace ?? 'default';
    conf = {
      nameservers: [...settings.clusterDNS],
      searches: [`${namespace}.svc.${domain}`, `svc.${domain}`, domain, ...settings.host.searches],
      options: ['ndots:5'],
    };
  }
  const extra = spec.dnsConfig as { nameservers?: string[]; searches?: string[]; options?: { name?: string; value?: string }[] } | null | undefined;
  if (extra) {
    conf = {
      nameservers: unique([...conf.nameservers, ...(extra.nameservers ?? [])]),
      searches: unique([...conf.searches, ...(extra.searches ?? [])]),
      options: mergeOptions(conf.options, extra.options ?? []),
    };
  }
  return { nameservers: conf.nameservers.slice(0, MAX_NAMESERVERS), searches: unique(conf.searches).slice(0, MAX_SEARCHES), options: conf.options };
}

export function formatResolvConf(conf: ResolvConf): string {
  const lines = conf.nameservers.map((ns) => `nameserver ${ns}`);
  if (conf.searches.length) lines.push(`search ${conf.searches.join(' ')}`);
  if (conf.options.length) lines.push(`options ${conf.options.join(' ')}`);
  return `${lines.join('\n')}\n`;
}

/** The pod's hostname: spec.hostname, else its name cut to 63 characters (truncatePodHostnameIfNeeded). */
export function podHostname(pod: Pod): string {
  const name = pod.spec?.hostname || pod.metadata.name || '';
  return name.length > 63 ? name.slice(0, 63).replace(/[-.]+$/, '') : name;
}

/** managedHostsFileContent: localhost, the pod's own address and name, then spec.hostAliases. */
export function podHostsFile(pod: Pod, podIP: string, clusterDomain: string): string {
  const hostname = podHostname(pod);
  const lines = [
    '# Kubernetes-managed hosts file.',
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'fe00::0\tip6-mcastprefix',
    'fe00::1\tip6-allnodes',
    'fe00::2\tip6-allrouters',
  ];
  const subdomain = pod.spec?.subdomain;
  if (subdomain) lines.push(`${podIP}\t${hostname}.${subdomain}.${pod.metadata.namespace}.svc.${clusterDomain}\t${hostname}`);
  else lines.push(`${podIP}\t${hostname}`);
  const aliases = pod.spec?.hostAliases ?? [];
  if (aliases.length) {
    lines.push('', '# Entries added by HostAliases.');
    for (const alias of aliases) lines.push(`${alias.ip}\t${(alias.hostnames ?? []).join('\t')}`);
  }
  return `${lines.join('\n')}\n`;
}

export function podEtcFiles(pod: Pod, podIP: string, settings: ClusterDnsSettings): PodEtcFiles {
  const hostname = podHostname(pod);
  return { hosts: podHostsFile(pod, podIP, settings.clusterDomain), resolvConf: formatResolvConf(podResolvConf(pod, settings)), hostname: `${hostname}\n` };
}
