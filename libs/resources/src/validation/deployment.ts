import { invalidError, notSupportedError, forbiddenError, type FieldError } from '../field-error.js';
import { validateWorkloadSpec } from './workload.js';

interface DeploymentSpec {
  replicas?: number;
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  progressDeadlineSeconds?: number;
  strategy?: { type?: string; rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string } };
  selector?: unknown;
  template?: { metadata?: { labels?: Record<string, string> }; spec?: unknown };
}

const PERCENT = /^(\d+)%$/;

/** Kubernetes' ValidateDeploymentSpec: the workload rules plus strategy, history and deadline. */
export function validateDeploymentSpec(spec: DeploymentSpec | undefined): FieldError[] {
  const s = spec ?? {};
  const errors = validateWorkloadSpec(s, { selectorIsMap: false });
  const type = s.strategy?.type;
  if (type !== undefined && type !== 'RollingUpdate' && type !== 'Recreate') {
    errors.push(notSupportedError('spec.strategy.type', type, ['Recreate', 'RollingUpdate']));
  }
  if (type === 'Recreate' && s.strategy?.rollingUpdate) {
    errors.push(forbiddenError('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'"));
  }
  const rolling = s.strategy?.rollingUpdate;
  if (rolling) {
    const surge = intOrPercent(rolling.maxSurge, 'spec.strategy.rollingUpdate.maxSurge', errors);
    const unavailable = intOrPercent(rolling.maxUnavailable, 'spec.strategy.rollingUpdate.maxUnavailable', errors);
    if (surge === 0 && unavailable === 0) {
      errors.push(invalidError('spec.strategy.rollingUpdate.maxUnavailable', rolling.maxUnavailable ?? 0, 'may not be 0 when `maxSurge` is 0'));
    }
    if (typeof rolling.maxUnavailable === 'string' && unavailable !== undefined && unavailable > 100) {
      errors.push(invalidError('spec.strategy.rollingUpdate.maxUnavailable', rolling.maxUnavailable, 'must not be greater than 100%'));
    }
  }
  if (s.revisionHistoryLimit !== undefined && s.revisionHistoryLimit < 0) {
    errors.push(invalidError('spec.revisionHistoryLimit', s.revisionHistoryLimit, 'must be greater than or equal to 0'));
  }
  if (s.progressDeadlineSeconds !== undefined && s.progressDeadlineSeconds <= (s.minReadySeconds ?? 0)) {
    errors.push(invalidError('spec.progressDeadlineSeconds', s.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
  }
  return errors;
}

/** The number an IntOrString names (a percentage as its number), for the zero and range checks. */
function intOrPercent(value: number | string | undefined, path: string, errors: FieldError[]): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0) errors.push(invalidError(path, value, 'must be greater than or equal to 0'));
    return value;
  }
  const match = PERCENT.exec(value);
  if (!match) {
    errors.push(
      invalidError(path, value, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"),
    );
    return undefined;
  }
  return Number(match[1]);
}
