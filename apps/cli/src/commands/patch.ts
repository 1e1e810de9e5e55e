/** wh patch (KIND NAME | KIND/NAME) -p PATCH [--type strategic|merge|json] [--subresource status] */
import { readFileSync } from 'node:fs';
import fastJsonPatch from 'fast-json-patch';
import YAML from 'yaml';
import { str, type ParsedArgs } from '../args.js';
import { out, withSession, type Command } from '../command.js';
import { CliError, UsageError } from '../errors.js';
import { kindAndNames, qualifiedKind } from '../kinds.js';
import { strategicMerge } from '../patch/strategic-merge.js';
import { updateObject } from '../patch/update-object.js';
import type { KubeObj } from '../print/object.js';
import { Session } from '../session.js';

const TYPES = ['strategic', 'merge', 'json'] as const;
type PatchType = (typeof TYPES)[number];

export const patchCommand: Command = {
  name: 'patch',
  summary: 'Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch',
  usage: 'Usage: wh patch (KIND NAME | KIND/NAME) (-p PATCH | --patch-file FILE) [--type strategic|merge|json] [--subresource status]',
  flags: [
    { name: 'patch', short: 'p', value: true },
    { name: 'patch-file', value: true },
    { name: 'type', value: true },
    { name: 'subresource', value: true },
  ],
  async run(args: ParsedArgs) {
    const type = (str(args, 'type') ?? 'strategic') as PatchType;
    if (!TYPES.includes(type)) throw new UsageError(`--type must be one of [json merge strategic], not "${type}"`);
    const text = str(args, 'patch') ?? (str(args, 'patch-file') ? readFileSync(str(args, 'patch-file')!, 'utf8') : undefined);
    if (text === undefined) throw new UsageError('must specify --patch or --patch-file containing the contents of the patch', this.usage);
    const patch = parsePatch(text, type);
    const subresource = str(args, 'subresource');
    if (subresource !== undefined && subresource !== 'status') throw new UsageError(`--subresource must be "status", not "${subresource}"`);
    const targets = kindAndNames(args.positionals).flatMap(({ kind, names }) => names.map((name) => ({ kind, name })));
    if (targets.length === 0) throw new UsageError('resource(s) were provided, but no name was specified', this.usage);
    const session = new Session(args);
    return withSession(session, async () => {
      for (const { kind, name } of targets) {
        let changed: boolean;
        if (subresource === 'status') {
          if (type !== 'merge') throw new UsageError('--subresource status takes --type merge here');
          const before = await session.get(kind, name);
          const after = await session.action(kind, `patch${kind.kind}Status`, name, { patch });
          changed = after.metadata.resourceVersion !== before?.metadata.resourceVersion;
        } else if (type === 'merge') {
          const before = await session.get(kind, name);
          const after = await session.patch(kind, name, patch as Record<string, unknown>);
          changed = after.metadata.resourceVersion !== before?.metadata.resourceVersion;
        } else {
          changed = (await updateObject(session, kind, name, undefined, (current) => applyLocally(current, patch, type))).changed;
        }
        out(`${qualifiedKind(kind)}/${name} patched${changed ? '' : ' (no change)'}`);
      }
    });
  },
};

function parsePatch(text: string, type: PatchType): unknown {
  let patch: unknown;
  try {
    patch = YAML.parse(text);
  } catch (e) {
    throw new CliError(`unable to parse "${text}": ${(e as Error).message}`);
  }
  if (type === 'json' ? !Array.isArray(patch) : patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
    throw new CliError(`unable to parse "${text}": a ${type === 'json' ? 'JSON patch must be a list of operations' : `${type} patch must be an object`}`);
  }
  return patch;
}

function applyLocally(current: KubeObj, patch: unknown, type: 'strategic' | 'json'): KubeObj {
  if (type === 'strategic') return strategicMerge(current, patch) as KubeObj;
  try {
    return fastJsonPatch.applyPatch(current, patch as fastJsonPatch.Operation[], true, false).newDocument;
  } catch (e) {
    throw new CliError(`the JSON patch cannot be applied: ${(e as Error).message.split('\n')[0]}`);
  }
}
