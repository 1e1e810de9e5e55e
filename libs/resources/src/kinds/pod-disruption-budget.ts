import { KIND_CATALOGUE } from '@wheelhouse/model';
import type { KindInfo } from './kind-info.js';
import { validatePodDisruptionBudget } from '../policy/pdb-validation.js';
import type { PodDisruptionBudgetLike } from '../policy/pdb-types.js';

/** policy/v1 PodDisruptionBudget: its status comes from the disruption controller; evictions spend its budget. */
export const PodDisruptionBudgetKind: KindInfo = {
  ...KIND_CATALOGUE.PodDisruptionBudget,
  table: 'pod_disruption_budgets',
  nameRule: 'subdomain',
  bodyKey: 'spec',
  columns: () => ({}),
  selectableFields: () => ({}),
  fieldColumns: {},
  applyDefaults: (o) => o,
  validate: (o) => validatePodDisruptionBudget(o as PodDisruptionBudgetLike),
};
