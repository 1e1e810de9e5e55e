/**
 * GraphQL reports bad variables as `Variable "$input" got invalid value ... at
 * "input.spec.containers[0]"; Field "foo" is not defined by type ...`. This recovers
 * the Kubernetes field path (`spec.containers[0].foo`) for `extensions.field`.
 */
export function fieldPathFromVariableError(message: string): string | undefined {
  const at = /at "([^"]+)"/.exec(message)?.[1];
  const variable = /^Variable "\$(\w+)"/.exec(message)?.[1];
  if (!variable) return undefined;
  let path = at ? at.replace(/^\w+\.?/, '') : '';
  const field = /Field "([^"]+)" (?:is not defined|of required type)/.exec(message)?.[1];
  if (field) path = path ? `${path}.${field}` : field;
  return path || variable;
}

/** `["spec", "containers", 0, "name"]` → `spec.containers[0].name`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
}
