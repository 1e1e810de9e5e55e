/**
 * wh logs POD|KIND/NAME|-l SELECTOR [-c C] [-f] [--tail N] [--since 5m] [-p] [--timestamps]
 * [--all-containers] [--prefix] [--max-log-requests N]: container logs from the pods' node agents.
 */
import { WheelhouseError } from '@wheelhouse/client';
import { PodKind, type KindInfo } from '@wheelhouse/resources';
import { bool, durationSeconds, int, str, type ParsedArgs } from '../args.js';
import { err, out, withSession, type Command } from '../command.js';
import { CliError, notFoundError, UsageError } from '../errors.js';
import { lowerPlural, qualifiedKind, resolveKind } from '../kinds.js';
import { chooseContainer, firstPod, lineCount, logPrefix, prefixLines, selectorText } from '../log-container.js';
import { emptyMessage } from '../print/empty-message.js';
import type { KubeObj } from '../print/object.js';
import { Session } from '../session.js';

const USAGE = 'Usage: wh logs POD|deployment/NAME|-l SELECTOR [-c CONTAINER] [-f] [--tail N] [--since 5m] [-p] [--timestamps] [--all-containers] [--prefix] [--max-log-requests N]';

const LOGS = `query PodLogs($namespace: String, $name: String!, $container: String, $tailLines: Int, $sinceSeconds: Int, $previous: Boolean, $timestamps: Boolean) {
  logs: podLogs(namespace: $namespace, name: $name, container: $container, tailLines: $tailLines, sinceSeconds: $sinceSeconds, previous: $previous, timestamps: $timestamps)
}`;
const FOLLOW = `subscription FollowPodLogs($namespace: String, $name: String!, $container: String, $tailLines: Int, $timestamps: Boolean) {
  line: followPodLogs(namespace: $namespace, name: $name, container: $container, tailLines: $tailLines, timestamps: $timestamps)
}`;

/** One container's log to read: its pod, its name, and the prefix `--prefix` puts on its lines. */
interface Target {
  pod: string;
  container: string;
  prefix?: string;
}

interface Request {
  tailLines?: number;
  sinceSeconds?: number;
  previous?: boolean;
  timestamps?: boolean;
}

export const logsCommand: Command = {
  name: 'logs',
  summary: 'Print the logs of a container in a pod',
  usage: USAGE,
  flags: [
    { name: 'container', short: 'c', value: true },
    { name: 'follow', short: 'f' },
    { name: 'tail', value: true },
    { name: 'since', value: true },
    { name: 'previous', short: 'p' },
    { name: 'timestamps' },
    { name: 'all-containers' },
    { name: 'selector', short: 'l', value: true },
    { name: 'prefix' },
    { name: 'max-log-requests', value: true },
  ],
  async run(args: ParsedArgs) {
    const selector = str(args, 'selector');
    if (selector !== undefined && args.positionals.length) throw new UsageError('only one of a selector or a pod name may be given', USAGE);
    const ref = selector === undefined ? podRef(args.positionals) : undefined;
    const tail = int(args, 'tail');
    const request: Request = {
      // kubectl: every line for one pod, the last 10 per container for a selector (--tail=-1: every line).
      tailLines: tail !== undefined ? (tail >= 0 ? tail : undefined) : selector !== undefined ? 10 : undefined,
      sinceSeconds: durationSeconds(args, 'since'),
      previous: bool(args, 'previous') || undefined,
      timestamps: bool(args, 'timestamps') || undefined,
    };
    const maxRequests = int(args, 'max-log-requests') ?? 5;
    const session = new Session(args);
    return withSession(session, async () => {
      const pods = ref ? [await findPod(session, ref)] : await session.list(PodKind, { labelSelector: selector });
      if (pods.length === 0) {
        err(emptyMessage([PodKind], session.namespace));
        return 0;
      }
      const targets = pods.flatMap((pod) => targetsOf(pod, args));
      if (!bool(args, 'follow') || request.previous) {
        for (const t of targets) process.stdout.write(prefixLines(await fetchLogs(session, t, request), t.prefix));
        return 0;
      }
      if (targets.length > maxRequests) {
        throw new CliError(
          `you are attempting to follow ${targets.length} log streams, but maximum allowed concurrency is ${maxRequests}, use --max-log-requests to increase the limit`,
        );
      }
      // The follow stream has no time window: start each from as many lines as the window holds.
      const tails = await Promise.all(targets.map(async (t) => (request.sinceSeconds === undefined ? request.tailLines : lineCount(await fetchLogs(session, t, request)))));
      return followAll(session, targets, tails, request.timestamps);
    });
  },
};

/** `web`, `pod/web`, or `deployment/web` (also rs, rc): a workload's logs are its first pod's, as kubectl's. */
function podRef(positionals: string[]): { kind: KindInfo; name: string } {
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'logs takes one pod' : 'a pod name or a selector (-l) is required', USAGE);
  const [first] = positionals as [string];
  if (!first.includes('/')) return { kind: PodKind, name: first };
  const [kind, name] = first.split('/') as [string, string];
  const info = resolveKind(kind);
  if (info.kind !== 'Pod' && !WORKLOADS.has(info.kind)) throw new UsageError(`cannot get the logs of ${kind}/${name}: only pods and their controllers have logs`, USAGE);
  return { kind: info, name };
}

const WORKLOADS = new Set(['Deployment', 'ReplicaSet', 'ReplicationController']);

/** The pod itself, or the first (oldest) pod a workload selects, announced on stderr as kubectl does. */
async function findPod(session: Session, ref: { kind: KindInfo; name: string }): Promise<KubeObj> {
  const object = await session.get(ref.kind, ref.name);
  if (!object) throw notFoundError(lowerPlural(ref.kind), ref.name);
  if (ref.kind.kind === 'Pod') return object;
  const pods = await session.list(PodKind, { labelSelector: selectorText(object.spec?.selector) });
  const chosen = firstPod(pods);
  if (!chosen) throw new CliError(`no pods found for ${qualifiedKind(ref.kind)}/${ref.name}`);
  if (pods.length > 1) err(`Found ${pods.length} pods, using pod/${chosen.metadata.name}`);
  return chosen;
}

/** The containers of one pod to read: all of them, the chosen one, or the only/default one. */
function targetsOf(pod: KubeObj, args: ParsedArgs): Target[] {
  const name = pod.metadata.name ?? '';
  const prefix = (container: string) => (bool(args, 'prefix') ? logPrefix(name, container) : undefined);
  if (bool(args, 'all-containers')) return (pod.spec?.containers ?? []).map((c: { name: string }) => ({ pod: name, container: c.name, prefix: prefix(c.name) }));
  const { container, notice } = chooseContainer(pod, str(args, 'container'));
  if (notice) err(notice);
  return [{ pod: name, container, prefix: prefix(container) }];
}

async function fetchLogs(session: Session, target: Target, request: Request): Promise<string> {
  try {
    const vars = { namespace: session.namespace, name: target.pod, container: target.container, ...request };
    return (await session.client.request<{ logs: string | null }>(LOGS, vars)).logs ?? '';
  } catch (e) {
    throw asBadRequest(e);
  }
}

/** Prints each line as it comes until every stream ends (their containers stopped) or Ctrl-C. */
function followAll(session: Session, targets: Target[], tails: (number | undefined)[], timestamps: boolean | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    let open = targets.length;
    const stops = targets.map((t, i) =>
      session.client.subscribe<{ line: string }>(
        FOLLOW,
        { namespace: session.namespace, name: t.pod, container: t.container, tailLines: tails[i], timestamps },
        {
          next: (data) => out(t.prefix ? `${t.prefix} ${data.line}` : data.line),
          error: (e) => {
            for (const stop of stops) stop();
            reject(asBadRequest(e));
          },
          complete: () => {
            if (--open === 0) resolve(0);
          },
        },
      ),
    );
    const interrupt = () => {
      for (const stop of stops) stop();
      resolve(0);
    };
    process.once('SIGINT', interrupt);
    process.once('SIGTERM', interrupt);
  });
}

/** kubectl shows the kubelet's refusals (wrong container, no node yet) as BadRequest, not as an invalid field. */
function asBadRequest(e: unknown): unknown {
  if (e instanceof WheelhouseError && e.code === 'BAD_USER_INPUT' && e.field) return new WheelhouseError('BAD_USER_INPUT', e.message, { extensions: e.extensions });
  return e;
}
