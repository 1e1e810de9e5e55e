// Runs a command in a container's environment (exec probes and hooks): same env
// and working directory, own process group, killed at the timeout, output
// capped as the kubelet caps probe output (10 KiB).
import { constants } from 'node:os';
import { commandArgv, spawnInGroup, signalGroup, type LaunchSpec } from './container-process.js';
import type { ExecResult } from '../runtime.js';

const MAX_OUTPUT = 10 * 1024;

export async function execCommand(launch: LaunchSpec, command: string[], timeoutMs: number): Promise<ExecResult> {
  if (command.length === 0) return { exitCode: 126, output: 'no command specified', timedOut: false };
  let child: Awaited<ReturnType<typeof spawnInGroup>>;
  try {
    child = await spawnInGroup({ ...launch, argv: commandArgv(launch, command) }, 'pipe');
  } catch (error) {
    // runc's exit status for "cannot execute": 127 for not found, 126 otherwise.
    const message = (error as Error).message;
    return { exitCode: message.includes('not found') ? 127 : 126, output: message, timedOut: false };
  }
  let output = '';
  const collect = (chunk: Buffer) => {
    if (output.length < MAX_OUTPUT) output = (output + chunk.toString('utf8')).slice(0, MAX_OUTPUT);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let timedOut = false;
  const pid = child.pid as number;
  const timer = setTimeout(() => {
    timedOut = true;
    signalGroup(pid, 'SIGKILL');
  }, timeoutMs);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.once('close', (c, s) => resolve([c, s])));
  clearTimeout(timer);
  signalGroup(pid, 'SIGKILL');
  const exitCode = signal ? 128 + (constants.signals[signal] ?? 0) : (code ?? 0);
  return { exitCode, output, timedOut };
}
