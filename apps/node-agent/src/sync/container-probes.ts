// The probe workers of a pod's running containers, wired as the kubelet's prober
// manager wires them: startup first (it holds the others back), then liveness and
// readiness; a container without a probe passes that check.
import type { ProbeKind, ProbeTarget, ProbeWorker, ProbeWorkerOptions } from '../probes/probe-worker.js';
import type { Container } from '@wheelhouse/model';

export interface ProbeVerdicts {
  target: ProbeTarget;
  /** False once the probed run is no longer the container's current one. */
  isCurrent(): boolean;
  /** Startup passed (or there is no startup probe): liveness and readiness begin. */
  started(): void;
  /** Readiness verdict; without a readiness probe, true once started. */
  ready(ok: boolean, message?: string): void;
  /** Liveness or startup failed: the container is to be killed and restarted. */
  unhealthy(kind: 'liveness' | 'startup', message?: string): void;
}

export class ContainerProbes {
  private readonly workers = new Map<string, Map<ProbeKind, ProbeWorker>>();

  constructor(private readonly startProbe: (options: ProbeWorkerOptions) => ProbeWorker) {}

  start(name: string, spec: Container, v: ProbeVerdicts): void {
    this.stop(name);
    const workers = new Map<ProbeKind, ProbeWorker>();
    this.workers.set(name, workers);
    const run = (kind: ProbeKind, probe: NonNullable<Container['livenessProbe']>, onResult: (ok: boolean, message?: string) => void) =>
      workers.set(kind, this.startProbe({ kind, probe, target: v.target, onResult: (ok, message) => v.isCurrent() && onResult(ok, message) }));

    const afterStartup = () => {
      v.started();
      if (spec.livenessProbe) run('liveness', spec.livenessProbe, (ok, message) => ok || v.unhealthy('liveness', message));
      if (spec.readinessProbe) run('readiness', spec.readinessProbe, (ok, message) => v.ready(ok, message));
      else v.ready(true);
    };
    if (!spec.startupProbe) {
      afterStartup();
      return;
    }
    let passed = false;
    run('startup', spec.startupProbe, (ok, message) => {
      if (passed) return;
      if (!ok) return v.unhealthy('startup', message);
      passed = true;
      workers.get('startup')?.stop();
      workers.delete('startup');
      afterStartup();
    });
  }

  stop(name: string): void {
    for (const w of this.workers.get(name)?.values() ?? []) w.stop();
    this.workers.delete(name);
  }

  stopAll(): void {
    for (const name of [...this.workers.keys()]) this.stop(name);
  }
}
