/** wh autoscale (deployment|replicaset|rc|statefulset) NAME --max N [--min N] [--cpu-percent P] [--name NAME] [--dry-run]: kubectl autoscale. */
import { int, str, type ParsedArgs } from '../args.js';
import { out, withSession, type Command } from '../command.js';
import { UsageError } from '../errors.js';
import { horizontalPodAutoscalerFor } from '../generators/autoscale.js';
import { kindAndNames, resolveKind } from '../kinds.js';
import { Session } from '../session.js';
import { isDryRun } from './apply.js';

export const autoscaleCommand: Command = {
  name: 'autoscale',
  summary: 'Auto-scale a deployment, replica set, stateful set, or replication controller',
  usage: 'Usage: wh autoscale (KIND NAME | KIND/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU] [--name=NAME] [--dry-run]',
  flags: [
    { name: 'min', value: true },
    { name: 'max', value: true },
    { name: 'cpu-percent', value: true },
    { name: 'name', value: true },
    { name: 'dry-run', optionalValue: true },
  ],
  async run(args: ParsedArgs) {
    const targets = kindAndNames(args.positionals).flatMap(({ kind, names }) => names.map((name) => ({ kind, name })));
    if (targets.length !== 1) throw new UsageError('wh autoscale takes exactly one resource', 'Example: wh autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10');
    const { kind, name } = targets[0]!;
    if (!kind.scalable) throw new UsageError(`cannot autoscale a ${kind.kind}: it has no scale subresource`);
    const hpa = horizontalPodAutoscalerFor(
      { apiVersion: kind.apiVersion, kind: kind.kind, name },
      { name: str(args, 'name'), min: int(args, 'min'), max: int(args, 'max'), cpuPercent: int(args, 'cpu-percent') },
    );
    const dryRun = isDryRun(args);
    const session = new Session(args);
    return withSession(session, async () => {
      const object = await session.get(kind, name);
      if (!object) throw new UsageError(`${kind.plural.toLowerCase()} "${name}" not found`);
      const created = await session.create(resolveKind('HorizontalPodAutoscaler'), hpa, object.metadata.namespace ?? undefined, dryRun);
      out(`horizontalpodautoscaler.autoscaling/${created.metadata.name} autoscaled${dryRun ? ' (dry run)' : ''}`);
    });
  },
};
