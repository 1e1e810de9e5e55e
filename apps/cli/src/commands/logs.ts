/** wh logs POD|KIND/NAME [-c C] [-f] [--tail N] [--since 5m] [-p] [--timestamps] [--all-containers]: a container's log from its node agent. */
import { WheelhouseError } from '@wheelhouse/client';
import { PodKind, type KindInfo } from '@wheelhouse/resources';
import { bool, durationSeconds, int, str, type ParsedArgs } from '../args.js';
import { err, out, withSession, type Command } from '../command.js';
import { CliError, notFoundError, UsageError } from '../errors.js';
import { lowerPlural, qualifiedKind, resolveKind } from '../kinds.js';
import { chooseContainer, firstPod, lineCount, selectorText } from '../log-container.js';
import type { KubeObj } from '../print/object.js';
import { Session } from '../session.js';

const USAGE = 'Usage: wh logs POD|deployment/NAME [-c CONTAINER] [-f] [--tail N] [--since 5m] [-p] [--timestamps] [--all-containers]';

const LOGS = `query PodLogs($namespace: String, $name: String!, $container: String, $tailLines: Int, $sinceSeconds: Int, $previous: Boolean, $timestamps: Boolean) {
  logs: podLogs(namespace: $namespace, name: $name, container: $container, tailLines: $tailLines, sinceSeconds: $sinceSeconds, previous: $previous, timestamps: $timestamps)
}`;
const FOLLOW = `subscription FollowPodLogs($namespace: String, $name: String!, $container: String, $tailLines: Int, $timestamps: Boolean) {
  line: followPodLogs(namespace: $namespace, name: $name, container: $container, tailLines: $tailLines, timestamps: $timestamps)
}`;

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
  ],
  async run(args: ParsedArgs) {
    const ref = podRef(args.positionals);
    const tail = int(args, 'tail');
    const request = {
      // kubectl: --tail=-1 (the default) means every line.
      tailLines: tail !== undefined && tail >= 0 ? tail : undefined,
      sinceSeconds: durationSeconds(args, 'since'),
      previous: bool(args, 'previous') || undefined,
      timestamps: bool(args, 'timestamps') || undefined,
    };
    const session = new Session(args);
    return withSession(session, async () => {
      const pod = await findPod(session, ref);
      const vars = { namespace: session.namespace, name: pod.metadata.name };
      if (bool(args, 'all-containers')) {
        for (const c of pod.spec?.containers ?? []) process.stdout.write(await fetchLogs(session, { ...vars, ...request, container: c.name }));
        return 0;
      }
      const { container, notice } = chooseContainer(pod, str(args, 'container'));
      if (notice) err(notice);
      if (!bool(args, 'follow') || request.previous) {
        process.stdout.write(await fetchLogs(session, { ...vars, ...request, container }));
        return 0;
      }
      // The follow stream has no time window: start it from as many lines as the window holds.
      const tailLines = request.sinceSeconds === undefined ? request.tailLines : lineCount(await fetchLogs(session, { ...vars, ...request, container }));
      return follow(session, { ...vars, container, tailLines, timestamps: request.timestamps });
    });
  },
};

/** `web`, `pod/web`, or `deployment/web` (also rs, rc): a workload's logs are its first pod's, as kubectl's. */
function podRef(positionals: string[]): { kind: KindInfo; name: string } {
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'logs takes one pod' : 'a pod name is required', USAGE);
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

async function fetchLogs(session: Session, vars: Record<string, unknown>): Promise<string> {
  try {
    return (await session.client.request<{ logs: string | null }>(LOGS, vars)).logs ?? '';
  } catch (e) {
    throw asBadRequest(e);
  }
}

/** Prints each line as it comes until the stream ends (the container stopped) or Ctrl-C. */
function follow(session: Session, vars: Record<string, unknown>): Promise<number> {
  return new Promise((resolve, reject) => {
    const stop = session.client.subscribe<{ line: string }>(FOLLOW, vars, {
      next: (data) => out(data.line),
      error: (e) => reject(asBadRequest(e)),
      complete: () => resolve(0),
    });
    const interrupt = () => {
      stop();
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
