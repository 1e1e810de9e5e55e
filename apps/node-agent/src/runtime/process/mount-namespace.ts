// Each container process starts in a mount namespace of its own (util-linux `unshare -m
// --propagation private`, root only), where a script from mount-plan.ts mounts its volumes
// and then execs the container's command in the same process. exec probes, hooks and
// `wh exec` join that namespace with `nsenter`.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { toolPath } from './host-view.js';

export interface NamespaceTools {
  unshare: string;
  nsenter: string;
  mount: string;
  umount: string;
  chroot: string;
}

/** The tools, when this agent can make mount namespaces; otherwise why not (said once, in the agent's log). */
export function detectIsolation(): { tools: NamespaceTools } | { problem: string } {
  if (process.getuid?.() !== 0) return { problem: 'the node agent does not run as root, so pods get no mount namespace: pods with volumeMounts are refused' };
  const names = ['unshare', 'nsenter', 'mount', 'umount', 'chroot'] as const;
  const found = Object.fromEntries(names.map((n) => [n, toolPath(n)]));
  const missing = names.filter((n) => !found[n]);
  if (missing.length > 0) return { problem: `${missing.join(', ')} not found: pods get no mount namespace; pods with volumeMounts are refused` };
  const tools = found as unknown as NamespaceTools;
  const probe = spawnSync(tools.unshare, ['-m', '--propagation', 'private', 'true'], { encoding: 'utf8' });
  if (probe.status !== 0) return { problem: `unshare -m failed (${(probe.stderr || probe.error?.message || '').trim()}): pods with volumeMounts are refused` };
  return { tools };
}

/** argv that runs `script` in a new private mount namespace, `argv` as its positional parameters. */
export function unshareArgv(tools: NamespaceTools, script: string, argv: string[]): string[] {
  return [tools.unshare, '-m', '--propagation', 'private', '--', '/bin/sh', '-c', script, 'sh', ...argv];
}

/**
 * The executable `command` names, looked up in `PATH` as execvp would; undefined when there
 * is none, so a container whose command does not exist still fails to start (StartError)
 * rather than starting a shell that then exits 127.
 */
export function findExecutable(command: string, path: string | undefined, cwd: string): string | undefined {
  const candidates = command.includes('/')
    ? [isAbsolute(command) ? command : resolve(cwd, command)]
    : (path ?? '')
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, command));
  for (const candidate of candidates) {
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not this one.
    }
  }
  return undefined;
}
