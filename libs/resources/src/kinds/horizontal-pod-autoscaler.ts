import { KIND_CATALOGUE } from '@wheelhouse/model';
import type { KindInfo } from './kind-info.js';
import type { KubeObject } from '../object.js';
import { defaultHorizontalPodAutoscaler } from '../autoscaling/hpa-defaults.js';
import { validateHorizontalPodAutoscaler } from '../autoscaling/hpa-validation.js';
import { convertHorizontalPodAutoscalerV1 } from '../autoscaling/hpa-v1.js';
import type { HorizontalPodAutoscalerLike } from '../autoscaling/hpa-types.js';

/** autoscaling/v2 HorizontalPodAutoscaler (autoscaling/v1 manifests are converted on apply); scaled by the HPA controller. */
export const HorizontalPodAutoscalerKind: KindInfo = {
  ...KIND_CATALOGUE.HorizontalPodAutoscaler,
  table: 'horizontal_pod_autoscalers',
  nameRule: 'subdomain',
  bodyKey: 'spec',
  columns: () => ({}),
  selectableFields: () => ({}),
  fieldColumns: {},
  applyDefaults: (o) => defaultHorizontalPodAutoscaler(o as HorizontalPodAutoscalerLike) as KubeObject,
  validate: (o) => validateHorizontalPodAutoscaler(o as HorizontalPodAutoscalerLike),
  convertFrom: { 'autoscaling/v1': convertHorizontalPodAutoscalerV1 },
};
