/** Pages about one object besides its detail view; each lives under its own prefix. */
export type ObjectView = 'history' | 'edit' | 'logs';

export interface ObjectRef {
  namespace?: string;
  name: string;
}

/** `/history/deployments/default/web`; cluster-scoped kinds have no namespace segment. */
export function viewHref(view: ObjectView, kindPath: string, namespaced: boolean, ref: ObjectRef): string {
  const parts = namespaced ? [ref.namespace || 'default', ref.name] : [ref.name];
  return `/${view}/${kindPath}/${parts.map(encodeURIComponent).join('/')}`;
}

/** The catch-all segments of an object URL: [namespace, name] or [name]; undefined when the count is wrong. */
export function objectFromSegments(namespaced: boolean, segments: readonly string[]): ObjectRef | undefined {
  const parts = segments.map(decodeURIComponent);
  if (parts.length !== (namespaced ? 2 : 1) || parts.some((p) => !p)) return undefined;
  return namespaced ? { namespace: parts[0], name: parts[1]! } : { name: parts[0]! };
}
