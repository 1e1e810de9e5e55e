/** Reads `-f FILE|DIR|-` into Kubernetes objects (multi-document, Lists expanded). */
import { readdirSync, readFileSync, type Stats, statSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { CliError, UsageError } from './errors.js';

/**
 * A document as read from YAML or JSON: only the fields the CLI itself reads are named;
 * the server validates the rest (and these, since YAML may hold any type).
 */
export interface Manifest {
  apiVersion?: string | null;
  kind?: string | null;
  metadata?: ManifestMeta;
  [key: string]: unknown;
}

/** Metadata as a file states it: untrusted input, any field may be null or absent until the server has validated it. */
export interface ManifestMeta {
  name?: string | null;
  namespace?: string | null;
  labels?: Record<string, string> | null;
  annotations?: Record<string, string> | null;
  resourceVersion?: string | null;
  uid?: string | null;
}

const EXTENSIONS = /\.(ya?ml|json)$/i;

export function readSources(paths: string[], stdin: () => string = () => readFileSync(0, 'utf8')): { source: string; text: string }[] {
  if (paths.length === 0) throw new UsageError('must specify -f', 'Example: wh apply -f deployment.yaml');
  return paths.flatMap((path) => {
    if (path === '-') return [{ source: 'stdin', text: stdin() }];
    let stat: Stats;
    try {
      stat = statSync(path);
    } catch {
      throw new CliError(`the path "${path}" does not exist`);
    }
    if (!stat.isDirectory()) return [{ source: path, text: readFileSync(path, 'utf8') }];
    // Like kubectl without -R: the directory's own manifest files, in name order.
    return readdirSync(path)
      .filter((f) => EXTENSIONS.test(f))
      .sort()
      .map((f) => ({ source: join(path, f), text: readFileSync(join(path, f), 'utf8') }));
  });
}

/** Every object of the documents; a `kind: List` contributes its items. */
export function parseObjects(text: string, source = 'input'): Manifest[] {
  const out: Manifest[] = [];
  for (const doc of YAML.parseAllDocuments(text)) {
    if (doc.errors.length) throw new CliError(`error parsing ${source}: ${doc.errors[0]!.message}`);
    const value = doc.toJS() as unknown;
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) throw new CliError(`error parsing ${source}: a document is not an object`);
    const obj = value as Manifest;
    if (typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray(obj.items)) out.push(...(obj.items as Manifest[]));
    else out.push(obj);
  }
  return out;
}

export function readObjects(paths: string[]): Manifest[] {
  const objects = readSources(paths).flatMap(({ source, text }) => parseObjects(text, source));
  if (objects.length === 0) throw new CliError('no objects passed to apply');
  return objects;
}
