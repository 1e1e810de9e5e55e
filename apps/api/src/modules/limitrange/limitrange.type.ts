import { Field, InputType, ObjectType } from 'type-graphql';
import { Str, StrMap } from '../common/fields.js';
import { resourceClasses } from '../common/resource-class.js';

@ObjectType({ simpleResolvers: true })
@InputType('LimitRangeItemInput')
export class LimitRangeItem {
  @Str('Pod, Container or PersistentVolumeClaim') type?: string;
  @StrMap() max?: Record<string, string>;
  @StrMap() min?: Record<string, string>;
  @StrMap('Default limits of containers that set none') default?: Record<string, string>;
  @StrMap('Default requests of containers that set none') defaultRequest?: Record<string, string>;
  @StrMap() maxLimitRequestRatio?: Record<string, string>;
}

@ObjectType({ simpleResolvers: true })
@InputType('LimitRangeSpecInput')
export class LimitRangeSpec {
  @Field(() => [LimitRangeItem], { nullable: true }) limits?: LimitRangeItem[];
}

/** core/v1 LimitRange. */
export const { output: LimitRange, input: LimitRangeInput } = resourceClasses('LimitRange', LimitRangeSpec);
