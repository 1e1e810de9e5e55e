import { GraphQLError, Kind, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * Refuses a selection set that asks for one response name more than `max` times
 * (`{ __typename __typename … }`). graphql-js's OverlappingFieldsCanBeMerged compares
 * every pair of fields sharing a response name, so 30,000 of them took 10-17 s of
 * validation; legitimate queries never repeat a name more than a few times (through
 * overlapping fragments). Linear, and run before the standard rules.
 */
export function maxRepeatedFieldsRule(max: number): ValidationRule {
  return (context: ValidationContext) => ({
    SelectionSet(node: SelectionSetNode) {
      const counts = new Map<string, number>();
      for (const selection of node.selections) {
        if (selection.kind !== Kind.FIELD) continue;
        const name = selection.alias?.value ?? selection.name.value;
        const count = (counts.get(name) ?? 0) + 1;
        counts.set(name, count);
        if (count > max) {
          context.reportError(
            new GraphQLError(`Query refused: the field "${name}" is selected more than ${max} times in one selection set`, {
              nodes: [selection],
              extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_LIMIT' },
            }),
          );
          return false;
        }
      }
      return undefined;
    },
  });
}
