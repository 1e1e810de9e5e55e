/** wh get KIND [NAME...] [-l SEL] [--field-selector SEL] [-o wide|yaml|json|name|jsonpath=...|custom-columns=...] [-w] */
import type { KindInfo } from '@wheelhouse/resources';
import { bool, list, str, type ParsedArgs } from '../args.js';
import { err, out, withSession, type Command } from '../command.js';
import { formatError, notFoundError, UsageError } from '../errors.js';
import { kindAndNames, lowerPlural, qualifiedKind } from '../kinds.js';
import { columnsFor } from '../print/columns.js';
import { withLabelColumns, type LabelColumnOptions } from '../print/label-columns.js';
import { toManifest, type KubeObj } from '../print/object.js';
import { sortBy } from '../print/sort-by.js';
import { documentOf, nameOf, outputFormat, printDocuments, type OutputFormat } from '../print/output.js';
import { emptyMessage } from '../print/empty-message.js';
import { formatTable } from '../print/table.js';
import { Session } from '../session.js';
import { watchGet } from './get-watch.js';

export const getCommand: Command = {
  name: 'get',
  summary: 'Display one or many resources',
  usage:
    'Usage: wh get KIND [NAME...] [-l SELECTOR] [--field-selector SELECTOR] [-o wide|yaml|json|name|jsonpath=TEMPLATE|custom-columns=SPEC] [-A]\n              [-L KEY,...] [--show-labels] [--no-headers] [--sort-by JSONPATH] [-w|--watch-only] [--output-watch-events]',
  flags: [
    { name: 'output', short: 'o', value: true },
    { name: 'selector', short: 'l', value: true },
    { name: 'field-selector', value: true },
    { name: 'watch', short: 'w' },
    { name: 'watch-only' },
    { name: 'output-watch-events' },
    { name: 'label-columns', short: 'L', value: true, multiple: true },
    { name: 'show-labels' },
    { name: 'no-headers' },
    { name: 'sort-by', value: true },
  ],
  async run(args: ParsedArgs) {
    const format = outputFormat(str(args, 'output'));
    const requests = kindAndNames(args.positionals);
    if (bool(args, 'all-namespaces') && requests.some((r) => r.names.length)) throw new UsageError('a resource cannot be retrieved by name across all namespaces');
    const watching = bool(args, 'watch') || bool(args, 'watch-only');
    const table = { labelColumns: list(args, 'label-columns'), showLabels: bool(args, 'show-labels'), noHeaders: bool(args, 'no-headers') };
    if (watching && (requests.length > 1 || requests[0]!.names.length > 1)) {
      const count = Math.max(requests.length, requests[0]!.names.length);
      throw new UsageError(`watch is only supported on individual resources and resource collections, but ${count} resources were found`);
    }
    const session = new Session(args);
    return withSession(session, async () => {
      if (watching) {
        const { kind, names } = requests[0]!;
        return watchGet(session, {
          kind,
          name: names[0],
          format,
          labelSelector: str(args, 'selector'),
          fieldSelector: str(args, 'field-selector'),
          watchOnly: bool(args, 'watch-only'),
          watchEvents: bool(args, 'output-watch-events'),
          table,
        });
      }
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
      const sortPath = str(args, 'sort-by');
      const sorted = sortPath ? sortBy(found, sortPath, (f) => toManifest(f.object, f.kind.apiVersion, f.kind.kind)) : found;
      print(
        sorted,
        format,
        session,
        requests.map((r) => r.kind),
        byName,
        single,
        table,
      );
      return failed ? 1 : 0;
    });
  },
};

type TableFlags = LabelColumnOptions & { noHeaders: boolean };

function print(found: { kind: KindInfo; object: KubeObj }[], format: OutputFormat, session: Session, kinds: KindInfo[], byName: boolean, single: boolean, table: TableFlags): void {
  if (format.kind === 'yaml' || format.kind === 'json') {
    if (found.length || !byName) out(printDocuments(found, format.kind, single));
    return;
  }
  if (format.kind === 'jsonpath') {
    // kubectl adds no newline: templates that want one say {"\n"}.
    if (found.length || !byName) process.stdout.write(format.template.execute(documentOf(found, single)));
    return;
  }
  if (format.kind === 'name') {
    for (const { kind, object } of found) out(nameOf(kind, object));
    return;
  }
  if (found.length === 0) {
    // Names that were not found already said so.
    if (!byName) err(emptyMessage(kinds, session.allNamespaces ? undefined : session.namespace));
    return;
  }
  const now = Date.now();
  if (format.kind === 'custom-columns') {
    process.stdout.write(
      formatTable(
        format.columns.headers,
        found.map((f) => format.columns.row(f.object, now)),
        table,
      ),
    );
    return;
  }
  const allNs = session.allNamespaces;
  // One table per kind, separated by a blank line, as kubectl does for `get pods,deploy`.
  const groups = [...new Set(found.map((f) => f.kind))];
  const tables = groups.map((kind) => {
    const kindPrefix = kinds.length > 1 ? qualifiedKind(kind) : undefined;
    const columns = withLabelColumns(columnsFor(kind.kind, { wide: format.kind === 'wide', allNamespaces: allNs && kind.namespaced, kindPrefix }), table);
    return formatTable(
      columns.headers,
      found.filter((f) => f.kind === kind).map((f) => columns.row(f.object, now)),
      table,
    );
  });
  process.stdout.write(tables.join('\n'));
}
