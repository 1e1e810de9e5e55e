/**
 * `wh create configmap NAME`, `wh create secret generic NAME`, `wh create secret tls
 * NAME`: kubectl's generators. The object is made here from literals and files and
 * created through the API, which validates it as any other create.
 */
import { list, str, type ParsedArgs } from '../args.js';
import { out, withSession } from '../command.js';
import { UsageError } from '../errors.js';
import { resolveKind } from '../kinds.js';
import { printDocuments } from '../print/output.js';
import { Session } from '../session.js';
import { configMapObject, genericSecretObject, tlsSecretObject } from '../create-config/generate.js';
import { isDryRun } from './apply.js';

export const GENERATED_USAGE = [
  '       wh create configmap NAME [--from-literal=KEY=VALUE] [--from-file=[KEY=]PATH] [--dry-run] [-o yaml|json]',
  '       wh create secret generic NAME [--type TYPE] [--from-literal=KEY=VALUE] [--from-file=[KEY=]PATH] [--dry-run] [-o yaml|json]',
  '       wh create secret tls NAME --cert PATH --key PATH [--dry-run] [-o yaml|json]',
].join('\n');

export const GENERATED_FLAGS = [
  { name: 'from-literal', value: true, multiple: true },
  { name: 'from-file', value: true, multiple: true },
  { name: 'type', value: true },
  { name: 'cert', value: true },
  { name: 'key', value: true },
  { name: 'output', short: 'o', value: true },
];

/** Whether the positionals name a generator (`configmap`, `cm`, `secret`). */
export const isGenerated = (positionals: string[]) => ['configmap', 'configmaps', 'cm', 'secret', 'secrets'].includes(positionals[0] ?? '');

function generate(positionals: string[], args: ParsedArgs): { kindName: string; object: Record<string, unknown> } {
  const sources = { literals: list(args, 'from-literal'), files: list(args, 'from-file') };
  const [what, ...rest] = positionals;
  if (what === 'configmap' || what === 'configmaps' || what === 'cm') {
    if (rest.length !== 1) throw new UsageError(`exactly one NAME is required, got ${rest.length}`);
    return { kindName: 'ConfigMap', object: configMapObject(rest[0]!, sources) };
  }
  const [variant, ...names] = rest;
  if (names.length !== 1) throw new UsageError(`exactly one NAME is required, got ${names.length}`);
  if (variant === 'generic') return { kindName: 'Secret', object: genericSecretObject(names[0]!, sources, str(args, 'type')) };
  if (variant === 'tls') return { kindName: 'Secret', object: tlsSecretObject(names[0]!, str(args, 'cert'), str(args, 'key')) };
  throw new UsageError(`unknown secret type "${variant ?? ''}": generic or tls (docker-registry is not supported yet)`);
}

export async function runCreateGenerated(args: ParsedArgs): Promise<number> {
  const output = str(args, 'output');
  if (output && output !== 'yaml' && output !== 'json' && output !== 'name') throw new UsageError(`-o ${output}: yaml, json or name`);
  const { kindName, object } = generate(args.positionals, args);
  const kind = resolveKind(kindName);
  const dryRun = isDryRun(args);
  const session = new Session(args);
  return withSession(session, async () => {
    const created = await session.create(kind, object, session.namespace, dryRun);
    const name = `${kindName.toLowerCase()}/${created.metadata.name}`;
    if (output === 'yaml' || output === 'json') {
      const shown = { ...object, metadata: { ...(object.metadata as object), namespace: created.metadata.namespace } };
      out(printDocuments([{ kind, object: shown as never }], output, true));
    } else {
      out(output === 'name' ? name : `${name} created${dryRun ? ' (dry run)' : ''}`);
    }
    return 0;
  });
}
