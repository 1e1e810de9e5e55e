/** wh get KIND [NAME...] [-l SEL] [--field-selector SEL] [-o wide|yaml|json|name] */
import type { KindInfo } from '@wheelhouse/resources';
import { bool, str, type ParsedArgs } from '../args.js';
import { err, out, withSession, type Command } from '../command.js';
import { formatError, notFoundError, UsageError } from '../errors.js';
import { kindAndNames, lowerPlural } from '../kinds.js';
import { columnsFor } from '../print/columns.js';
import type { KubeObj } from '../print/object.js';
import { nameOf, outputFormat, printDocuments } from '../print/output.js';
import { formatTable } from '../print/table.js';
import { Session } from '../session.js';

export const getCommand: Command = {
  name: 'get',
  summary: 'Display one or many resources',
  usage: 'Usage: wh get KIND [NAME...] [-l SELECTOR] [--field-selector SELECTOR] [-o wide|yaml|json|name] [-A]',
  flags: [
    { name: 'output', short: 'o', value: true },
    { name: 'selector', short: 'l', value: true },
    { name: 'field-selector', value: true },
  ],
  async run(args: ParsedArgs) {
    const format = outputFormat(str(args, 'output'));
    const requests = kindAndNames(args.positionals);
    if (bool(args, 'all-namespaces') && requests.some((r) => r.names.length)) throw new UsageError('a resource cannot be retrieved by name across all namespaces');
    const session = new Session(args);
    return withSession(session, async () => {
      let failed = false;
      const found: { kind: KindInfo; object: KubeObj }[] = [];
      const byName = requests.some((r) => r.names.length > 0);
      for (const { kind, names } of requests) {
        if (names.length === 0) {
          const items = await session.list(kind, {
            all: session.allNamespaces,
            labelSelector: str(args, 'selector'),
            fieldSelector: str(args, 'field-selector'),
          });
          found.push(...items.map((object) => ({ kind, object })));
          continue;
        }
        for (const name of names) {
          const object = await session.get(kind, name);
          if (object) found.push({ kind, object });
          else {
            failed = true;
            err(formatError(notFoundError(lowerPlural(kind), name)));
          }
        }
      }
      const single = requests.length === 1 && requests[0]!.names.length === 1;
      print(found, format, session, requests.map((r) => r.kind), byName, single);
      return failed ? 1 : 0;
    });
  },
};

function print(found: { kind: KindInfo; object: KubeObj }[], format: string, session: Session, kinds: KindInfo[], byName: boolean, single: boolean): void {
  if (format === 'yaml' || format === 'json') {
    if (found.length || !byName) out(printDocuments(found, format, single));
    return;
  }
  if (format === 'name') {
    for (const { kind, object } of found) out(nameOf(kind, object));
    return;
  }
  if (found.length === 0) {
    // Names that were not found already said so.
    if (!byName) err(emptyMessage(session, kinds));
    return;
  }
  const now = Date.now();
  const allNs = session.allNamespaces;
  // One table per kind, separated by a blank line, as kubectl does for `get pods,deploy`.
  const groups = [...new Set(found.map((f) => f.kind))];
  const tables = groups.map((kind) => {
    const columns = columnsFor(kind.kind, { wide: format === 'wide', allNamespaces: allNs && kind.namespaced });
    return formatTable(columns.headers, found.filter((f) => f.kind === kind).map((f) => columns.row(f.object, now)));
  });
  process.stdout.write(tables.join('\n'));
}

function emptyMessage(session: Session, kinds: KindInfo[]): string {
  if (session.allNamespaces || !kinds.every((k) => k.namespaced)) return 'No resources found';
  return `No resources found in ${session.namespace} namespace.`;
}
