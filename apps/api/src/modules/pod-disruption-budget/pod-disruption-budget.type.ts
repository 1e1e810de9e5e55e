import { InputType, ObjectType } from 'type-graphql';
import { IntField, IntOrStr, List, Obj, Str, StrMap } from '../common/fields.js';
import { Condition } from '../common/condition.type.js';
import { LabelSelector } from '../common/label-selector.type.js';
import { resourceClasses } from '../common/resource-class.js';

@ObjectType({ simpleResolvers: true })
@InputType('PodDisruptionBudgetSpecInput')
export class PodDisruptionBudgetSpec {
  @IntOrStr('Pods that must stay available after an eviction: a number or a percentage of the expected pods (rounded up)') minAvailable?: number | string;
  @IntOrStr('Pods that may be unavailable after an eviction: a number or a percentage of the expected pods (rounded up)') maxUnavailable?: number | string;
  @Obj(() => LabelSelector, 'The pods the budget covers: null selects none, {} every pod of the namespace') selector?: LabelSelector;
  @Str('IfHealthyBudget (default) or AlwaysAllow: whether running pods that are not Ready may be evicted whatever the budget') unhealthyPodEvictionPolicy?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('PodDisruptionBudgetStatusInput')
export class PodDisruptionBudgetStatus {
  @IntField('The generation the controller last acted on') observedGeneration?: number;
  @StrMap('Pods the eviction API let go, by name, with the time; the controller stops counting them once gone or after 2 minutes') disruptedPods?: Record<string, string>;
  @IntField('Evictions allowed now') disruptionsAllowed?: number;
  @IntField('Covered pods that are Ready') currentHealthy?: number;
  @IntField('Ready pods the budget keeps') desiredHealthy?: number;
  @IntField('Pods the budget expects (from the scale of their controllers, or the pods found)') expectedPods?: number;
  @List(() => Condition, 'DisruptionAllowed') conditions?: Condition[];
}

/** policy/v1 PodDisruptionBudget. */
export const { output: PodDisruptionBudget, input: PodDisruptionBudgetInput } = resourceClasses('PodDisruptionBudget', PodDisruptionBudgetSpec, PodDisruptionBudgetStatus);
