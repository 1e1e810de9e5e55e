import type { AnyObject } from './objects.ts';
import type { ResourceTotals } from './resources.ts';

export type Tone = 'green' | 'red' | 'yellow' | 'gray' | 'blue';

/** What a column may need besides the row: the clock, and node totals computed from pods. */
export interface ColumnContext {
  now: number;
  requestedByNode?: ReadonlyMap<string, ResourceTotals>;
}

/** One column of a list, like a `kubectl get -o wide` column; pure functions of the row. */
export interface Column<T = AnyObject> {
  id: string;
  header: string;
  value: (object: T, ctx: ColumnContext) => string | number;
  /** Sort key when it differs from the shown value (ages sort by time, not text). */
  sortValue?: (object: T, ctx: ColumnContext) => string | number;
  tone?: (object: T) => Tone | undefined;
  /** The cell links to another object. */
  link?: (object: T) => { kind: string; namespace?: string | null; name: string } | undefined;
  /** Shown only in the wide view. */
  wide?: boolean;
}

/** Everything the dashboard knows about a kind; the registry lists one per kind. */
export interface KindDef<T extends AnyObject = AnyObject> {
  kind: string;
  /** Navigation label, e.g. "Pods". */
  title: string;
  /** URL segment and kubectl resource name, e.g. "pods". */
  path: string;
  namespaced: boolean;
  /** GraphQL root fields. */
  fields: { get: string; list: string; watch: string };
  /** The GraphQL selection a list row needs (list and watch use the same). */
  listSelection: string;
  /** The live detail page's selection when not the full object (Secrets: without their values). */
  detailSelection?: string;
  columns: Column<T>[];
  /** The list's initial order when not by name (events: newest first). */
  defaultSort?: { column: string; direction: 'asc' | 'desc' };
  /** Mutations this kind supports beyond delete. */
  actions?: {
    scale?: string;
    restart?: string;
    pause?: string;
    resume?: string;
    /** The patch mutation that sets spec.suspend (CronJob suspend/resume). */
    suspend?: string;
    /** The create mutation of a Job made from the object's template (CronJob "trigger now"). */
    trigger?: string;
  };
}

/** The metadata every list row carries. */
export const META = `metadata { name namespace uid resourceVersion generation creationTimestamp deletionTimestamp labels ownerReferences { apiVersion kind name uid controller } }`;

/** GraphQL root field names follow the API's convention: `pod`, `pods`, `watchPods`. */
export function fieldsFor(singular: string, plural: string) {
  return { get: singular, list: plural, watch: `watch${plural[0]!.toUpperCase()}${plural.slice(1)}` };
}
