/**
 * wh edit (KIND NAME | KIND/NAME): opens $KUBE_EDITOR or $EDITOR (default vi) on the
 * object's YAML and writes what changed, with the shown resourceVersion as a precondition.
 * When the write fails (a conflict, invalid input) the edited file is kept and named, as
 * kubectl does.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { str, type ParsedArgs } from '../args.js';
import { err, out, withSession, type Command } from '../command.js';
import { CliError, formatError, notFoundError, UsageError } from '../errors.js';
import { kindAndNames, lowerPlural, qualifiedKind } from '../kinds.js';
import { mergePatchBetween } from '../patch/merge-patch-between.js';
import { toJson, toManifest, toYaml } from '../print/object.js';
import { Session } from '../session.js';

const HEADER = [
  "# Please edit the object below. Lines beginning with a '#' will be ignored,",
  '# and an empty file will abort the edit. If an error occurs while saving, this file is',
  '# kept and its path printed.',
  '#',
].join('\n');

/** kubectl splits the editor variable on spaces and runs it with the file appended. */
function runEditor(file: string, env: NodeJS.ProcessEnv): void {
  const editor = env.KUBE_EDITOR || env.EDITOR || 'vi';
  const result = spawnSync('sh', ['-c', `${editor} "$1"`, 'editor', file], { stdio: 'inherit' });
  if (result.error || result.status !== 0) throw new CliError(`there was a problem with the editor "${editor}"`);
}

const strip = (text: string) =>
  text
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n');

export const editCommand: Command = {
  name: 'edit',
  summary: 'Edit a resource in your editor',
  usage: 'Usage: wh edit (KIND NAME | KIND/NAME) [-o yaml|json]',
  flags: [{ name: 'output', short: 'o', value: true }],
  async run(args: ParsedArgs) {
    const format = str(args, 'output') ?? 'yaml';
    if (format !== 'yaml' && format !== 'json') throw new UsageError('--output must be yaml or json');
    const targets = kindAndNames(args.positionals).flatMap(({ kind, names }) => names.map((name) => ({ kind, name })));
    if (targets.length !== 1) throw new UsageError('edit takes exactly one resource', this.usage);
    const { kind, name } = targets[0]!;
    const session = new Session(args);
    return withSession(session, async () => {
      const current = await session.get(kind, name);
      if (!current) throw notFoundError(lowerPlural(kind), name);
      const shown = toManifest(current, kind.apiVersion, kind.kind);
      const dir = mkdtempSync(join(tmpdir(), 'wh-edit-'));
      const file = join(dir, `${lowerPlural(kind)}-${name}.${format}`);
      const original = `${HEADER}\n${format === 'json' ? toJson(shown) : toYaml(shown)}`;
      writeFileSync(file, original);
      runEditor(file, process.env);
      const edited = readFileSync(file, 'utf8');
      if (strip(edited).trim() === '') {
        rmSync(dir, { recursive: true });
        err('Edit cancelled, saved file was empty.');
        return 0;
      }
      let wanted: Record<string, unknown>;
      try {
        wanted = YAML.parse(strip(edited)) as Record<string, unknown>;
      } catch (e) {
        err(`error: the edited file is not valid ${format}: ${(e as Error).message}\nA copy of your changes has been stored to "${file}"`);
        return 1;
      }
      const { status: _s, ...patch } = mergePatchBetween(shown, wanted ?? {});
      if (Object.keys(patch).length === 0) {
        rmSync(dir, { recursive: true });
        out('Edit cancelled, no changes made.');
        return 0;
      }
      try {
        await session.patch(kind, name, { ...patch, metadata: { ...((patch.metadata as object) ?? {}), resourceVersion: current.metadata.resourceVersion } });
      } catch (e) {
        err(`${formatError(e)}\nA copy of your changes has been stored to "${file}"`);
        return 1;
      }
      rmSync(dir, { recursive: true });
      out(`${qualifiedKind(kind)}/${name} edited`);
      return 0;
    });
  },
};
