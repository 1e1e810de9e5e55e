/** kubectl api-resources: NAME SHORTNAMES APIVERSION NAMESPACED KIND. */
import type { KindInfo } from '@wheelhouse/resources';
import { formatTable } from './table.js';

export function apiResourcesTable(kinds: readonly KindInfo[]): string {
  const rows = [...kinds]
    .sort((a, b) => a.plural.toLowerCase().localeCompare(b.plural.toLowerCase()))
    .map((k) => {
      const plural = k.plural.toLowerCase();
      // KindInfo lists the lowercase full names as aliases too; kubectl shows only true short names.
      const short = k.shortNames.filter((s) => s !== plural && s !== k.kind.toLowerCase());
      return [plural, short.join(','), k.apiVersion, String(k.namespaced), k.kind];
    });
  return formatTable(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'], rows);
}
