// getDaemonPods: the pods the DaemonSet controls after ControllerRefManager's adopt/release.
import { labelSelectorToSelector, nothing, type LabelSelector } from '@wheelhouse/selectors';
import type { DaemonSet, Pod } from '@wheelhouse/model';
import { claimObjects, type Claim } from '../common/claim.js';

export function claimDaemonPods(ds: DaemonSet, pods: readonly Pod[]): Claim<Pod> {
  let selector = nothing();
  try {
    if (ds.spec?.selector) selector = labelSelectorToSelector(ds.spec.selector as LabelSelector);
  } catch {
    // An invalid selector claims nothing (the API refuses them anyway).
  }
  return claimObjects(ds, selector, pods);
}
