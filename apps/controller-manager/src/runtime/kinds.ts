import { KINDS, type KindInfo } from '@wheelhouse/resources';

/** GraphQL operation names of a kind (API.md: `pods`, `deletePod`, `patchPod`, …). */
export function operations(kind: KindInfo) {
  return { list: kind.plural, delete: `delete${kind.kind}`, patch: `patch${kind.kind}`, get: kind.singular };
}

export const NAMESPACED_KINDS = KINDS.filter((k) => k.namespaced);

export function kindNamed(kind: string): KindInfo | undefined {
  return KINDS.find((k) => k.kind === kind);
}
