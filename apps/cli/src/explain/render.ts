/** kubectl explain's plaintext output, from the API schema's types and descriptions. Pure. */
import { namedType, type SchemaField, type SchemaType, typeLabel } from './schema-types.js';

export interface ExplainTarget {
  kind: string;
  /** '' for the core group. */
  group: string;
  version: string;
  /** The field path below the kind: `spec.containers` → ['spec', 'containers']. */
  path: string[];
  recursive: boolean;
}

const WIDTH = 80;

/** The explanation, or an Error with kubectl's message when a field does not exist. */
export function explain(types: Map<string, SchemaType>, target: ExplainTarget): string | Error {
  const root = types.get(target.kind);
  if (!root?.fields) return new Error(`couldn't find resource for "${target.kind}"`);
  // Walk the path: `current` is the object type the last field leads to, undefined past a scalar.
  let current: SchemaType | undefined = root;
  let field: SchemaField | undefined;
  for (const name of target.path) {
    field = current?.fields?.find((f) => f.name === name);
    if (!field) return new Error(`field "${name}" does not exist`);
    const next = types.get(namedType(field.type).name ?? '');
    current = next?.fields ? next : undefined;
  }
  const lines: string[] = [];
  if (target.group) lines.push(`GROUP:      ${target.group}`);
  lines.push(`KIND:       ${target.kind}`, `VERSION:    ${target.version}`, '');
  if (field) lines.push(`FIELD: ${field.name} <${typeLabel(field.type)}>`, '');
  // A field's own words, then its type's, as kubectl prints them.
  const description = field ? [field.description, current?.description].filter(Boolean).join('\n') : root.description;
  lines.push('DESCRIPTION:', ...indent(wrap(description || '<empty>', WIDTH - 4), 4), '    ');
  if (current?.fields?.length) {
    lines.push('FIELDS:');
    if (target.recursive) lines.push(...recursiveFields(types, current, 1, new Set([current.name])));
    else for (const f of current.fields) lines.push(...fieldEntry(f));
  }
  return `${lines.join('\n')}\n`;
}

function fieldEntry(f: SchemaField): string[] {
  return [`  ${f.name}\t<${typeLabel(f.type)}>`, ...indent(wrap(f.description || '<no description>', WIDTH - 4), 4), ''];
}

/** Every field below, two spaces a level; a type already open above is not opened again (cycles). */
function recursiveFields(types: Map<string, SchemaType>, type: SchemaType, depth: number, open: Set<string>): string[] {
  const lines: string[] = [];
  for (const f of type.fields ?? []) {
    lines.push(`${'  '.repeat(depth)}${f.name}\t<${typeLabel(f.type)}>`);
    const child = types.get(namedType(f.type).name ?? '');
    if (child?.fields && !open.has(child.name)) lines.push(...recursiveFields(types, child, depth + 1, new Set([...open, child.name])));
  }
  return lines;
}

function indent(lines: string[], by: number): string[] {
  return lines.map((l) => `${' '.repeat(by)}${l}`);
}

/** Greedy word wrap; paragraphs (blank lines) kept. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
}
