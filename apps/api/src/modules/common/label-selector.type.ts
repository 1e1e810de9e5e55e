import { InputType, ObjectType } from 'type-graphql';
import { StrMap, List, Str, StrList } from './fields.js';

@ObjectType({ simpleResolvers: true })
@InputType('LabelSelectorRequirementInput')
export class LabelSelectorRequirement {
  @Str() key?: string;
  @Str('In, NotIn, Exists or DoesNotExist') operator?: string;
  @StrList() values?: string[];
}

/** metav1.LabelSelector: matchLabels AND matchExpressions. */
@ObjectType({ simpleResolvers: true })
@InputType('LabelSelectorInput')
export class LabelSelector {
  @StrMap() matchLabels?: Record<string, string>;
  @List(() => LabelSelectorRequirement) matchExpressions?: LabelSelectorRequirement[];
}

@ObjectType({ simpleResolvers: true })
@InputType('ObjectReferenceInput')
export class ObjectReference {
  @Str() apiVersion?: string;
  @Str() kind?: string;
  @Str() namespace?: string;
  @Str() name?: string;
  @Str() uid?: string;
  @Str() resourceVersion?: string;
  @Str() fieldPath?: string;
}
