import type { CycleContext } from '../context.js';
import type { NodeInfo } from '../node-info.js';
import type { Pod } from '@wheelhouse/model';

/**
 * A feasibility check's verdict. `reason` is kube-scheduler's reason string; a plugin that
 * finds several problems at once (NodeResourcesFit) lists them all in `reasons`.
 */
export type FilterResult = { readonly ok: true } | { readonly ok: false; readonly reason: string; readonly reasons?: readonly string[] };

export interface FilterPlugin {
  readonly name: string;
  filter(pod: Pod, nodeInfo: NodeInfo, ctx: CycleContext): FilterResult;
}

export const OK: FilterResult = Object.freeze({ ok: true });
export const fail = (reason: string, ...more: string[]): FilterResult => (more.length === 0 ? { ok: false, reason } : { ok: false, reason, reasons: [reason, ...more] });

/** Every reason of a failed result. */
export const reasonsOf = (result: FilterResult): readonly string[] => (result.ok ? [] : (result.reasons ?? [result.reason]));
