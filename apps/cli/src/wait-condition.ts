/** `wh wait --for=...`: kubectl's conditions, parsed once and checked against each read of the object. */
import { UsageError } from './errors.js';
import { compilePath, printValue } from './print/jsonpath.js';
import type { KubeObj } from './print/object.js';

export type WaitFor =
  | { kind: 'delete' }
  | { kind: 'create' }
  | { kind: 'condition'; type: string; status: string }
  | { kind: 'jsonpath'; values: (o: unknown) => unknown[]; expected?: string };

const FORMS = "--for must be delete, create, condition=TYPE[=STATUS] or jsonpath='{PATH}'[=VALUE]";

export function parseWaitFor(spec: string | undefined): WaitFor {
  if (!spec) throw new UsageError('--for must be given', FORMS);
  if (spec === 'delete' || spec === 'create') return { kind: spec };
  if (spec.startsWith('condition=')) {
    const [type, status = 'True'] = spec.slice('condition='.length).split('=');
    if (!type) throw new UsageError(`invalid --for ${spec}`, FORMS);
    return { kind: 'condition', type, status };
  }
  if (spec.startsWith('jsonpath=')) {
    const rest = spec.slice('jsonpath='.length);
    // The path is `{...}`: the value, if any, follows its closing brace after `=`.
    const close = rest.startsWith('{') ? rest.indexOf('}') : -1;
    const path = close >= 0 ? rest.slice(0, close + 1) : rest.split('=')[0]!;
    const after = rest.slice(path.length);
    if (after !== '' && !after.startsWith('=')) throw new UsageError(`invalid --for ${spec}`, FORMS);
    return { kind: 'jsonpath', values: compilePath(path), expected: after === '' ? undefined : after.slice(1) };
  }
  throw new UsageError(`unrecognized condition: "${spec}"`, FORMS);
}

/** Whether `object` (null when absent) satisfies the condition. */
export function conditionMet(object: KubeObj | null, waitFor: WaitFor): boolean {
  if (waitFor.kind === 'delete') return object === null;
  if (object === null) return false;
  switch (waitFor.kind) {
    case 'create':
      return true;
    case 'condition': {
      const conditions = (object.status?.conditions ?? []) as { type?: string; status?: string }[];
      // kubectl compares both without regard to case (condition=ready=true works).
      return conditions.some((c) => c.type?.toLowerCase() === waitFor.type.toLowerCase() && c.status?.toLowerCase() === waitFor.status.toLowerCase());
    }
    case 'jsonpath': {
      const values = waitFor.values(object);
      return waitFor.expected === undefined ? values.length > 0 : values.length > 0 && values.every((v) => printValue(v) === waitFor.expected);
    }
  }
}
