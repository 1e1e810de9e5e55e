/** wh run NAME --image=IMAGE [--port] [--env K=V] [--labels] [--restart] [--command] [-- COMMAND/ARGS...] */
import { bool, int, list, str, type ParsedArgs } from '../args.js';
import { out, withSession, type Command } from '../command.js';
import { UsageError } from '../errors.js';
import { runPod } from '../generators/run-pod.js';
import { resolveKind } from '../kinds.js';
import { type KubeObj, toManifest, toJson, toYaml } from '../print/object.js';
import { Session } from '../session.js';
import { isDryRun } from './apply.js';

export const runCommand: Command = {
  name: 'run',
  summary: 'Run a particular image in a pod',
  usage:
    'Usage: wh run NAME --image=IMAGE [--port=PORT] [--env=KEY=VALUE]... [--labels=K=V,...] [--restart=Always|OnFailure|Never] [--dry-run] [-o yaml|json] [--command] [-- COMMAND] [ARGS...]',
  flags: [
    { name: 'image', value: true },
    { name: 'port', value: true },
    { name: 'env', value: true, multiple: true },
    { name: 'labels', short: 'l', value: true },
    { name: 'restart', value: true },
    { name: 'image-pull-policy', value: true },
    { name: 'command' },
    { name: 'dry-run', optionalValue: true },
    { name: 'output', short: 'o', value: true },
  ],
  async run(args: ParsedArgs) {
    const [name, ...trailing] = args.positionals;
    if (!name) throw new UsageError('NAME is required for run', this.usage);
    const image = str(args, 'image');
    if (!image) throw new UsageError('--image is required', this.usage);
    const pod = runPod({
      name,
      image,
      port: int(args, 'port'),
      env: list(args, 'env'),
      labels: str(args, 'labels'),
      restart: str(args, 'restart'),
      imagePullPolicy: str(args, 'image-pull-policy'),
      command: bool(args, 'command'),
      trailing,
    });
    const output = str(args, 'output');
    if (output !== undefined && output !== 'yaml' && output !== 'json' && output !== 'name')
      throw new UsageError(`unable to match a printer suitable for the output format "${output}"`);
    const dryRun = isDryRun(args);
    const session = new Session(args);
    return withSession(session, async () => {
      const kind = resolveKind('pod');
      if (dryRun && output && output !== 'name') {
        const doc = toManifest({ ...pod, metadata: { ...(pod.metadata as object), namespace: session.namespace } } as KubeObj, 'v1', 'Pod');
        out(output === 'json' ? toJson(doc) : toYaml(doc));
        return;
      }
      const created = await session.create(kind, pod, session.namespace, dryRun);
      out(output === 'name' ? `pod/${created.metadata.name}` : `pod/${created.metadata.name} created${dryRun ? ' (dry run)' : ''}`);
    });
  },
};
