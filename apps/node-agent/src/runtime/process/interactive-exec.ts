// `wh exec` in a process container: the command runs with the container's environment and
// working directory, in its own process group, with stdin/stdout/stderr as pipes. With a TTY
// it runs under util-linux `script`, which gives it a pseudo-terminal without a native
// module; the initial size comes from the client (later resizes are not passed on).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { commandArgv, startErrorMessage, type LaunchSpec } from './container-process.js';

export interface TerminalSize {
  columns: number;
  rows: number;
}

const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

export function interactiveArgv(command: string[], tty: TerminalSize | undefined): string[] {
  if (!tty) return command;
  const size = `stty cols ${Math.floor(tty.columns)} rows ${Math.floor(tty.rows)} 2>/dev/null; `;
  return ['script', '--quiet', '--flush', '--return', '--command', `${size}exec ${command.map(quote).join(' ')}`, '/dev/null'];
}

export async function spawnInteractive(launch: LaunchSpec, command: string[], tty: TerminalSize | undefined): Promise<ChildProcess> {
  const [executable, ...rest] = commandArgv(launch, interactiveArgv(command, tty)) as [string, ...string[]];
  const env = tty ? { TERM: 'xterm-256color', ...launch.env, SHELL: '/bin/sh' } : launch.env;
  const child = spawn(executable, rest, { cwd: launch.cwd, env, detached: true, stdio: 'pipe' });
  try {
    await Promise.race([once(child, 'spawn'), once(child, 'error').then(([error]) => Promise.reject(error))]);
  } catch (error) {
    throw new Error(startErrorMessage(error as NodeJS.ErrnoException, command[0] ?? ''));
  }
  return child;
}
