/** wh create -f FILE: creates each object; an existing one fails with AlreadyExists. `wh create configmap|secret`: create-generated.ts. */
import { list, type ParsedArgs } from '../args.js';
import { err, out, withSession, type Command } from '../command.js';
import { CliError, formatError } from '../errors.js';
import { findKindByManifest, qualifiedKind } from '../kinds.js';
import { readObjects } from '../manifest.js';
import { Session } from '../session.js';
import { isDryRun } from './apply.js';
import { GENERATED_FLAGS, GENERATED_USAGE, isGenerated, runCreateGenerated } from './create-generated.js';

export const createCommand: Command = {
  name: 'create',
  summary: 'Create resources from files or stdin',
  usage: `Usage: wh create -f FILE|DIR|- [--dry-run]\n${GENERATED_USAGE}`,
  flags: [{ name: 'filename', short: 'f', value: true, multiple: true }, { name: 'dry-run', optionalValue: true }, ...GENERATED_FLAGS],
  async run(args: ParsedArgs) {
    if (isGenerated(args.positionals)) return runCreateGenerated(args);
    const objects = readObjects(list(args, 'filename'));
    const dryRun = isDryRun(args);
    const session = new Session(args);
    return withSession(session, async () => {
      let failed = false;
      // Like kubectl: each object on its own; one failure does not stop the rest.
      for (const object of objects) {
        try {
          const kind = findKindByManifest(object.apiVersion, object.kind);
          if (!kind) throw new CliError(`resource mapping not found for kind "${object.kind}" in version "${object.apiVersion}"`);
          const { apiVersion: _a, kind: _k, ...input } = object;
          // An explicit -n must agree with the manifest's; otherwise the manifest's wins.
          const namespace = session.explicitNamespace ? session.namespace : (object.metadata?.namespace ?? session.namespace);
          if (session.explicitNamespace && object.metadata?.namespace && object.metadata.namespace !== session.namespace) {
            throw new CliError(
              `the namespace from the provided object "${object.metadata.namespace}" does not match the namespace "${session.namespace}". You must pass '--namespace=${object.metadata.namespace}' to perform this operation.`,
            );
          }
          const created = await session.create(kind, input, namespace, dryRun);
          out(`${qualifiedKind(kind)}/${created.metadata.name}${dryRun ? ' created (dry run)' : ' created'}`);
        } catch (e) {
          failed = true;
          err(formatError(e));
        }
      }
      return failed ? 1 : 0;
    });
  },
};
