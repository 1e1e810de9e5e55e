/** Shared body of `cordon` and `uncordon`: set or clear a node's spec.unschedulable. */
import { NodeKind } from '@wheelhouse/resources';
import { str, type ParsedArgs } from '../args.js';
import { out, withSession, type Command } from '../command.js';
import { notFoundError, UsageError } from '../errors.js';
import { schedulingMessage } from '../drain-report.js';
import { lowerPlural } from '../kinds.js';
import { Session } from '../session.js';
import { isDryRun } from './apply.js';

export function cordonLikeCommand(name: 'cordon' | 'uncordon', unschedulable: boolean): Command {
  const verb = unschedulable ? 'cordoned' : 'uncordoned';
  return {
    name,
    summary: unschedulable ? 'Mark nodes as unschedulable' : 'Mark nodes as schedulable',
    usage: `Usage: wh ${name} NODE... | -l SELECTOR [--dry-run]`,
    flags: [
      { name: 'selector', short: 'l', value: true },
      { name: 'dry-run', optionalValue: true },
    ],
    async run(args: ParsedArgs) {
      const selector = str(args, 'selector');
      if (args.positionals.length === 0 && selector === undefined) throw new UsageError('resource(s) were provided, but no name was specified', this.usage);
      const dryRun = isDryRun(args);
      const session = new Session(args);
      return withSession(session, async () => {
        const nodes = args.positionals.length
          ? await Promise.all(args.positionals.map(async (n) => (await session.get(NodeKind, n)) ?? Promise.reject(notFoundError(lowerPlural(NodeKind), n))))
          : await session.list(NodeKind, { labelSelector: selector });
        for (const node of nodes) {
          const nodeName = node.metadata.name ?? '';
          const changed = (node.spec?.unschedulable === true) !== unschedulable;
          if (changed) await session.action(NodeKind, `${name}Node`, nodeName, dryRun ? { dryRun } : {});
          out(schedulingMessage(nodeName, verb, changed, dryRun));
        }
      });
    },
  };
}
