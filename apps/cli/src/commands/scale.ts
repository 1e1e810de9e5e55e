/** wh scale deployment/NAME --replicas N (also rs, rc). */
import { int, type ParsedArgs } from '../args.js';
import { out, withSession, type Command } from '../command.js';
import { UsageError } from '../errors.js';
import { kindAndNames, qualifiedKind } from '../kinds.js';
import { Session } from '../session.js';

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'ReplicationController']);

export const scaleCommand: Command = {
  name: 'scale',
  summary: 'Set the replica count of a Deployment, ReplicaSet or ReplicationController',
  usage: 'Usage: wh scale (KIND NAME | KIND/NAME) --replicas N',
  flags: [{ name: 'replicas', value: true }],
  async run(args: ParsedArgs) {
    const replicas = int(args, 'replicas');
    if (replicas === undefined || replicas < 0)
      throw new UsageError('--replicas=COUNT is required, and COUNT must be greater than or equal to 0', 'Example: wh scale deployment/web --replicas 3');
    const targets = kindAndNames(args.positionals).flatMap(({ kind, names }) => names.map((name) => ({ kind, name })));
    if (targets.length === 0) throw new UsageError('resource(s) were provided, but no name was specified');
    for (const { kind } of targets)
      if (!SCALABLE.has(kind.kind)) throw new UsageError(`cannot scale ${kind.plural.toLowerCase()}`, 'Scalable kinds: deployments, replicasets, replicationcontrollers.');
    const session = new Session(args);
    return withSession(session, async () => {
      for (const { kind, name } of targets) {
        await session.action(kind, `scale${kind.kind}`, name, { replicas });
        out(`${qualifiedKind(kind)}/${name} scaled`);
      }
    });
  },
};
