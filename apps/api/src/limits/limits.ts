/**
 * What one request may cost the API (issue 14: limits that keep the control plane up).
 * Defaults follow Kubernetes where it has one (3 MiB request bodies, 500-item pages
 * are common; kube-apiserver caps a body at 3 MB) and are sized from the largest
 * documents our own clients send (a pod's full selection set: ~1,300 tokens, depth 12).
 */
export interface ApiLimits {
  /** Request body (HTTP) and WebSocket message size: larger is 413 / close 1009. */
  maxBodyBytes: number;
  /** Time a WebSocket gets to send an authenticated `connection_init`. */
  connectionInitTimeoutMs: number;
  /** GraphQL document limits, checked while parsing and before execution. */
  maxTokens: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxCost: number;
  /** Largest `limit` of a list; a larger one is served as this many with a `continue` token (as kube-apiserver caps pages). */
  maxListLimit: number;
  /** Requests of one token running at once, and waiting for a seat, before 429. */
  perTokenConcurrency: number;
  perTokenQueue: number;
  /** How long a queued request waits for a seat before 429. */
  queueWaitMs: number;
  /** The same for system identities (node agents) and leader election, a separate budget. */
  systemConcurrency: number;
  systemQueue: number;
  /** Watches one token may hold open. */
  maxWatchesPerToken: number;
}

export const DEFAULT_LIMITS: ApiLimits = {
  maxBodyBytes: 3 * 1024 * 1024,
  connectionInitTimeoutMs: 10_000,
  maxTokens: 10_000,
  maxDepth: 20,
  maxAliases: 30,
  maxDirectives: 50,
  maxCost: 50_000,
  maxListLimit: 5_000,
  perTokenConcurrency: 32,
  perTokenQueue: 256,
  queueWaitMs: 10_000,
  systemConcurrency: 64,
  systemQueue: 2_000,
  maxWatchesPerToken: 5_000,
};

const ENV: Record<keyof ApiLimits, string> = {
  maxBodyBytes: 'WHEELHOUSE_MAX_BODY_BYTES',
  connectionInitTimeoutMs: 'WHEELHOUSE_WS_INIT_TIMEOUT_MS',
  maxTokens: 'WHEELHOUSE_GRAPHQL_MAX_TOKENS',
  maxDepth: 'WHEELHOUSE_GRAPHQL_MAX_DEPTH',
  maxAliases: 'WHEELHOUSE_GRAPHQL_MAX_ALIASES',
  maxDirectives: 'WHEELHOUSE_GRAPHQL_MAX_DIRECTIVES',
  maxCost: 'WHEELHOUSE_GRAPHQL_MAX_COST',
  maxListLimit: 'WHEELHOUSE_MAX_LIST_LIMIT',
  perTokenConcurrency: 'WHEELHOUSE_MAX_INFLIGHT_PER_TOKEN',
  perTokenQueue: 'WHEELHOUSE_MAX_QUEUED_PER_TOKEN',
  queueWaitMs: 'WHEELHOUSE_QUEUE_WAIT_MS',
  systemConcurrency: 'WHEELHOUSE_MAX_INFLIGHT_SYSTEM',
  systemQueue: 'WHEELHOUSE_MAX_QUEUED_SYSTEM',
  maxWatchesPerToken: 'WHEELHOUSE_MAX_WATCHES_PER_TOKEN',
};

/** Defaults, overridden by the environment variables named in ENV (README "Environment"). */
export function limitsFromEnv(env: NodeJS.ProcessEnv): ApiLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const [key, name] of Object.entries(ENV) as [keyof ApiLimits, string][]) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${name}: must be a positive integer, got "${raw}"`);
    limits[key] = value;
  }
  return limits;
}
