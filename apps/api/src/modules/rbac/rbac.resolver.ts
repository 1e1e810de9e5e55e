import { ClusterRoleBindingKind, ClusterRoleKind, RoleBindingKind, RoleKind, ServiceAccountKind } from '@wheelhouse/resources';
import { createResourceResolver } from '../common/resource.resolver.js';
import * as t from './rbac.type.js';

export const ServiceAccountResolver = createResourceResolver(ServiceAccountKind, t.ServiceAccount, t.ServiceAccountInput);
export const RoleResolver = createResourceResolver(RoleKind, t.Role, t.RoleInput);
export const ClusterRoleResolver = createResourceResolver(ClusterRoleKind, t.ClusterRole, t.ClusterRoleInput);
export const RoleBindingResolver = createResourceResolver(RoleBindingKind, t.RoleBinding, t.RoleBindingInput);
export const ClusterRoleBindingResolver = createResourceResolver(ClusterRoleBindingKind, t.ClusterRoleBinding, t.ClusterRoleBindingInput);
