// The host's filesystem as the mount plan reads it, and the mount table (/proc/self/mountinfo).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type { HostView } from './mount-plan.js';

/** Mount points of this process's namespace (field 5 of mountinfo, octal escapes decoded). */
export function mountPoints(): string[] {
  let text: string;
  try {
    text = readFileSync('/proc/self/mountinfo', 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => (line.split(' ')[4] ?? '').replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8))));
}

export const hostView: HostView = {
  resolve(path) {
    const parts = path.split('/').filter(Boolean);
    for (let n = parts.length; n >= 0; n--) {
      const prefix = `/${parts.slice(0, n).join('/')}`;
      if (existsSync(prefix)) return { real: realpathSync(prefix), missing: parts.slice(n) };
    }
    return { real: '/', missing: parts };
  },
  isDirectory(path) {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  },
  mountPoints,
};

/** Unmounts (lazily, deepest first) every host mount at or below `dir`: a pod's memory-backed emptyDirs. */
export function unmountUnder(dir: string): void {
  const points = mountPoints().filter((p) => p === dir || p.startsWith(`${dir}/`));
  for (const point of points.sort((a, b) => b.length - a.length)) spawnSync('umount', ['-l', point], { stdio: 'ignore' });
}

/** Absolute path of a tool from util-linux or coreutils, looked up once. */
export function toolPath(name: string): string | undefined {
  for (const dir of ['/usr/bin', '/bin', '/usr/sbin', '/sbin']) if (existsSync(`${dir}/${name}`)) return `${dir}/${name}`;
  return undefined;
}
