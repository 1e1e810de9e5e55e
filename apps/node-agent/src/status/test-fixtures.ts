// Builders for status and decision tests.
import type { ContainerRecord } from './container-record.js';
import type { Pod } from '@wheelhouse/model';
import type { PodSpecWithGates } from './conditions.js';

export const T0 = new Date('2026-01-01T00:00:00Z');
export const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

export function pod(spec: PodSpecWithGates = {}, status: Pod['status'] = { phase: 'Pending' }): Pod & { spec: PodSpecWithGates } {
  return {
    metadata: { name: 'web', namespace: 'default', uid: 'uid-1' },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], restartPolicy: 'Always', ...spec },
    status,
  };
}

export function running(name: string, startedSec = 1, extra: Partial<ContainerRecord> = {}): ContainerRecord {
  return { name, restartCount: 0, current: { id: `uid-1/${name}/0`, run: { state: 'running', startedAt: at(startedSec) } }, ready: true, started: true, ...extra };
}

export function exited(name: string, exitCode: number, extra: Partial<ContainerRecord> = {}, finishedSec = 5): ContainerRecord {
  return {
    name,
    restartCount: 0,
    current: { id: `uid-1/${name}/0`, run: { state: 'exited', startedAt: at(1), finishedAt: at(finishedSec), exitCode, reason: exitCode === 0 ? 'Completed' : 'Error' } },
    ready: false,
    started: false,
    ...extra,
  };
}

export const records = (...list: ContainerRecord[]) => new Map(list.map((r) => [r.name, r]));
