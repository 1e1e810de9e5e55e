import { DaemonSetKind } from '@wheelhouse/resources';
import { createResourceResolver } from '../common/resource.resolver.js';
import { DaemonSet, DaemonSetInput } from './daemonset.type.js';

export const DaemonSetResolver = createResourceResolver(DaemonSetKind, DaemonSet, DaemonSetInput);
