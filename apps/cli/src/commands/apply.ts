/** wh apply -f FILE|DIR|- [--dry-run]: the server's apply, one all-or-nothing call. */
import { list, type ParsedArgs } from '../args.js';
import { out, withSession, type Command } from '../command.js';
import { documentToApply, lastAppliedOf } from '../exported.js';
import { findKindByManifest, qualifiedKind } from '../kinds.js';
import { readObjects, type Manifest } from '../manifest.js';
import { Session } from '../session.js';

interface Applied {
  apiVersion: string;
  kind: string;
  name: string;
  action: string;
}

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
      // Lists were expanded client-side (so `get -o yaml` output applies); JSON is YAML, one per document.
      const documents = await Promise.all(objects.map((o) => resolveExported(session, o)));
      const manifest = documents.map((o) => JSON.stringify(o)).join('\n---\n');
      const data = await session.client.request<{ apply: { objects: Applied[] } }>(
        `mutation Apply($manifest: String!, $namespace: String, $dryRun: Boolean) { apply(manifest: $manifest, namespace: $namespace, dryRun: $dryRun) { objects { apiVersion kind name action } } }`,
        { manifest, namespace: session.namespace, dryRun },
      );
      for (const o of data.apply.objects) out(`${applyName(o)} ${o.action}${dryRun ? ' (dry run)' : ''}`);
    });
  },
};

/** `--dry-run`, `--dry-run=client|server` mean a dry run; `--dry-run=none|false` do not. */
export function isDryRun(args: ParsedArgs): boolean {
  const v = args.flags['dry-run'];
  return v === true || v === 'client' || v === 'server' || v === 'true';
}

/** Only exports (`get -o yaml` output) cost a read; see exported.ts. */
async function resolveExported(session: Session, doc: Manifest): Promise<Manifest> {
  const kind = findKindByManifest(doc.apiVersion, doc.kind);
  if (!kind || !lastAppliedOf(doc)) return doc;
  const current = await session.get(kind, String(doc.metadata?.name ?? ''), doc.metadata?.namespace ?? session.namespace);
  return documentToApply(doc, current, session.namespace);
}

function applyName(o: Applied): string {
  const kind = findKindByManifest(o.apiVersion, o.kind);
  if (kind) return `${qualifiedKind(kind)}/${o.name}`;
  const group = o.apiVersion.includes('/') ? `.${o.apiVersion.split('/')[0]}` : '';
  return `${o.kind.toLowerCase()}${group}/${o.name}`;
}

