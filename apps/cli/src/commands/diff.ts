/**
 * wh diff -f FILE: what `wh apply -f FILE` would change, from a server-side dry run
 * against the live objects, as a unified diff (kubectl diff's layout). Exit status as
 * kubectl's: 0 no differences, 1 differences, >1 an error.
 */
import { structuredPatch } from 'diff';
import { list, type ParsedArgs } from '../args.js';
import { err, out, withSession, type Command } from '../command.js';
import { CliError, formatError } from '../errors.js';
import { findKindByManifest } from '../kinds.js';
import { readObjects } from '../manifest.js';
import { toManifest, toYaml, type KubeObj } from '../print/object.js';
import { Session } from '../session.js';
import { resolveExported } from './apply.js';

const DRY_RUN = `mutation Diff($manifest: String!, $namespace: String) {
  apply(manifest: $manifest, namespace: $namespace, dryRun: true) { objects { apiVersion kind namespace name object } }
}`;

interface Planned {
  apiVersion: string;
  kind: string;
  namespace: string | null;
  name: string;
  object: KubeObj;
}

/** Fields that change on every write and say nothing about the difference (kubectl hides managedFields too). */
function comparable(o: KubeObj | null, apiVersion: string, kind: string): string {
  if (!o) return '';
  const manifest = toManifest(o, apiVersion, kind) as KubeObj;
  const { resourceVersion: _r, managedFields: _m, ...metadata } = manifest.metadata as Record<string, unknown>;
  return toYaml(sortKeys({ ...manifest, metadata }));
}

/** Keys in order, as kubectl diff prints unstructured objects, so field order never shows as a change. */
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!v || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
  );
}

export function unifiedDiff(left: string, right: string, live: string, merged: string): string {
  const patch = structuredPatch(left, right, live, merged, undefined, undefined, { context: 3 });
  if (patch.hunks.length === 0) return '';
  const lines = [`diff -u -N ${left} ${right}`, `--- ${left}`, `+++ ${right}`];
  for (const h of patch.hunks) lines.push(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines);
  return `${lines.join('\n')}\n`;
}

export const diffCommand: Command = {
  name: 'diff',
  summary: 'Diff the live objects against what apply would make of a file',
  usage: 'Usage: wh diff -f FILE|DIR|-',
  flags: [{ name: 'filename', short: 'f', value: true, multiple: true }],
  async run(args: ParsedArgs) {
    // kubectl diff: 1 means "differences found", so failures exit 2.
    try {
      return await diffFiles(args);
    } catch (e) {
      err(formatError(e));
      return 2;
    }
  },
};

async function diffFiles(args: ParsedArgs): Promise<number> {
  const objects = readObjects(list(args, 'filename'));
  const session = new Session(args);
  return withSession(session, async () => {
    // An unedited export diffs as apply would send it (see exported.ts).
    const documents = await Promise.all(objects.map((o) => resolveExported(session, o)));
    const manifest = documents.map((o) => JSON.stringify(o)).join('\n---\n');
    const { apply } = await session.client.request<{ apply: { objects: Planned[] } }>(DRY_RUN, { manifest, namespace: session.namespace });
    let differs = false;
    for (const planned of apply.objects) {
      const kind = findKindByManifest(planned.apiVersion, planned.kind);
      if (!kind) throw new CliError(`resource mapping not found for kind "${planned.kind}" in version "${planned.apiVersion}"`);
      const live = await session.get(kind, planned.name, planned.namespace ?? undefined);
      const id = [planned.apiVersion.replace('/', '.'), planned.kind, planned.namespace, planned.name].filter(Boolean).join('.');
      const text = unifiedDiff(`/tmp/LIVE/${id}`, `/tmp/MERGED/${id}`, comparable(live, kind.apiVersion, kind.kind), comparable(planned.object, kind.apiVersion, kind.kind));
      if (text) {
        differs = true;
        out(text);
      }
    }
    return differs ? 1 : 0;
  });
}
