import { Field, InputType, ObjectType } from 'type-graphql';
import { Bool, List, Obj, Str, StrList } from '../common/fields.js';
import { ObjectMeta } from '../common/object-meta.type.js';
import { LabelSelector } from '../common/label-selector.type.js';

@ObjectType({ simpleResolvers: true })
@InputType('PolicyRuleInput')
export class PolicyRule {
  @StrList('get, list, watch, create, update, patch, delete, deletecollection, or * for all.') verbs?: string[];
  @StrList('"" is the core group; * is every group.') apiGroups?: string[];
  @StrList('Resources (pods), subresources (pods/log, */scale), or *.') resources?: string[];
  @StrList('When set, only these object names.') resourceNames?: string[];
  @StrList('Paths such as /healthz; a trailing * is a prefix (ClusterRoles only).') nonResourceURLs?: string[];
}

@ObjectType({ simpleResolvers: true })
@InputType('AggregationRuleInput')
export class AggregationRule {
  @List(() => LabelSelector, 'ClusterRoles matching any of these lend their rules to this one.') clusterRoleSelectors?: LabelSelector[];
}

@ObjectType({ simpleResolvers: true })
@InputType('SubjectInput')
export class Subject {
  @Str('User, Group or ServiceAccount.') kind?: string;
  @Str('rbac.authorization.k8s.io for User and Group, "" for ServiceAccount.') apiGroup?: string;
  @Str() name?: string;
  @Str('ServiceAccount only.') namespace?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('RoleRefInput')
export class RoleRef {
  @Str() apiGroup?: string;
  @Str('Role or ClusterRole.') kind?: string;
  @Str() name?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('NameReferenceInput')
export class NameReference {
  @Str() name?: string;
}

/** rbac/v1 Role and ClusterRole: their fields sit next to metadata (no spec), as in Kubernetes. */
@ObjectType('RoleBase', { simpleResolvers: true })
@InputType('RoleBaseInput')
class RoleFields {
  @Str() apiVersion?: string;
  @Str() kind?: string;
  @Field(() => ObjectMeta) metadata!: ObjectMeta;
  @List(() => PolicyRule) rules?: PolicyRule[];
}

@ObjectType('Role', { simpleResolvers: true })
export class Role extends RoleFields {}
@InputType('RoleInput')
export class RoleInput extends RoleFields {}

@ObjectType('ClusterRoleBase', { simpleResolvers: true })
@InputType('ClusterRoleBaseInput')
class ClusterRoleFields extends RoleFields {
  @Obj(() => AggregationRule, 'When set, the controller owns rules: the union of the matching ClusterRoles’ rules.') aggregationRule?: AggregationRule;
}

@ObjectType('ClusterRole', { simpleResolvers: true })
export class ClusterRole extends ClusterRoleFields {}
@InputType('ClusterRoleInput')
export class ClusterRoleInput extends ClusterRoleFields {}

@ObjectType('RoleBindingBase', { simpleResolvers: true })
@InputType('RoleBindingBaseInput')
class BindingFields {
  @Str() apiVersion?: string;
  @Str() kind?: string;
  @Field(() => ObjectMeta) metadata!: ObjectMeta;
  @List(() => Subject) subjects?: Subject[];
  @Obj(() => RoleRef, 'Immutable.') roleRef?: RoleRef;
}

@ObjectType('RoleBinding', { simpleResolvers: true })
export class RoleBinding extends BindingFields {}
@InputType('RoleBindingInput')
export class RoleBindingInput extends BindingFields {}

@ObjectType('ClusterRoleBinding', { simpleResolvers: true })
export class ClusterRoleBinding extends BindingFields {}
@InputType('ClusterRoleBindingInput')
export class ClusterRoleBindingInput extends BindingFields {}

/** core/v1 ServiceAccount. */
@ObjectType('ServiceAccountBase', { simpleResolvers: true })
@InputType('ServiceAccountBaseInput')
class ServiceAccountFields {
  @Str() apiVersion?: string;
  @Str() kind?: string;
  @Field(() => ObjectMeta) metadata!: ObjectMeta;
  @List(() => NameReference) secrets?: NameReference[];
  @List(() => NameReference) imagePullSecrets?: NameReference[];
  @Bool('Whether pods running as this account get its token mounted (a pod may override it).') automountServiceAccountToken?: boolean;
}

@ObjectType('ServiceAccount', { simpleResolvers: true })
export class ServiceAccount extends ServiceAccountFields {}
@InputType('ServiceAccountInput')
export class ServiceAccountInput extends ServiceAccountFields {}
