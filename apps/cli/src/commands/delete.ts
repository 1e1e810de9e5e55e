/** wh delete KIND NAME... | -f FILE | -l SEL [--grace-period N] [--force] [--cascade ...] */
import type { DeletionPropagation } from '@wheelhouse/model';
import type { KindInfo } from '@wheelhouse/resources';
import { bool, int, list, str, type ParsedArgs } from '../args.js';
import { err, out, withSession, type Command } from '../command.js';
import { CliError, formatError, UsageError } from '../errors.js';
import { findKindByManifest, kindAndNames, qualifiedKind } from '../kinds.js';
import { readObjects } from '../manifest.js';
import { Session } from '../session.js';

const CASCADE: Record<string, DeletionPropagation> = { background: 'Background', true: 'Background', foreground: 'Foreground', orphan: 'Orphan', false: 'Orphan' };

export const deleteCommand: Command = {
  name: 'delete',
  summary: 'Delete resources by name, selector or file',
  usage: 'Usage: wh delete KIND NAME... | KIND -l SELECTOR | KIND --all | -f FILE [--grace-period N] [--force] [--cascade background|foreground|orphan]',
  flags: [
    { name: 'filename', short: 'f', value: true, multiple: true },
    { name: 'selector', short: 'l', value: true },
    { name: 'all' },
    { name: 'grace-period', value: true },
    { name: 'force' },
    { name: 'cascade', optionalValue: true },
    { name: 'ignore-not-found' },
  ],
  async run(args: ParsedArgs) {
    const cascadeFlag = args.flags.cascade === true ? 'background' : str(args, 'cascade');
    const propagationPolicy = cascadeFlag === undefined ? undefined : CASCADE[cascadeFlag];
    if (cascadeFlag !== undefined && !propagationPolicy) throw new UsageError(`invalid cascade value (${cascadeFlag}): must be "background", "orphan" or "foreground"`);
    const force = bool(args, 'force');
    let gracePeriodSeconds = int(args, 'grace-period');
    // kubectl: --force means immediate deletion unless a grace period is given.
    if (force && gracePeriodSeconds === undefined) gracePeriodSeconds = 0;
    if (force)
      err(
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.',
      );
    const targets = await withSelection(args);
    const session = new Session(args);
    return withSession(session, async () => {
      let failed = false;
      const resolved = await targets(session);
      if (resolved.length === 0 && !bool(args, 'ignore-not-found')) err('No resources found');
      for (const { kind, name, namespace } of resolved) {
        try {
          await session.delete(kind, name, { namespace, gracePeriodSeconds, propagationPolicy });
          out(`${qualifiedKind(kind)} "${name}" ${force ? 'force deleted' : 'deleted'}`);
        } catch (e) {
          if (bool(args, 'ignore-not-found') && (e as { code?: string }).code === 'NOT_FOUND') continue;
          failed = true;
          err(formatError(e));
        }
      }
      return failed ? 1 : 0;
    });
  },
};

type Target = { kind: KindInfo; name: string; namespace?: string };

/** Resolves what to delete: file objects, a selector's matches, or named objects. */
async function withSelection(args: ParsedArgs): Promise<(s: Session) => Promise<Target[]>> {
  const files = list(args, 'filename');
  if (files.length) {
    if (args.positionals.length) throw new UsageError('cannot specify both a file and resource names');
    const objects = readObjects(files);
    return async (session) =>
      objects.map((o) => {
        const kind = findKindByManifest(o.apiVersion, o.kind);
        if (!kind) throw new CliError(`resource mapping not found for kind "${o.kind}" in version "${o.apiVersion}"`);
        return { kind, name: String(o.metadata?.name ?? ''), namespace: session.explicitNamespace ? session.namespace : (o.metadata?.namespace ?? undefined) };
      });
  }
  const requests = kindAndNames(args.positionals);
  const selector = str(args, 'selector');
  const everything = bool(args, 'all');
  if (requests.every((r) => r.names.length === 0) && selector === undefined && !everything) {
    throw new UsageError('resource(s) were provided, but no name was specified', 'Give NAMEs, -l SELECTOR or --all.');
  }
  return async (session) => {
    const out: Target[] = [];
    for (const { kind, names } of requests) {
      if (names.length) {
        out.push(...names.map((name) => ({ kind, name })));
        continue;
      }
      const items = await session.list(kind, { all: session.allNamespaces, labelSelector: selector });
      out.push(...items.map((o) => ({ kind, name: o.metadata.name ?? '', namespace: o.metadata.namespace ?? undefined })));
    }
    return out;
  };
}
