import { HorizontalPodAutoscalerKind } from '@wheelhouse/resources';
import { createResourceResolver } from '../common/resource.resolver.js';
import { HorizontalPodAutoscaler, HorizontalPodAutoscalerInput } from './horizontal-pod-autoscaler.type.js';

export const HorizontalPodAutoscalerResolver = createResourceResolver(HorizontalPodAutoscalerKind, HorizontalPodAutoscaler, HorizontalPodAutoscalerInput);
