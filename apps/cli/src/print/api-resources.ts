/** kubectl api-resources: NAME SHORTNAMES APIVERSION NAMESPACED KIND. */
import type { KindIdentity } from '@wheelhouse/model';
import { formatTable } from './table.js';

export function apiResourcesTable(kinds: readonly KindIdentity[]): string {
  const rows = [...kinds].sort((a, b) => a.resource.localeCompare(b.resource)).map((k) => [k.resource, k.shortNames.join(','), k.apiVersion, String(k.namespaced), k.kind]);
  return formatTable(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'], rows);
}
