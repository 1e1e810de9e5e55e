import { Kind, type OperationDefinitionNode } from 'graphql';
import type { Operation } from './authorize.js';

/** The operation type and root field names of a parsed operation. */
export function describeOperation(operation: OperationDefinitionNode): Operation {
  return {
    type: operation.operation as Operation['type'],
    fields: operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : [])),
  };
}
