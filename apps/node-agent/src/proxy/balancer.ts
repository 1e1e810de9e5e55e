// Which backend a new connection goes to: round-robin per rule (the userspace
// kube-proxy's LoadBalancerRR), a client sticking to its backend for the rule's
// ClientIP affinity timeout while that backend stays in the rule.
import type { Backend, ProxyRule } from './rules.js';

interface RuleState {
  next: number;
  sticky: Map<string, { backend: string; expiresAt: number }>;
}

const id = (b: Backend) => `${b.ip}:${b.port}`;

export class Balancer {
  private readonly states = new Map<string, RuleState>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The backend for a connection from `clientIP`; `skip` holds backends that just failed. */
  pick(rule: ProxyRule, clientIP: string, skip: ReadonlySet<string> = new Set()): Backend | undefined {
    const candidates = rule.backends.filter((b) => !skip.has(id(b)));
    if (candidates.length === 0) return undefined;
    const state = this.states.get(rule.key) ?? { next: 0, sticky: new Map() };
    this.states.set(rule.key, state);
    const now = this.now();
    if (rule.affinityTimeoutSeconds !== undefined) {
      const held = state.sticky.get(clientIP);
      const backend = held && held.expiresAt > now ? candidates.find((b) => id(b) === held.backend) : undefined;
      if (backend) {
        held!.expiresAt = now + rule.affinityTimeoutSeconds * 1000;
        return backend;
      }
    }
    const backend = candidates[state.next % candidates.length]!;
    state.next = (state.next + 1) % Math.max(candidates.length, 1);
    if (rule.affinityTimeoutSeconds !== undefined) state.sticky.set(clientIP, { backend: id(backend), expiresAt: now + rule.affinityTimeoutSeconds * 1000 });
    return backend;
  }

  /** Forgets rules no longer programmed and expired affinities. */
  prune(keys: ReadonlySet<string>): void {
    const now = this.now();
    for (const [key, state] of this.states) {
      if (!keys.has(key)) this.states.delete(key);
      else for (const [client, held] of state.sticky) if (held.expiresAt <= now) state.sticky.delete(client);
    }
  }
}

export const backendId = id;
