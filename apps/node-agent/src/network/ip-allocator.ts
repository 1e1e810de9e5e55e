// Pod IP allocation from a node's pod range, in memory and free of I/O
// (persistence is ip-claims.ts). Like CNI host-local it hands addresses out in
// sequence after the last one given, so a released address is not reused at once.
import { isUsable, ipToNumber, numberToIp, parseLoopbackCidr, type Ipv4Range } from './cidr.js';

export class IpRangeExhaustedError extends Error {}

export class IpAllocator {
  readonly range: Ipv4Range;
  private readonly ownerByIp = new Map<number, string>();
  private readonly ipByOwner = new Map<string, number>();
  private last: number;

  /** `claims`: addresses already held (e.g. loaded after a restart), as [ip, owner]. */
  constructor(cidr: string, claims: Iterable<[string, string]> = []) {
    this.range = parseLoopbackCidr(cidr);
    this.last = this.range.network;
    for (const [ip, owner] of claims) {
      const n = ipToNumber(ip);
      if (isUsable(this.range, n) && !this.ownerByIp.has(n) && !this.ipByOwner.has(owner)) this.claim(n, owner);
    }
  }

  /**
   * The owner's address: the one it holds, else `requested` when that is in the
   * range and free, else the next free one. Throws IpRangeExhaustedError when none is left.
   */
  allocate(owner: string, requested?: string): string {
    const held = this.ipByOwner.get(owner);
    if (held !== undefined) return numberToIp(held);
    const wanted = requested ? ipToNumber(requested) : undefined;
    if (wanted !== undefined && isUsable(this.range, wanted) && !this.ownerByIp.has(wanted)) return this.claim(wanted, owner);
    const size = this.range.broadcast - this.range.network + 1;
    for (let step = 1; step <= size; step++) {
      const candidate = this.range.network + ((this.last - this.range.network + step) % size);
      if (isUsable(this.range, candidate) && !this.ownerByIp.has(candidate)) {
        this.last = candidate;
        return this.claim(candidate, owner);
      }
    }
    throw new IpRangeExhaustedError(`no IP addresses available in range set: ${numberToIp(this.range.network + 1)}-${numberToIp(this.range.broadcast - 1)}`);
  }

  /** Frees the owner's address; returns it, or undefined when it held none. */
  release(owner: string): string | undefined {
    const n = this.ipByOwner.get(owner);
    if (n === undefined) return undefined;
    this.ipByOwner.delete(owner);
    this.ownerByIp.delete(n);
    return numberToIp(n);
  }

  ipOf(owner: string): string | undefined {
    const n = this.ipByOwner.get(owner);
    return n === undefined ? undefined : numberToIp(n);
  }

  get allocatedCount(): number {
    return this.ipByOwner.size;
  }

  private claim(n: number, owner: string): string {
    this.ownerByIp.set(n, owner);
    this.ipByOwner.set(owner, n);
    return numberToIp(n);
  }
}
