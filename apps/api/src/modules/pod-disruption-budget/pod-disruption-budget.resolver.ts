import { PodDisruptionBudgetKind } from '@wheelhouse/resources';
import { createResourceResolver } from '../common/resource.resolver.js';
import { PodDisruptionBudget, PodDisruptionBudgetInput } from './pod-disruption-budget.type.js';

export const PodDisruptionBudgetResolver = createResourceResolver(PodDisruptionBudgetKind, PodDisruptionBudget, PodDisruptionBudgetInput);
