import { diffLines } from 'diff';
import { toYaml } from '../yaml/render.ts';

export type DiffLineKind = 'added' | 'removed' | 'context';

export interface DiffLine {
  kind: DiffLineKind;
  text: string;
  /** 1-based line in the older rendering (absent for added lines). */
  oldLine?: number;
  /** 1-based line in the newer rendering (absent for removed lines). */
  newLine?: number;
}

/** A run of unchanged lines left out of the view. */
export interface DiffGap {
  kind: 'gap';
  count: number;
}

export type DiffRow = DiffLine | DiffGap;

export interface RevisionDiff {
  rows: DiffRow[];
  added: number;
  removed: number;
}

/**
 * A line diff of two objects' YAML renderings (keys sorted, as kubectl prints them),
 * unchanged runs longer than 2 × context folded into gaps, like `diff -U context`.
 */
export function diffObjects(older: unknown, newer: unknown, context = 3): RevisionDiff {
  const lines: DiffLine[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (const part of diffLines(older === undefined ? '' : toYaml(older), toYaml(newer))) {
    for (const text of splitLines(part.value)) {
      if (part.added) lines.push({ kind: 'added', text, newLine: newLine++ });
      else if (part.removed) lines.push({ kind: 'removed', text, oldLine: oldLine++ });
      else lines.push({ kind: 'context', text, oldLine: oldLine++, newLine: newLine++ });
    }
  }
  return {
    rows: foldContext(lines, context),
    added: lines.filter((l) => l.kind === 'added').length,
    removed: lines.filter((l) => l.kind === 'removed').length,
  };
}

function splitLines(value: string): string[] {
  const lines = value.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Keeps `context` unchanged lines around each change; longer unchanged runs become one gap. */
export function foldContext(lines: DiffLine[], context: number): DiffRow[] {
  const keep = lines.map((l) => l.kind !== 'context');
  lines.forEach((line, i) => {
    if (line.kind === 'context') return;
    for (let j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++) keep[j] = true;
  });
  const rows: DiffRow[] = [];
  lines.forEach((line, i) => {
    if (keep[i]) rows.push(line);
    else if (rows.at(-1)?.kind === 'gap') (rows.at(-1) as DiffGap).count++;
    else rows.push({ kind: 'gap', count: 1 });
  });
  return rows;
}

/** Leaf paths whose values differ, e.g. `spec.replicas`, for a one-line summary of a revision. */
export function changedPaths(older: unknown, newer: unknown, ignore: readonly string[] = ['metadata.resourceVersion'], path = ''): string[] {
  if (isPlainObject(older) && isPlainObject(newer)) {
    const keys = [...new Set([...Object.keys(older), ...Object.keys(newer)])].sort();
    return keys.flatMap((k) => changedPaths(older[k], newer[k], ignore, path ? `${path}.${k}` : k));
  }
  if (ignore.includes(path)) return [];
  return JSON.stringify(older ?? null) === JSON.stringify(newer ?? null) ? [] : [path];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
