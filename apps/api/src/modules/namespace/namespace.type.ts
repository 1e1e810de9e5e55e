import { InputType, ObjectType } from 'type-graphql';
import { List, Str, StrList } from '../common/fields.js';
import { Condition } from '../common/condition.type.js';
import { resourceClasses } from '../common/resource-class.js';

@ObjectType({ simpleResolvers: true })
@InputType('NamespaceSpecInput')
export class NamespaceSpec {
  @StrList('Kept until the namespace controller has emptied a terminating namespace.') finalizers?: string[];
}

@ObjectType({ simpleResolvers: true })
@InputType('NamespaceStatusInput')
export class NamespaceStatus {
  @Str('Active or Terminating') phase?: string;
  @List(() => Condition) conditions?: Condition[];
}

export const { output: Namespace, input: NamespaceInput } = resourceClasses('Namespace', NamespaceSpec, NamespaceStatus);
