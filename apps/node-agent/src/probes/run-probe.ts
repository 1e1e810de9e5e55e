// One probe attempt against a container (the kubelet's prober.runProbe):
// success or failure with the kubelet's output, or an error that is thrown away.
import { httpGet } from './http-get.js';
import { resolvePort } from './resolve-port.js';
import { tcpConnect } from './tcp-socket.js';
import type { ProbeSpec, ProbeTarget } from './probe-worker.js';

export type ProbeOutcome = { result: 'success' | 'failure'; output: string } | { result: 'error'; output: string };

export async function runProbe(probe: ProbeSpec, target: ProbeTarget): Promise<ProbeOutcome> {
  const timeoutMs = (probe.timeoutSeconds || 1) * 1000;
  try {
    if (probe.exec) {
      const command = probe.exec.command ?? [];
      const result = await target.runtime.exec(target.instance, command, timeoutMs);
      if (result.timedOut) return { result: 'failure', output: `command ${JSON.stringify(command.join(' '))} timed out` };
      return { result: result.exitCode === 0 ? 'success' : 'failure', output: result.output };
    }
    if (probe.httpGet) {
      const spec = probe.httpGet;
      const port = resolvePort(spec.port, target.ports);
      const outcome = await httpGet({ scheme: spec.scheme, host: spec.host || target.sandbox.podIP, port, path: spec.path, headers: spec.httpHeaders, timeoutMs });
      if ('error' in outcome) return { result: 'failure', output: outcome.error };
      if (outcome.statusCode >= 200 && outcome.statusCode < 400) return { result: 'success', output: outcome.body };
      return { result: 'failure', output: `HTTP probe failed with statuscode: ${outcome.statusCode}` };
    }
    if (probe.tcpSocket) {
      const port = resolvePort(probe.tcpSocket.port, target.ports);
      const outcome = await tcpConnect(probe.tcpSocket.host || target.sandbox.podIP, port, timeoutMs);
      return outcome.ok ? { result: 'success', output: '' } : { result: 'failure', output: outcome.error };
    }
    return { result: 'error', output: 'missing probe handler' };
  } catch (error) {
    return { result: 'error', output: (error as Error).message };
  }
}
