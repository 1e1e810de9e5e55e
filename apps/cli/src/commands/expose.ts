/** wh expose (deployment|replicaset|rc|pod|service) NAME [--port P] [--target-port T] [--type T] [--name N] [--protocol P]. */
import { int, str, type ParsedArgs } from '../args.js';
import { out, withSession, type Command } from '../command.js';
import { UsageError } from '../errors.js';
import { kindAndNames, resolveKind } from '../kinds.js';
import { Session } from '../session.js';
import { exposedService } from './expose-service.js';

const EXPOSABLE = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'Pod', 'Service']);
const TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer'];

export const exposeCommand: Command = {
  name: 'expose',
  summary: 'Make a Service for a deployment, replica set, replication controller, pod or service',
  usage: 'Usage: wh expose (KIND NAME | KIND/NAME) [--port=PORT] [--target-port=PORT|NAME] [--type=ClusterIP|NodePort|LoadBalancer] [--name=NAME] [--protocol=TCP|UDP|SCTP]',
  flags: [
    { name: 'port', value: true },
    { name: 'target-port', value: true },
    { name: 'type', value: true },
    { name: 'name', value: true },
    { name: 'protocol', value: true },
  ],
  async run(args: ParsedArgs) {
    const targets = kindAndNames(args.positionals).flatMap(({ kind, names }) => names.map((name) => ({ kind, name })));
    if (targets.length !== 1) throw new UsageError('wh expose takes exactly one resource', 'Example: wh expose deployment web --port 80 --target-port 8080');
    const { kind, name } = targets[0]!;
    if (!EXPOSABLE.has(kind.kind)) throw new UsageError(`cannot expose a ${kind.kind}`, 'Exposable kinds: deployments, replicasets, replicationcontrollers, pods, services.');
    const type = str(args, 'type');
    if (type !== undefined && !TYPES.includes(type)) throw new UsageError(`invalid --type "${type}"`, `Valid types: ${TYPES.join(', ')}.`);
    const session = new Session(args);
    return withSession(session, async () => {
      const object = await session.get(kind, name);
      if (!object) throw new UsageError(`${kind.plural.toLowerCase()} "${name}" not found`);
      const input = exposedService(kind.kind, object, {
        name: str(args, 'name'),
        port: int(args, 'port'),
        targetPort: str(args, 'target-port'),
        protocol: str(args, 'protocol'),
        type,
      });
      const created = await session.create(resolveKind('Service'), input, object.metadata.namespace ?? undefined, false);
      out(`service/${created.metadata.name} exposed`);
    });
  },
};
