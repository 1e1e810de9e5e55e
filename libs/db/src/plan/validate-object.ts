import { invalid, validateObjectMeta, type KindInfo, type KubeObject, type FieldError } from '@wheelhouse/resources';
import { invalidStrings } from './valid-strings.js';

/** Metadata and kind rules together; throws BAD_USER_INPUT naming the first field. */
export function assertValid(kind: KindInfo, object: KubeObject, extra: FieldError[] = []): void {
  // First, and alone: a NUL in a name would otherwise be echoed by every other rule.
  const unstorable = invalidStrings(object);
  if (unstorable.length > 0) throw invalid(kind.kind, undefined, unstorable);
  const errors = [...validateObjectMeta(object.metadata ?? {}, { namespaced: kind.namespaced, nameRule: kind.nameRule }), ...kind.validate(object), ...extra];
  if (errors.length > 0) throw invalid(kind.kind, object.metadata?.name, errors);
}
