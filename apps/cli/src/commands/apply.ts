/** wh apply -f FILE|DIR|- [--dry-run]: the server's apply, one all-or-nothing call. */
import { list, type ParsedArgs } from '../args.js';
import { appliedName, applyDocuments } from '../apply-call.js';
import { out, withSession, type Command } from '../command.js';
import { documentToApply, lastAppliedOf } from '../exported.js';
import { findKindByManifest } from '../kinds.js';
import { readObjects, type Manifest } from '../manifest.js';
import { Session } from '../session.js';

export const applyCommand: Command = {
  name: 'apply',
  summary: 'Create or update resources from files or stdin',
  usage: 'Usage: wh apply -f FILE|DIR|- [--dry-run]',
  flags: [
    { name: 'filename', short: 'f', value: true, multiple: true },
    { name: 'dry-run', optionalValue: true },
  ],
  async run(args: ParsedArgs) {
    const objects = readObjects(list(args, 'filename'));
    const dryRun = isDryRun(args);
    const session = new Session(args);
    return withSession(session, async () => {
      // Lists were expanded client-side (so `get -o yaml` output applies).
      const documents = await Promise.all(objects.map((o) => resolveExported(session, o)));
      for (const o of await applyDocuments(session, documents, { dryRun })) out(`${appliedName(o)} ${o.action}${dryRun ? ' (dry run)' : ''}`);
    });
  },
};

/** `--dry-run`, `--dry-run=client|server` mean a dry run; `--dry-run=none|false` do not. */
export function isDryRun(args: ParsedArgs): boolean {
  const v = args.flags['dry-run'];
  return v === true || v === 'client' || v === 'server' || v === 'true';
}

/** Only exports (`get -o yaml` output) cost a read; see exported.ts. */
export async function resolveExported(session: Session, doc: Manifest): Promise<Manifest> {
  const kind = findKindByManifest(doc.apiVersion, doc.kind);
  if (!kind || !lastAppliedOf(doc)) return doc;
  const current = await session.get(kind, String(doc.metadata?.name ?? ''), doc.metadata?.namespace ?? session.namespace);
  const recorded = documentToApply(doc, current, session.namespace);
  if (recorded === doc) return doc;
  // The record only when applying it changes nothing (the server's dry run decides): else the export's own values.
  const [planned] = await applyDocuments(session, [recorded], { dryRun: true });
  return planned?.action === 'unchanged' ? recorded : doc;
}
