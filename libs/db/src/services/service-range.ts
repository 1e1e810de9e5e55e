/**
 * The ranges the API allocates Service values from (API.md "Running"): ClusterIPs from
 * WHEELHOUSE_SERVICE_CIDR (IPv4, default 127.16.0.0/12, on loopback) and NodePorts from
 * 30000-32767. Each range has Kubernetes' static band at its bottom (KEP-3070/3668):
 * values picked by the API come from above it first, so values users ask for (kube-dns
 * at the 10th address) are rarely taken already.
 */
export interface ValueRange {
  /** How the range is named in messages: `127.16.0.0/12`, `30000-32767`. */
  text: string;
  /** First and last usable value, as numbers. */
  first: number;
  last: number;
  /** Values below this are the static band. */
  dynamicFrom: number;
}

export const DEFAULT_SERVICE_CIDR = '127.16.0.0/12';
export const DEFAULT_NODE_PORT_RANGE = '30000-32767';

export function ipToNumber(ip: string): number | undefined {
  const octets = ip.split('.');
  if (octets.length !== 4 || !octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255)) return undefined;
  return octets.reduce((n, o) => n * 256 + Number(o), 0);
}

export function numberToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** calculateRangeOffset of Kubernetes' allocators: size/16, at least 16, at most 256. */
function staticBand(size: number): number {
  return Math.min(256, Math.max(16, Math.floor(size / 16)));
}

/** An IPv4 CIDR as a range; the network and broadcast addresses are never handed out. */
export function parseServiceCidr(cidr: string): ValueRange {
  const [address, prefixText] = cidr.split('/');
  const base = address === undefined ? undefined : ipToNumber(address);
  const prefix = Number(prefixText);
  if (base === undefined || !Number.isInteger(prefix) || prefix < 8 || prefix > 30) {
    throw new Error(`WHEELHOUSE_SERVICE_CIDR: an IPv4 CIDR between /8 and /30, got "${cidr}"`);
  }
  const size = 2 ** (32 - prefix);
  const network = base - (base % size);
  if (network !== base) throw new Error(`WHEELHOUSE_SERVICE_CIDR: "${cidr}" has host bits set (did you mean ${numberToIp(network)}/${prefix}?)`);
  return { text: cidr, first: network + 1, last: network + size - 2, dynamicFrom: Math.min(network + 1 + staticBand(size - 2), network + size - 2) };
}

export function parseNodePortRange(text: string): ValueRange {
  const match = /^(\d+)-(\d+)$/.exec(text);
  const first = Number(match?.[1]);
  const last = Number(match?.[2]);
  if (!match || first < 1 || last > 65535 || first > last) throw new Error(`WHEELHOUSE_SERVICE_NODE_PORT_RANGE: a range such as 30000-32767, got "${text}"`);
  const size = last - first + 1;
  return { text, first, last, dynamicFrom: Math.min(first + staticBand(size), last) };
}

export function inRange(range: ValueRange, value: number): boolean {
  return value >= range.first && value <= range.last;
}

/** The nth address of a CIDR (kube-dns takes the 10th, as kubeadm does). */
export function nthAddress(range: ValueRange, n: number): string {
  return numberToIp(range.first - 1 + n);
}

/**
 * Up to `count` distinct random candidates, from the dynamic band first (the static band
 * only when the dynamic band is short), skipping `exclude`.
 */
export function randomCandidates(range: ValueRange, count: number, exclude: ReadonlySet<number>, random: () => number = Math.random): number[] {
  const out = new Set<number>();
  const bands: [number, number][] = [
    [range.dynamicFrom, range.last],
    [range.first, range.dynamicFrom - 1],
  ];
  for (const [lo, hi] of bands) {
    const size = hi - lo + 1;
    if (size <= 0) continue;
    // Random start then a linear walk, as the allocators' random-scan strategy: terminates on a full band.
    const start = Math.floor(random() * size);
    for (let i = 0; i < size && out.size < count; i++) {
      const value = lo + ((start + i * stride(size)) % size);
      if (!exclude.has(value)) out.add(value);
    }
    if (out.size >= count) break;
  }
  return [...out];
}

/** A step co-prime with the band size so the walk spreads candidates yet visits every value once. */
function stride(size: number): number {
  let step = Math.max(1, Math.floor(size / 7) + 1);
  while (gcd(step, size) !== 1) step++;
  return step;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
