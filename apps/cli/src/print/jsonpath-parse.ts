/** Parsing of kubectl's JSONPath templates into text, path, and range nodes (see jsonpath.ts). */
import { UsageError } from '../errors.js';

export type Segment =
  | { t: 'field'; name: string }
  | { t: 'recursive'; name: string }
  | { t: 'wildcard' }
  | { t: 'index'; index: number }
  | { t: 'slice'; start?: number; end?: number }
  | { t: 'filter'; path: Segment[]; op?: string; value?: unknown };

export type Node = { t: 'text'; text: string } | { t: 'path'; fromRoot: boolean; segments: Segment[] } | { t: 'range'; fromRoot: boolean; segments: Segment[]; body: Node[] };

const bad = (template: string, why: string) => new UsageError(`error parsing jsonpath ${template}, ${why}`);

/** The template as a tree: `{range}` bodies nest until their `{end}`. */
export function parseTemplate(template: string): Node[] {
  const tokens = tokenize(template);
  let i = 0;
  const parseBody = (inRange: boolean): Node[] => {
    const nodes: Node[] = [];
    while (i < tokens.length) {
      const token = tokens[i++]!;
      if (token.t === 'text') {
        nodes.push(token);
        continue;
      }
      const action = token.action.trim();
      if (action === 'end') {
        if (!inRange) throw bad(template, 'unexpected {end}');
        return nodes;
      }
      if (action === '') throw bad(template, 'empty action');
      if (action.startsWith('range ')) {
        const { fromRoot, segments } = parsePath(action.slice('range '.length).trim(), template);
        nodes.push({ t: 'range', fromRoot, segments, body: parseBody(true) });
      } else if (action.startsWith('"') || action.startsWith("'")) nodes.push({ t: 'text', text: unquote(action, template) });
      else nodes.push({ t: 'path', ...parsePath(action, template) });
    }
    if (inRange) throw bad(template, 'range without {end}');
    return nodes;
  };
  return parseBody(false);
}

/** Text and `{...}` actions; a `}` inside quotes does not close an action. */
function tokenize(template: string): ({ t: 'text'; text: string } | { t: 'action'; action: string })[] {
  const out: ({ t: 'text'; text: string } | { t: 'action'; action: string })[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      out.push({ t: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) out.push({ t: 'text', text: template.slice(i, open) });
    let j = open + 1;
    let quote: string | undefined;
    for (; j < template.length; j++) {
      const c = template[j]!;
      if (quote) {
        if (c === '\\') j++;
        else if (c === quote) quote = undefined;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '}') break;
    }
    if (j >= template.length) throw bad(template, 'unclosed action');
    out.push({ t: 'action', action: template.slice(open + 1, j) });
    i = j + 1;
  }
  return out;
}

function unquote(text: string, template: string): string {
  const q = text[0]!;
  if (!text.endsWith(q) || text.length < 2) throw bad(template, `unterminated string ${text}`);
  return text.slice(1, -1).replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? c);
}

export function parsePath(text: string, template: string): { fromRoot: boolean; segments: Segment[] } {
  let s = text;
  let fromRoot = false;
  if (s.startsWith('$')) {
    fromRoot = true;
    s = s.slice(1);
  } else if (s.startsWith('@')) s = s.slice(1);
  const segments: Segment[] = [];
  let i = 0;
  const name = () => {
    // `\.` escapes a dot inside a key, as in `.metadata.labels.app\.kubernetes\.io/name`.
    const m = /^(?:\\.|[A-Za-z0-9_\-/])*/.exec(s.slice(i))![0];
    i += m.length;
    return m.replace(/\\(.)/g, '$1');
  };
  while (i < s.length) {
    if (s.startsWith('..', i)) {
      i += 2;
      segments.push({ t: 'recursive', name: name() });
    } else if (s[i] === '.') {
      i++;
      if (s[i] === '*') {
        i++;
        segments.push({ t: 'wildcard' });
      } else {
        const n = name();
        if (n) segments.push({ t: 'field', name: n });
      }
    } else if (s[i] === '[') {
      const close = findClose(s, i);
      if (close < 0) throw bad(template, `unterminated array in ${text}`);
      segments.push(parseBracket(s.slice(i + 1, close).trim(), template));
      i = close + 1;
    } else throw bad(template, `unrecognized character in action: ${JSON.stringify(s[i])}`);
  }
  return { fromRoot, segments };
}

/** The `]` closing the `[` at `open`, skipping quoted text and nested brackets. */
function findClose(s: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

function parseBracket(inner: string, template: string): Segment {
  if (inner === '*') return { t: 'wildcard' };
  if (/^-?\d+$/.test(inner)) return { t: 'index', index: Number(inner) };
  const slice = /^(-?\d*):(-?\d*)$/.exec(inner);
  if (slice) return { t: 'slice', start: slice[1] ? Number(slice[1]) : undefined, end: slice[2] ? Number(slice[2]) : undefined };
  if (/^(['"]).*\1$/.test(inner)) return { t: 'field', name: inner.slice(1, -1) };
  const filter = /^\?\((.*)\)$/.exec(inner);
  if (filter) {
    const m = /^(@[^=!<>\s]*)\s*(==|!=|<=|>=|<|>)\s*(.+)$/.exec(filter[1]!.trim());
    if (!m) return { t: 'filter', path: parsePath(filter[1]!.trim(), template).segments };
    return { t: 'filter', path: parsePath(m[1]!, template).segments, op: m[2]!, value: literal(m[3]!.trim(), template) };
  }
  throw bad(template, `unrecognized array expression [${inner}]`);
}

function literal(text: string, template: string): unknown {
  if (text.startsWith('"') || text.startsWith("'")) return unquote(text, template);
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  throw bad(template, `unrecognized filter value ${text}`);
}
