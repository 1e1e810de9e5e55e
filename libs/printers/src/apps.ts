/** kubectl's cells for the apps/v1 history kinds (pkg/printers/internalversion/printers.go). */
import type { ControllerRevision } from '@wheelhouse/model';

/**
 * printControllerRevision CONTROLLER: the controlling owner as `kind.group/name`
 * (formatResourceName with the GroupKind, lower-cased), `<none>` without one.
 */
export function controllerRevisionController(o: ControllerRevision): string {
  const owner = (o.metadata.ownerReferences ?? []).find((r) => r.controller === true);
  if (!owner) return '<none>';
  const group = (owner.apiVersion ?? '').includes('/') ? (owner.apiVersion ?? '').split('/')[0] : '';
  const groupKind = group ? `${owner.kind ?? ''}.${group}` : (owner.kind ?? '');
  return groupKind ? `${groupKind.toLowerCase()}/${owner.name ?? ''}` : (owner.name ?? '');
}
