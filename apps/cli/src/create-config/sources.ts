/**
 * kubectl's `--from-literal` and `--from-file` sources (kubectl/pkg/util/hash and
 * cmd/create/create_configmap.go): `key=value`; `path`, `key=path`, or a directory whose
 * regular files each become a key named after the file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CliError } from '../errors.js';

export interface Entry {
  key: string;
  value: Buffer;
}

export function parseLiteral(source: string): Entry {
  const eq = source.indexOf('=');
  if (eq <= 0) throw new CliError(`invalid literal source ${source}, expected key=value`);
  return { key: source.slice(0, eq), value: Buffer.from(source.slice(eq + 1), 'utf8') };
}

/** `[key=]path`; a directory gives one entry per regular file in it. */
export function readFileSource(source: string): Entry[] {
  const parts = source.split('=');
  if (parts.length > 2) throw new CliError("key names or file paths cannot contain '='");
  const [key, path] = parts.length === 2 ? [parts[0]!, parts[1]!] : [undefined, parts[0]!];
  if (key === '') throw new CliError(`key name for file path ${path} missing`);
  if (path === '') throw new CliError(`file path for key name ${key} missing`);
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch {
    throw new CliError(`error reading ${path}: no such file or directory`);
  }
  if (!stat.isDirectory()) return [{ key: key ?? basename(path), value: readFileSync(path) }];
  if (key !== undefined) throw new CliError('cannot give a key name for a directory path');
  return readdirSync(path)
    .sort()
    .filter((name) => statSync(join(path, name)).isFile())
    .map((name) => ({ key: name, value: readFileSync(join(path, name)) }));
}

/** Literals then files, each key once (kubectl refuses a repeated key). */
export function collectEntries(literals: string[], files: string[], kind: string, name: string): Entry[] {
  const entries = [...literals.map(parseLiteral), ...files.flatMap(readFileSource)];
  const seen = new Set<string>();
  for (const { key } of entries) {
    if (seen.has(key)) throw new CliError(`cannot add key ${key}, another key by that name already exists in Data for ${kind} "${name}"`);
    seen.add(key);
  }
  return entries;
}
