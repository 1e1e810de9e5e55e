// postStart / preStop handlers as the kubelet runs them (pkg/kubelet/lifecycle/handlers.go),
// with its failure messages for the FailedPostStartHook / FailedPreStopHook events.
// An HTTP hook fails only when no response comes; any status code counts as delivered.
import { httpGet } from '../probes/http-get.js';
import { resolvePort } from '../probes/resolve-port.js';
import type { ProbeTarget } from '../probes/probe-worker.js';
import type { HandlerResult, LifecycleHandlerSpec, RunLifecycleHandler } from './lifecycle-handler.js';

/** The kubelet's format.Pod: `name_namespace(uid)`. */
function podRef(target: ProbeTarget): string {
  return `${target.sandbox.name}_${target.sandbox.namespace}(${target.sandbox.uid})`;
}

/** Go's %v of a []string: `[sh -c sleep 5]`. */
function goList(items: string[]): string {
  return `[${items.join(' ')}]`;
}

async function runExec(command: string[], target: ProbeTarget, timeoutMs: number): Promise<HandlerResult> {
  const where = `for Container "${target.instance.container}" in Pod "${podRef(target)}"`;
  let error: string | undefined;
  let output = '';
  try {
    const result = await target.runtime.exec(target.instance, command, timeoutMs);
    output = result.output;
    if (result.timedOut) error = `command '${command.join(' ')}' timed out`;
    else if (result.exitCode !== 0) error = `command '${command.join(' ')}' exited with ${result.exitCode}: ${output}`;
  } catch (e) {
    error = (e as Error).message;
  }
  if (error === undefined) return { ok: true };
  return { ok: false, message: `Exec lifecycle hook (${goList(command)}) ${where} failed - error: ${error}, message: ${JSON.stringify(output)}` };
}

async function runHttpGet(spec: NonNullable<LifecycleHandlerSpec['httpGet']>, target: ProbeTarget, timeoutMs: number): Promise<HandlerResult> {
  const where = `for Container "${target.instance.container}" in Pod "${podRef(target)}"`;
  let error: string | undefined;
  try {
    const port = resolvePort(spec.port, target.ports);
    const outcome = await httpGet({ scheme: spec.scheme, host: spec.host || target.sandbox.podIP, port, path: spec.path, headers: spec.httpHeaders, timeoutMs });
    if ('error' in outcome) error = outcome.error;
  } catch (e) {
    error = (e as Error).message;
  }
  if (error === undefined) return { ok: true };
  return { ok: false, message: `HTTP lifecycle hook (${spec.path ?? ''}) ${where} failed - error: ${error}` };
}

export const runLifecycleHandler: RunLifecycleHandler = async (handler, target, timeoutMs) => {
  if (handler.exec) return runExec(handler.exec.command ?? [], target, timeoutMs);
  if (handler.httpGet) return runHttpGet(handler.httpGet, target, timeoutMs);
  if (handler.sleep) {
    // The sleep ends early when the hook's time (e.g. the grace period) runs out, as the kubelet's does.
    // The global timer (not node:timers/promises, which Node 20's mock clock does not reach) so tests can step time.
    const ms = Math.min((handler.sleep.seconds ?? 0) * 1000, Math.max(0, timeoutMs));
    await new Promise((resolve) => setTimeout(resolve, ms));
    return { ok: true };
  }
  return { ok: false, message: 'invalid handler: none of exec, httpGet or sleep is set' };
};
