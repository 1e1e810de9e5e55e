import { forbiddenError, invalidError, type FieldError } from '../field-error.js';
import { childPath } from './field-path.js';
import { PROBE_HANDLERS, validateHandler } from './handler.js';
import { readInteger, readObject } from './json.js';
import { NEGATIVE_ERROR, NOT_POSITIVE_ERROR } from './messages.js';

export type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

/**
 * A container probe (validateProbe and its liveness/readiness/startup variants).
 * Timing fields only need to be non-negative: 0 means "unset" in Kubernetes JSON
 * and defaulting replaces it (timeout 1, period 10, success 1, failure 3).
 */
export function validateProbe(probe: unknown, kind: ProbeKind, path: string, gracePeriodSeconds: number): FieldError[] {
  const errors: FieldError[] = [];
  const p = readObject(probe, path, errors);
  if (!p) return errors;
  errors.push(...validateHandler(p, path, PROBE_HANDLERS, gracePeriodSeconds));
  for (const field of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    const value = readInteger(p[field], childPath(path, field), errors);
    if (value !== undefined && value < 0) errors.push(invalidError(childPath(path, field), value, NEGATIVE_ERROR));
  }
  const success = p.successThreshold;
  // A liveness or startup check passes once; several successes in a row only make sense for readiness.
  if (kind !== 'readinessProbe' && typeof success === 'number' && success > 1) {
    errors.push(invalidError(childPath(path, 'successThreshold'), success, 'must be 1'));
  }
  const gracePath = childPath(path, 'terminationGracePeriodSeconds');
  const probeGrace = readInteger(p.terminationGracePeriodSeconds, gracePath, errors);
  if (probeGrace !== undefined) {
    if (kind === 'readinessProbe') errors.push(invalidError(gracePath, probeGrace, 'must not be set for readinessProbes'));
    else if (probeGrace <= 0) errors.push(invalidError(gracePath, probeGrace, NOT_POSITIVE_ERROR));
  }
  return errors;
}

/** Probes and hooks are not allowed on init containers that run to completion. */
export function forbidOnInitContainer(value: unknown, path: string): FieldError[] {
  return value === undefined || value === null ? [] : [forbiddenError(path, 'may not be set for init containers without restartPolicy=Always')];
}
