/** GraphQL types of the list and watch arguments (API.md "Operations"). */
const ARGUMENT_TYPES = {
  namespace: 'String',
  labelSelector: 'String',
  fieldSelector: 'String',
  limit: 'Int',
  continue: 'String',
  resourceVersion: 'String',
  allowWatchBookmarks: 'Boolean',
} as const;

export type ArgumentName = keyof typeof ARGUMENT_TYPES;

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** `pods` → `Pods`; refuses anything that is not a GraphQL name, since it is spliced into a document. */
export function capitalize(plural: string): string {
  if (!NAME.test(plural)) throw new TypeError(`not a GraphQL field name: ${JSON.stringify(plural)}`);
  return plural[0]!.toUpperCase() + plural.slice(1);
}

/** The `watch<Plural>` subscription field, e.g. `watchPods`. */
export const watchField = (plural: string) => `watch${capitalize(plural)}`;

/**
 * Declares only the arguments the caller uses. Cluster-scoped kinds may have no
 * `namespace` argument and a server may lack an optional one, and a document naming
 * an unknown argument fails validation. The documents still come from a small fixed
 * set per call site, so the server's document cache keeps working.
 */
function argumentLists(names: readonly ArgumentName[]): { declare: string; pass: string } {
  if (names.length === 0) return { declare: '', pass: '' };
  return {
    declare: `(${names.map((n) => `$${n}: ${ARGUMENT_TYPES[n]}`).join(', ')})`,
    pass: `(${names.map((n) => `${n}: $${n}`).join(', ')})`,
  };
}

/** `query List<Plural>` with the list aliased to `list`. */
export function listDocument(plural: string, fields: string, args: readonly ArgumentName[]): string {
  const { declare, pass } = argumentLists(args);
  return `query List${capitalize(plural)}${declare} {
  list: ${plural}${pass} {
    metadata { resourceVersion continue }
    items { ${fields} }
  }
}`;
}

/**
 * `subscription Watch<Plural>` with the event aliased to `event`. The object always
 * selects `metadata.resourceVersion` (GraphQL merges it with the caller's `metadata`)
 * because resuming depends on it.
 */
export function watchDocument(plural: string, fields: string, args: readonly ArgumentName[], kind?: string): string {
  const { declare, pass } = argumentLists(args);
  return `subscription Watch${kind ? capitalize(kind) : capitalize(plural)}${declare} {
  event: ${watchField(plural)}${pass} {
    type
    object { metadata { resourceVersion } ${fields} }
  }
}`;
}

/** The entries that are set: the arguments a call actually uses. */
export function setArguments(values: Partial<Record<ArgumentName, unknown>>): Partial<Record<ArgumentName, unknown>> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null));
}

export const argumentNames = (values: Partial<Record<ArgumentName, unknown>>) => Object.keys(values) as ArgumentName[];
