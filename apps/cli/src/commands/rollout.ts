/** wh rollout status|history|undo|restart|pause|resume deployment/NAME; status|history|undo|restart daemonset/NAME */
import { type PodTemplateSpec, SELECTIONS } from '@wheelhouse/model';
import { podTemplateText } from '@wheelhouse/printers';
import { bool, durationSeconds, int, type ParsedArgs } from '../args.js';
import { err, out, withSession, type Command } from '../command.js';
import { CliError, notFoundError, UsageError } from '../errors.js';
import { kindAndNames, lowerPlural, qualifiedKind } from '../kinds.js';
import type { KindInfo } from '@wheelhouse/resources';
import { green } from '../print/color.js';
import { stripNulls } from '../print/object.js';
import { formatTable } from '../print/table.js';
import { daemonSetRolloutState, deploymentRolloutState } from '../rollout-status.js';
import { daemonSetRestart, daemonSetRollback, daemonSetRolloutHistory } from '../rollout-daemonset.js';
import { Session } from '../session.js';

const USAGE =
  'Usage: wh rollout status|history|undo|restart|pause|resume deployment/NAME, wh rollout status|history|undo|restart daemonset/NAME [--to-revision N] [--revision N] [--timeout 5m] [-w=false]';

/** Verbs that are one mutation, and what kubectl prints after them. */
const ACTIONS: Record<string, { field: string; done: string }> = {
  restart: { field: 'restartDeployment', done: 'restarted' },
  pause: { field: 'pauseDeployment', done: 'paused' },
  resume: { field: 'resumeDeployment', done: 'resumed' },
  undo: { field: 'rollbackDeployment', done: 'rolled back' },
};

export const rolloutCommand: Command = {
  name: 'rollout',
  summary: 'Manage the rollout of a Deployment or DaemonSet',
  usage: USAGE,
  flags: [
    { name: 'to-revision', value: true },
    { name: 'revision', value: true },
    { name: 'timeout', value: true },
    { name: 'watch', short: 'w' },
  ],
  async run(args: ParsedArgs) {
    const [sub, ...rest] = args.positionals;
    if (!sub || !(sub in ACTIONS || sub === 'status' || sub === 'history')) throw new UsageError(sub ? `unknown rollout subcommand "${sub}"` : 'rollout needs a subcommand', USAGE);
    const targets = kindAndNames(rest).flatMap(({ kind, names }) => names.map((name) => ({ kind, name })));
    if (targets.length === 0) throw new UsageError('required resource not specified', USAGE);
    for (const { kind } of targets) {
      if (kind.kind !== 'Deployment' && kind.kind !== 'DaemonSet') throw new UsageError(`no rollout for ${lowerPlural(kind)}: only deployments and daemonsets have rollouts`);
      if (kind.kind === 'DaemonSet' && (sub === 'pause' || sub === 'resume')) throw new UsageError(`${sub} is not supported for daemonsets`);
    }
    const session = new Session(args);
    return withSession(session, async () => {
      for (const { kind, name } of targets) {
        if (sub === 'status') {
          const code = await status(session, kind, name, args);
          if (code) return code;
        } else if (kind.kind === 'DaemonSet' && sub === 'history') await daemonSetRolloutHistory(session, name, int(args, 'revision'));
        else if (kind.kind === 'DaemonSet' && sub === 'restart') out(`${qualifiedKind(kind)}/${name} ${await daemonSetRestart(session, name)}`);
        else if (kind.kind === 'DaemonSet') out(`${qualifiedKind(kind)}/${name} ${await daemonSetRollback(session, name, int(args, 'to-revision') ?? 0)}`);
        else if (sub === 'history') await history(session, name, int(args, 'revision'));
        else {
          const action = ACTIONS[sub]!;
          const extra = sub === 'undo' ? { toRevision: int(args, 'to-revision') ?? 0 } : {};
          await session.action(kind, action.field, name, extra);
          out(`${qualifiedKind(kind)}/${name} ${action.done}`);
        }
      }
      return 0;
    });
  },
};

async function history(session: Session, name: string, revision: number | undefined): Promise<void> {
  const data = await session.client.request<{ history: { revision: number; changeCause: string | null; template: PodTemplateSpec }[] }>(
    `query History($namespace: String, $name: String!) { history: deploymentHistory(namespace: $namespace, name: $name) { revision changeCause template { ${SELECTIONS.PodTemplateSpec} } } }`,
    { namespace: session.namespace, name },
  );
  if (revision !== undefined) {
    const entry = data.history.find((h) => h.revision === revision);
    if (!entry) throw new CliError(`unable to find the specified revision`);
    out(`deployment.apps/${name} with revision #${revision}\n${podTemplateText(stripNulls(entry.template) as PodTemplateSpec)}`);
    return;
  }
  out(`deployment.apps/${name}`);
  out(
    formatTable(
      ['REVISION', 'CHANGE-CAUSE'],
      data.history.map((h) => [String(h.revision), h.changeCause || '<none>']),
    ),
  );
}

/** Polls until the rollout finishes; a terminal line is rewritten in place, a pipe gets each new line. */
async function status(session: Session, kind: KindInfo, name: string, args: ParsedArgs): Promise<number> {
  const watch = args.flags.watch === undefined ? true : bool(args, 'watch');
  const timeoutSeconds = durationSeconds(args, 'timeout') ?? 0;
  const deadline = timeoutSeconds > 0 ? Date.now() + timeoutSeconds * 1000 : Infinity;
  const viewer = kind.kind === 'DaemonSet' ? daemonSetRolloutState : deploymentRolloutState;
  let last = '';
  const tty = Boolean(process.stdout.isTTY);
  for (;;) {
    const d = await session.get(kind, name);
    if (!d) throw notFoundError(`${kind.resource}.${kind.group}`, name);
    const state = viewer(d);
    if (state.failed) throw new CliError(state.message);
    if (state.done || !watch) {
      if (tty && last) process.stdout.write('\r\x1b[K');
      out(state.done ? green(state.message) : state.message);
      return 0;
    }
    if (state.message !== last) {
      if (tty) process.stdout.write(`\r\x1b[K${state.message}`);
      else out(state.message);
      last = state.message;
    }
    if (Date.now() > deadline) {
      if (tty) process.stdout.write('\n');
      err('error: timed out waiting for the condition');
      return 1;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}
