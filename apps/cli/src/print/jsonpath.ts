/**
 * kubectl's JSONPath templates (`-o jsonpath=...`): literal text with `{actions}`:
 * paths (`.a.b`, `[0]`, `[1:3]`, `[*]`, `..name`, `['key']`, `[?(@.type=="Ready")]`),
 * string literals (`{"\n"}`), and `{range PATH}...{end}`. Missing keys print nothing,
 * as with kubectl's default `--allow-missing-template-keys`.
 */
import { parsePath, parseTemplate, type Node, type Segment } from './jsonpath-parse.js';

export interface JsonPathTemplate {
  execute(root: unknown): string;
}

export function parseJsonPath(template: string): JsonPathTemplate {
  const nodes = parseTemplate(template);
  return { execute: (root) => render(nodes, root, root) };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One path (`.a.b[*]`, `{.a.b}` or `a.b`) as a function from an object to the values it reaches. */
export function compilePath(expr: string): (value: unknown) => unknown[] {
  let text = expr.trim();
  if (text.startsWith('{') && text.endsWith('}')) text = text.slice(1, -1).trim();
  if (!/^[.$@[]/.test(text)) text = `.${text}`;
  const { segments } = parsePath(text, expr);
  return (value) => evaluate(segments, value);
}

/** Every value the path reaches from `start`; missing keys reach nothing. */
function evaluate(segments: Segment[], start: unknown): unknown[] {
  let current: unknown[] = [start];
  for (const seg of segments) current = current.flatMap((v) => step(seg, v));
  return current;
}

function step(seg: Segment, v: unknown): unknown[] {
  switch (seg.t) {
    case 'field':
      // GraphQL answers unset fields with null; kubectl's objects omit them.
      return isObject(v) && v[seg.name] !== undefined && v[seg.name] !== null ? [v[seg.name]] : [];
    case 'recursive':
      return descendants(v).flatMap((d) => (seg.name === '' ? [d] : isObject(d) && seg.name in d ? [d[seg.name]] : []));
    case 'wildcard':
      return Array.isArray(v)
        ? v
        : isObject(v)
          ? Object.keys(v)
              .sort()
              .map((k) => v[k])
          : [];
    case 'index': {
      if (!Array.isArray(v)) return [];
      const at = seg.index < 0 ? v.length + seg.index : seg.index;
      return at >= 0 && at < v.length ? [v[at]] : [];
    }
    case 'slice':
      return Array.isArray(v) ? v.slice(seg.start, seg.end) : [];
    case 'filter':
      return (Array.isArray(v) ? v : []).filter((item) => matches(seg, item));
  }
}

function descendants(v: unknown): unknown[] {
  const children = Array.isArray(v) ? v : isObject(v) ? Object.values(v) : [];
  return [v, ...children.flatMap(descendants)];
}

function matches(seg: Extract<Segment, { t: 'filter' }>, item: unknown): boolean {
  const found = evaluate(seg.path, item);
  if (seg.op === undefined) return found.length > 0;
  return found.some((value) => compare(value, seg.op!, seg.value));
}

function compare(a: unknown, op: string, b: unknown): boolean {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return (a as number) < (b as number);
    case '>':
      return (a as number) > (b as number);
    case '<=':
      return (a as number) <= (b as number);
    default:
      return (a as number) >= (b as number);
  }
}

/** Strings print bare; maps and lists print as JSON, as kubectl does. */
export const printValue = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

function render(nodes: Node[], root: unknown, current: unknown): string {
  let out = '';
  for (const node of nodes) {
    if (node.t === 'text') out += node.text;
    else if (node.t === 'path')
      out += evaluate(node.segments, node.fromRoot ? root : current)
        .map(printValue)
        .join(' ');
    else for (const item of evaluate(node.segments, node.fromRoot ? root : current)) out += render(node.body, root, item);
  }
  return out;
}
