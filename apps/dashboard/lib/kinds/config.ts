import { META } from './kind.ts';
import { listKind } from './list-kind.ts';
import { printerColumns } from './printer-columns.ts';

export const ConfigMapKind = listKind('ConfigMap');

/**
 * A Secret's values stay out of the list: the selection has no `data`, so the list shows
 * kubectl's TYPE and AGE but not DATA (its key count needs the values).
 */
export const SecretKind = listKind('Secret', {
  listSelection: `${META} type immutable`,
  columns: printerColumns('Secret').filter((c) => c.id !== 'data'),
});
