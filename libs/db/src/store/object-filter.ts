import { matches, matchesFields, type FieldSelector, type Selector } from '@wheelhouse/selectors';
import type { KindInfo, KubeObject } from '@wheelhouse/resources';
import { selectableSnapshot, type SelectableSnapshot } from './selectable.js';

/** What lists and watches filter on; selectors arrive parsed (parse errors are the API's to report). */
export interface ObjectFilter {
  /** undefined = all namespaces. */
  namespace?: string;
  labelSelector?: Selector;
  fieldSelector?: FieldSelector;
}

export function snapshotMatches(filter: ObjectFilter, snapshot: SelectableSnapshot): boolean {
  if (filter.namespace !== undefined && snapshot.fields['metadata.namespace'] !== filter.namespace) return false;
  if (filter.labelSelector && !matches(filter.labelSelector, snapshot.labels)) return false;
  if (filter.fieldSelector && !matchesFields(filter.fieldSelector, snapshot.fields)) return false;
  return true;
}

/** In-memory matcher for one kind, equivalent to the SQL of filter-sql.ts. */
export function objectFilter(kind: KindInfo, filter: ObjectFilter): (object: KubeObject) => boolean {
  return (object) => snapshotMatches(filter, selectableSnapshot(kind, object));
}
