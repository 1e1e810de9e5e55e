/** Shared body of `label` and `annotate`: both patch one metadata map. */
import { bool, str, type ParsedArgs } from '../args.js';
import { out, withSession, type Command } from '../command.js';
import { CliError, notFoundError, UsageError } from '../errors.js';
import { kindAndNames, lowerPlural, qualifiedKind } from '../kinds.js';
import { mergePatchOf, overwriteConflict, parseLabelArgs } from '../labels.js';
import { Session } from '../session.js';

export function labelLikeCommand(name: 'label' | 'annotate', field: 'labels' | 'annotations', past: string): Command {
  return {
    name,
    summary: `Update the ${field} of resources`,
    usage: `Usage: wh ${name} KIND NAME... KEY=VALUE... KEY-... [--overwrite] | KIND -l SELECTOR KEY=VALUE...`,
    flags: [{ name: 'overwrite' }, { name: 'selector', short: 'l', value: true }, { name: 'all' }],
    async run(args: ParsedArgs) {
      // Positionals are resources first, then changes: the first `=` or trailing `-` starts the changes.
      const split = args.positionals.findIndex((p, i) => i > 0 && (p.includes('=') || (p.endsWith('-') && !p.includes('/'))));
      if (split < 0) throw new UsageError(`at least one ${field === 'labels' ? 'label' : 'annotation'} update is required`, this.usage);
      const changes = parseLabelArgs(args.positionals.slice(split));
      const requests = kindAndNames(args.positionals.slice(0, split));
      const selector = str(args, 'selector');
      const session = new Session(args);
      return withSession(session, async () => {
        for (const { kind, names } of requests) {
          const targets = names.length
            ? names.map((n) => ({ name: n, namespace: undefined as string | undefined }))
            : selector !== undefined || bool(args, 'all')
              ? (await session.list(kind, { all: session.allNamespaces, labelSelector: selector })).map((o) => ({
                  name: o.metadata.name ?? '',
                  namespace: o.metadata.namespace ?? undefined,
                }))
              : [];
          if (targets.length === 0) throw new UsageError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
          for (const target of targets) {
            const current = await session.get(kind, target.name, target.namespace);
            if (!current) throw notFoundError(lowerPlural(kind), target.name);
            if (!bool(args, 'overwrite')) {
              const conflict = overwriteConflict(current.metadata[field] as Record<string, string> | null, changes);
              if (conflict) throw new CliError(conflict);
            }
            // The read's resourceVersion makes the overwrite check and the write one atomic step.
            const patch = { metadata: { resourceVersion: current.metadata.resourceVersion, [field]: mergePatchOf(changes) } };
            await session.patch(kind, target.name, patch, target.namespace);
            out(`${qualifiedKind(kind)}/${target.name} ${past}`);
          }
        }
      });
    },
  };
}
