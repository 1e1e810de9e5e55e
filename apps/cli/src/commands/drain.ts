/**
 * wh drain NODE [--ignore-daemonsets] [--delete-emptydir-data] [--force] [--grace-period N] [--timeout D]:
 * the server cordons and evicts (drainNode); evictions a disruption budget refuses are
 * retried every 5s, as kubectl does; wh prints kubectl's lines and waits until the evicted
 * pods are gone, all within --timeout.
 */
import { listAll } from '@wheelhouse/client';
import { bool, durationSeconds, int, type ParsedArgs } from '../args.js';
import { err, out, withSession, type Command } from '../command.js';
import { UsageError } from '../errors.js';
import { drainFailure, drainWarning, schedulingMessage, timeoutError } from '../drain-report.js';
import { retryBlockedEvictions } from '../drain-retry.js';
import { Session } from '../session.js';
import { isDryRun } from './apply.js';

interface PodRef {
  namespace: string;
  name: string;
}

interface DrainResult {
  cordoned: boolean;
  evicted: PodRef[];
  /** Refused by a disruption budget for now: retried every 5s. */
  blocked: (PodRef & { reason?: string | null })[];
  warnings: string[];
  errors: string[];
}

const DRAIN = `mutation Drain($name: String!, $gracePeriodSeconds: Int, $force: Boolean, $ignoreDaemonSets: Boolean, $deleteEmptyDirData: Boolean, $dryRun: Boolean) {
  drain: drainNode(name: $name, gracePeriodSeconds: $gracePeriodSeconds, force: $force, ignoreDaemonSets: $ignoreDaemonSets, deleteEmptyDirData: $deleteEmptyDirData, dryRun: $dryRun) {
    cordoned evicted { namespace name } blocked { namespace name reason } warnings errors
  }
}`;

const EVICT = `mutation Evict($namespace: String!, $name: String!, $gracePeriodSeconds: Int) {
  evictPod(namespace: $namespace, name: $name, gracePeriodSeconds: $gracePeriodSeconds) { metadata { name } }
}`;

const POLL_MS = 1000;

export const drainCommand: Command = {
  name: 'drain',
  summary: 'Drain a node in preparation for maintenance',
  usage: 'Usage: wh drain NODE [--ignore-daemonsets] [--delete-emptydir-data] [--force] [--grace-period N] [--timeout 5m] [--dry-run]',
  flags: [
    { name: 'ignore-daemonsets' },
    { name: 'delete-emptydir-data' },
    { name: 'force' },
    { name: 'grace-period', value: true },
    { name: 'timeout', value: true },
    { name: 'dry-run', optionalValue: true },
  ],
  async run(args: ParsedArgs) {
    if (args.positionals.length !== 1) throw new UsageError('USAGE: wh drain NODE [flags]', "See 'wh drain --help' for usage.");
    const node = args.positionals[0]!;
    // kubectl: a negative grace period means "the pod's own".
    const grace = int(args, 'grace-period');
    const timeout = durationSeconds(args, 'timeout') ?? 0;
    let remaining = timeout;
    const dryRun = isDryRun(args);
    const session = new Session(args);
    return withSession(session, async () => {
      const { drain } = await session.client.request<{ drain: DrainResult }>(DRAIN, {
        name: node,
        gracePeriodSeconds: grace !== undefined && grace >= 0 ? grace : undefined,
        force: bool(args, 'force'),
        ignoreDaemonSets: bool(args, 'ignore-daemonsets'),
        deleteEmptyDirData: bool(args, 'delete-emptydir-data'),
        dryRun,
      });
      out(schedulingMessage(node, 'cordoned', drain.cordoned, dryRun));
      if (drain.warnings.length) err(drainWarning(drain.warnings));
      const suffix = dryRun ? ' (dry run)' : '';
      for (const pod of [...drain.evicted, ...drain.blocked]) out(`evicting pod ${pod.namespace}/${pod.name}${suffix}`);
      const errors = [...drain.errors];
      const evicted = [...drain.evicted];
      if (!dryRun && drain.blocked.length > 0) {
        // The budgets' refusals are waited out (kubectl drain), within the same --timeout.
        const started = Date.now();
        const retried = await retryBlockedEvictions(drain.blocked, (p) => p.reason ?? '', timeout, {
          evict: async (pod) => {
            await session.client.request(EVICT, { ...pod, gracePeriodSeconds: grace !== undefined && grace >= 0 ? grace : undefined });
          },
          sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
          now: () => Date.now(),
          warn: err,
          attempt: (pod) => out(`evicting pod ${pod.namespace}/${pod.name}`),
        });
        evicted.push(...retried.evicted);
        errors.push(...retried.errors);
        if (timeout > 0) remaining = Math.max(1, timeout - Math.floor((Date.now() - started) / 1000));
      }
      if (!dryRun && errors.length === 0) errors.push(...(await waitUntilGone(session, node, evicted, remaining)));
      if (errors.length) {
        err(drainFailure(node, errors));
        return 1;
      }
      out(`node/${node} drained${suffix}`);
      return 0;
    });
  },
};

/** Prints `pod/x evicted` as each pod disappears; returns kubectl's timeout errors for those that outlive `timeout` (0: wait for ever). */
async function waitUntilGone(session: Session, node: string, evicted: PodRef[], timeout: number): Promise<string[]> {
  const key = (p: { namespace?: string | null; name?: string | null }) => `${p.namespace}/${p.name}`;
  let waiting = evicted;
  const deadline = Date.now() + timeout * 1000;
  for (;;) {
    const { items } = await listAll<{ metadata: { namespace: string; name: string } }>(session.client, {
      plural: 'pods',
      fields: 'metadata { namespace name }',
      fieldSelector: `spec.nodeName=${node}`,
    });
    const present = new Set(items.map((p) => key(p.metadata)));
    const gone = waiting.filter((p) => !present.has(key(p)));
    for (const pod of gone) out(`pod/${pod.name} evicted`);
    waiting = waiting.filter((p) => present.has(key(p)));
    if (waiting.length === 0) return [];
    if (timeout > 0 && Date.now() >= deadline) return waiting.map((p) => timeoutError(p, timeout));
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
