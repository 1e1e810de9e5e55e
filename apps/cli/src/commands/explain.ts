/** wh explain RESOURCE[.FIELD...] [--recursive] [--api-version]: kubectl explain from the API schema's types and descriptions. */
import { bool, str, type ParsedArgs } from '../args.js';
import { out, withSession, type Command } from '../command.js';
import { CliError, UsageError } from '../errors.js';
import { explain } from '../explain/render.js';
import { SCHEMA_TYPES_QUERY, type SchemaType } from '../explain/schema-types.js';
import { resolveKind } from '../kinds.js';
import { Session } from '../session.js';

export const explainCommand: Command = {
  name: 'explain',
  summary: 'Describe the fields of a resource (wh explain pods.spec.containers)',
  usage: 'Usage: wh explain RESOURCE[.FIELD...] [--recursive] [--api-version GROUP/VERSION]',
  flags: [{ name: 'recursive' }, { name: 'api-version', value: true }],
  async run(args: ParsedArgs) {
    const [target, ...extra] = args.positionals;
    if (!target || extra.length) throw new UsageError('You must specify the type of resource to explain.', 'Example: wh explain pods.spec.containers');
    const [resource, ...path] = target.split('.');
    const kind = resolveKind(resource!);
    const apiVersion = str(args, 'api-version');
    if (apiVersion && apiVersion !== kind.apiVersion)
      throw new CliError(`couldn't find resource for "${kind.apiVersion.includes('/') ? kind.apiVersion.split('/')[0] : ''}/${apiVersion}, Kind=${kind.kind}"`);
    const session = new Session(args);
    return withSession(session, async () => {
      const { __schema } = await session.client.request<{ __schema: { types: SchemaType[] } }>(SCHEMA_TYPES_QUERY);
      const types = new Map(__schema.types.map((t) => [t.name, t]));
      const text = explain(types, { kind: kind.kind, group: kind.group, version: kind.version, path, recursive: bool(args, 'recursive') });
      if (text instanceof Error) throw new CliError(text.message);
      out(text);
    });
  },
};
