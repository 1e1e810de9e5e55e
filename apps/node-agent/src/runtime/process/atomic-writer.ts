// The kubelet's AtomicWriter (pkg/volume/util/atomic_writer.go): a projected volume's files
// live in a timestamped directory `..2026_12_07_21_30_00.123456789`, `..data` is a symlink
// to it, and each user-visible top-level name is a symlink into `..data`. An update writes
// a new timestamped directory and swaps `..data` with one rename, so a reader sees either
// every old file or every new one, never a mix; then the old directory goes.
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { VolumeFile } from '../runtime.js';

const DATA_DIR = '..data';
const DATA_TMP = '..data_tmp';

/** `..2026_12_07_21_30_00.123456789`, unique within the directory. */
function timestampedName(dir: string, now: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const base = `..${now.getUTCFullYear()}_${pad(now.getUTCMonth() + 1)}_${pad(now.getUTCDate())}_${pad(now.getUTCHours())}_${pad(now.getUTCMinutes())}_${pad(now.getUTCSeconds())}`;
  for (let n = 0; ; n++) {
    const name = `${base}.${pad(now.getUTCMilliseconds(), 3)}${pad(n, 6)}`;
    if (!existsSync(join(dir, name))) return name;
  }
}

/** True when the current payload already has exactly these files, contents and modes. */
function unchanged(current: string, files: VolumeFile[]): boolean {
  const seen: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(join(dir, entry.name), rel);
      else seen.push(rel);
    }
  };
  walk(current, '');
  if (seen.length !== files.length) return false;
  return files.every((file) => {
    const path = join(current, file.path);
    if (!existsSync(path)) return false;
    return (statSync(path).mode & 0o7777) === file.mode && readFileSync(path).equals(file.data);
  });
}

/**
 * Makes `dir` hold exactly `files`; returns false when nothing had to change. `now` names
 * the new timestamped directory.
 */
export function writeAtomically(dir: string, files: VolumeFile[], now = new Date()): boolean {
  mkdirSync(dir, { recursive: true });
  const dataLink = join(dir, DATA_DIR);
  const previous = existsSync(dataLink) ? readlinkSync(dataLink) : undefined;
  if (previous && unchanged(join(dir, previous), files)) return false;

  const next = timestampedName(dir, now);
  const nextDir = join(dir, next);
  mkdirSync(nextDir, { mode: 0o755 });
  for (const file of files) {
    const path = join(nextDir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.data, { mode: file.mode });
    // writeFileSync's mode is filtered by the umask.
    chmodSync(path, file.mode);
  }
  // The swap: a fresh symlink renamed over `..data` (rename(2) is atomic).
  rmSync(join(dir, DATA_TMP), { force: true });
  symlinkSync(next, join(dir, DATA_TMP));
  renameSync(join(dir, DATA_TMP), dataLink);

  const visible = new Set(files.map((f) => f.path.split('/')[0]!));
  for (const name of visible) {
    const link = join(dir, name);
    if (isSymlink(link)) continue;
    rmSync(link, { force: true, recursive: true });
    symlinkSync(join(DATA_DIR, name), link);
  }
  for (const name of readdirSync(dir)) {
    if (name.startsWith('..') || visible.has(name)) continue;
    rmSync(join(dir, name), { force: true, recursive: true });
  }
  if (previous) rmSync(join(dir, previous), { recursive: true, force: true });
  return true;
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
