import { selectorToSql } from '@wheelhouse/selectors';
import type { KindInfo } from '@wheelhouse/resources';
import type { ObjectFilter } from './object-filter.js';

/** The SQL condition of a filter, appending bind parameters (never values in the text). */
export function filterToSql(kind: KindInfo, filter: ObjectFilter, params: unknown[]): string {
  const where: string[] = ['TRUE'];
  if (kind.namespaced && filter.namespace !== undefined) {
    params.push(filter.namespace);
    where.push(`"namespace" = $${params.length}`);
  }
  if (filter.labelSelector) where.push(selectorToSql(filter.labelSelector, '"labels"', params));
  for (const req of filter.fieldSelector?.requirements ?? []) {
    const column = fieldColumn(kind, req.field);
    params.push(req.value);
    where.push(`${column} ${req.operator === 'NotEquals' ? '<>' : '='} $${params.length}`);
  }
  return where.join(' AND ');
}

function fieldColumn(kind: KindInfo, field: string): string {
  if (field === 'metadata.name') return '"name"';
  if (field === 'metadata.namespace') return '"namespace"';
  const column = kind.fieldColumns[field];
  if (!column) throw new Error(`field selector ${field} has no column for ${kind.kind}`);
  return column;
}
