/**
 * What `get -w` prints per change, kubectl's way: table rows without repeating the
 * header, one document per object for yaml/json (`---` between yaml documents), and
 * with `--output-watch-events` the event type too.
 */
import type { KindInfo } from '@wheelhouse/resources';
import { columnsFor, type Columns } from './columns.js';
import { withLabelColumns, type LabelColumnOptions } from './label-columns.js';
import { toJson, toManifest, toYaml, type KubeObj } from './object.js';
import { nameOf, type OutputFormat } from './output.js';
import { streamingTable } from './table.js';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchPrinterOptions extends Partial<LabelColumnOptions> {
  allNamespaces: boolean;
  /** `--output-watch-events`: an EVENT column, or `{type, object}` documents. */
  watchEvents: boolean;
  noHeaders?: boolean;
}

/** Returns the text for each change; `now` is when it is printed (for AGE). */
export type WatchPrinter = (type: WatchEventType, object: KubeObj, now: number) => string;

export function watchPrinter(format: OutputFormat, kind: KindInfo, options: WatchPrinterOptions): WatchPrinter {
  const manifest = (o: KubeObj) => toManifest(o, kind.apiVersion, kind.kind);
  const document = (type: WatchEventType, o: KubeObj) => (options.watchEvents ? { type, object: manifest(o) } : manifest(o));
  switch (format.kind) {
    case 'json':
      return (type, o) => toJson(document(type, o));
    case 'yaml': {
      let printed = 0;
      return (type, o) => (printed++ ? '---\n' : '') + toYaml(document(type, o));
    }
    case 'name':
      return (type, o) => `${(options.watchEvents ? `${type} ` : '') + nameOf(kind, o)}\n`;
    case 'jsonpath':
      return (type, o) => format.template.execute(document(type, o));
    case 'custom-columns':
      return tablePrinter(format.columns, options);
    default: {
      const columns = columnsFor(kind.kind, { wide: format.kind === 'wide', allNamespaces: options.allNamespaces && kind.namespaced });
      return tablePrinter(withLabelColumns(columns, { labelColumns: options.labelColumns ?? [], showLabels: options.showLabels ?? false }), options);
    }
  }
}

function tablePrinter(columns: Columns, options: WatchPrinterOptions): WatchPrinter {
  const next = streamingTable(options.watchEvents ? ['EVENT', ...columns.headers] : columns.headers, { noHeaders: options.noHeaders });
  return (type, o, now) => next([[...(options.watchEvents ? [type] : []), ...columns.row(o, now)]]);
}
