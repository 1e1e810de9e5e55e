import { isMap, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';

/**
 * Kubernetes field-path notation to segments: `spec.containers[0].name` →
 * `['spec', 'containers', 0, 'name']`; map keys may be subscripted, dots and all:
 * `metadata.labels[app.kubernetes.io/name]` → `['metadata', 'labels', 'app.kubernetes.io/name']`.
 */
export function parseFieldPath(field: string): (string | number)[] {
  const parts: (string | number)[] = [];
  let current = '';
  const flush = () => {
    if (current) parts.push(current);
    current = '';
  };
  for (let i = 0; i < field.length; i++) {
    const c = field[i]!;
    if (c === '.') flush();
    else if (c === '[' && field.indexOf(']', i) !== -1) {
      flush();
      const end = field.indexOf(']', i);
      const inner = field.slice(i + 1, end);
      parts.push(/^\d+$/.test(inner) ? Number(inner) : inner);
      i = end;
    } else current += c;
  }
  flush();
  return parts;
}

/** The document an apply error names (`document 2: ...`), 0 when it names none. */
export function documentIndexOf(message: string): number {
  const match = /\bdocument (\d+)\b/.exec(message);
  return match ? Number(match[1]) : 0;
}

export interface FieldLocation {
  /** 1-based line of the deepest node of the path found in the text. */
  line: number;
  /** Whether the whole path was found, or only an ancestor (the field is missing). */
  exact: boolean;
}

/**
 * Where a field path (an error's `extensions.field`) sits in a YAML manifest: the line
 * of its key. Label and annotation keys contain dots (`app.kubernetes.io/name`), so a
 * map key may span several dotted segments; the longest key present wins. When the
 * path leaves the text (a required field missing), the deepest ancestor's line is given.
 */
export function locateField(text: string, field: string, documentIndex = 0): FieldLocation | undefined {
  const lineCounter = new LineCounter();
  const doc = parseAllDocuments(text, { lineCounter })[documentIndex];
  if (!doc || !('contents' in doc) || !doc.contents) return undefined;
  const path = parseFieldPath(field);
  let node: Node | null = doc.contents as Node;
  let keyOffset: number | undefined;
  let i = 0;
  while (i < path.length && node) {
    const part = path[i]!;
    if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part] as Node | undefined;
      if (!item) break;
      node = item;
      keyOffset = item.range?.[0];
      i += 1;
      continue;
    }
    if (isMap(node)) {
      const found = longestKey(node, path.map(String), i);
      if (!found) break;
      keyOffset = (found.pair.key as Node).range?.[0];
      node = found.pair.value as Node | null;
      i += found.used;
      continue;
    }
    break;
  }
  if (keyOffset === undefined) return i === path.length ? { line: 1, exact: true } : undefined;
  return { line: lineCounter.linePos(keyOffset).line, exact: i === path.length };
}

function longestKey(map: { items: { key: unknown; value: unknown }[] }, path: string[], from: number) {
  for (let end = path.length; end > from; end--) {
    const key = path.slice(from, end).join('.');
    const pair = map.items.find((p) => keyText(p.key) === key);
    if (pair) return { pair: pair as { key: Node; value: Node | null }, used: end - from };
  }
  return undefined;
}

function keyText(key: unknown): string | undefined {
  if (key && typeof key === 'object' && 'value' in key) return String((key as { value: unknown }).value);
  return typeof key === 'string' ? key : undefined;
}
