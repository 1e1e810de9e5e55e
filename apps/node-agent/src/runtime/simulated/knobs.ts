// The simulated runtime's knobs: pod annotations under sim.wheelhouse.io/ (like kwok's
// stages), pod-wide or per container as `sim.wheelhouse.io/<container>.<knob>`.
import { quantityToBytes, quantityToMillis } from '@wheelhouse/resources';

export const SIM_PREFIX = 'sim.wheelhouse.io/';

export type ProbeKind = 'liveness' | 'readiness' | 'startup';

export interface ContainerKnobs {
  /** How long "starting" takes, a fixed value or a [min, max] range in ms. */
  startDelayMs?: [number, number];
  /** Exit after this long with this code (either knob alone: code 0, or after 1 s). */
  exit?: { code: number; afterMs: number };
  /** Readiness (and startup) probes pass only this long after the start. */
  readyAfterMs: number;
  /** Probes of these kinds fail. */
  probeFail: ProbeKind[];
  /** The container cannot start at all (StartError). */
  startError?: string;
  /** SIGTERM is ignored: a stop takes the whole grace period and ends in SIGKILL. */
  ignoreSigterm: boolean;
  /** Reported usage; defaults derive from the pod uid. */
  cpuMillis?: number;
  memoryBytes?: number;
  /** A log line this often (default LOG_EVERY_MS): chatty containers for log viewers. */
  logEveryMs?: number;
}

export function knobsFor(annotations: Record<string, string>, container: string): ContainerKnobs {
  const get = (knob: string): string | undefined => annotations[`${SIM_PREFIX}${container}.${knob}`] ?? annotations[`${SIM_PREFIX}${knob}`];
  const num = (knob: string): number | undefined => {
    const raw = get(knob);
    if (raw === undefined || raw.trim() === '') return undefined;
    const n = Number(raw);
    return Number.isFinite(n) && n >= 0 ? n : undefined;
  };
  const code = num('exit-code');
  const after = num('exit-after-ms');
  const delay = get('start-delay-ms');
  const fail = get('probe-fail');
  // Under 10 ms would be a busy loop of lines rather than a chatty container.
  const logEvery = num('log-every-ms');
  return {
    startDelayMs: delay === undefined ? undefined : parseRange(delay),
    exit: code === undefined && after === undefined ? undefined : { code: code ?? 0, afterMs: after ?? 1000 },
    readyAfterMs: num('ready-after-ms') ?? 0,
    probeFail: fail
      ? fail
          .split(',')
          .map((s) => s.trim())
          .filter((s): s is ProbeKind => s === 'liveness' || s === 'readiness' || s === 'startup')
      : [],
    startError: get('start-error'),
    ignoreSigterm: get('ignore-sigterm') === 'true',
    cpuMillis: quantity(get('cpu'), quantityToMillis),
    memoryBytes: quantity(get('memory'), quantityToBytes),
    logEveryMs: logEvery === undefined ? undefined : Math.max(10, logEvery),
  };
}

/** `150` or `0-200` */
export function parseRange(text: string): [number, number] | undefined {
  const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(text);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  return b >= a ? [a, b] : undefined;
}

function quantity(text: string | undefined, convert: (q: string) => bigint | null): number | undefined {
  if (!text) return undefined;
  const value = convert(text);
  return value === null ? undefined : Number(value);
}
