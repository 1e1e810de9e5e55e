/** Kubernetes field-path notation (field.Path.String()): `spec.containers[0].env[1].name`, `metadata.labels[app]`. */

export function childPath(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

export function indexPath(path: string, index: number): string {
  return `${path}[${index}]`;
}

export function keyPath(path: string, key: string): string {
  return `${path}[${key}]`;
}
