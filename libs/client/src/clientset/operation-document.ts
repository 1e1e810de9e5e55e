import { OPERATIONS, SELECTIONS } from '@wheelhouse/model';

export type RootKind = keyof typeof OPERATIONS;

interface FieldInfo {
  args: Readonly<Record<string, string>>;
  returns: string;
}

const upperFirst = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** What a field returns when no selection is asked for: the whole object (lists: whole items). */
export function defaultSelection(returns: string): string | undefined {
  const selections = SELECTIONS as Record<string, string>;
  if (returns in selections) return selections[returns];
  if (returns.endsWith('List') && returns.slice(0, -4) in selections) {
    return `metadata { resourceVersion continue } items { ${selections[returns.slice(0, -4)]} }`;
  }
  return undefined; // a scalar
}

export function fieldInfo(root: RootKind, field: string): FieldInfo {
  const info = (OPERATIONS[root] as Record<string, FieldInfo>)[field];
  if (!info) throw new TypeError(`the API has no ${root} field ${JSON.stringify(field)}`);
  return info;
}

const cache = new Map<string, string>();

/**
 * `mutation PatchPod($namespace: String, $name: String!, $patch: JSONObject!) { result: patchPod(…) { … } }`,
 * declaring only the arguments the call uses: an argument left out keeps its server
 * default. Documents are cached by shape, so the server's parsed-document cache hits too.
 */
export function operationDocument(root: RootKind, field: string, argNames: readonly string[], selection?: string): string {
  const info = fieldInfo(root, field);
  const select = selection ?? defaultSelection(info.returns);
  const key = `${root}\0${field}\0${argNames.join(',')}\0${select ?? ''}`;
  let document = cache.get(key);
  if (!document) {
    for (const name of argNames) if (!(name in info.args)) throw new TypeError(`${field} has no argument ${JSON.stringify(name)}`);
    const declare = argNames.length ? `(${argNames.map((n) => `$${n}: ${info.args[n]}`).join(', ')})` : '';
    const pass = argNames.length ? `(${argNames.map((n) => `${n}: $${n}`).join(', ')})` : '';
    document = `${root} ${upperFirst(field)}${declare} { result: ${field}${pass}${select ? ` { ${select} }` : ''} }`;
    cache.set(key, document);
  }
  return document;
}
