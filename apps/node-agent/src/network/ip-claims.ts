// Durable pod IP claims: one file per address under `<rootDir>/network/<ip>`
// holding the owner (the pod UID), as CNI host-local keeps them, so an agent
// restart gives every pod its address back.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IpAllocator } from './ip-allocator.js';

export class PersistentIpAllocator {
  private readonly allocator: IpAllocator;

  constructor(
    private readonly dir: string,
    cidr: string,
  ) {
    mkdirSync(dir, { recursive: true });
    const claims: [string, string][] = [];
    for (const entry of readdirSync(dir)) {
      if (!/^[0-9.]+$/.test(entry)) continue;
      claims.push([entry, readFileSync(join(dir, entry), 'utf8').trim()]);
    }
    this.allocator = new IpAllocator(cidr, claims);
    // Drop files the range no longer accepts (e.g. the node's pod CIDR changed).
    for (const [ip, owner] of claims) if (this.allocator.ipOf(owner) !== ip) rmSync(join(dir, ip), { force: true });
  }

  get cidr(): string {
    return this.allocator.range.cidr;
  }

  allocate(owner: string, requested?: string): string {
    const held = this.allocator.ipOf(owner);
    const ip = this.allocator.allocate(owner, requested);
    if (held !== ip) {
      const tmp = join(this.dir, `.${ip}.tmp`);
      writeFileSync(tmp, owner);
      renameSync(tmp, join(this.dir, ip));
    }
    return ip;
  }

  release(owner: string): void {
    const ip = this.allocator.release(owner);
    if (ip) rmSync(join(this.dir, ip), { force: true });
  }

  ipOf(owner: string): string | undefined {
    return this.allocator.ipOf(owner);
  }
}
