import { Kind, valueFromASTUntyped, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

export interface RootField {
  name: string;
  args: Record<string, unknown>;
}

/**
 * Every root field an operation may run, with its arguments (variables substituted),
 * looking through fragment spreads and inline fragments, and ignoring @skip/@include:
 * authorization errs on the side of checking a field that will not run.
 */
export function rootFields(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): RootField[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const out: RootField[] = [];
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        const args: Record<string, unknown> = {};
        for (const arg of s.arguments ?? []) args[arg.name.value] = valueFromASTUntyped(arg.value, variables);
        out.push({ name: s.name.value, args });
      } else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const fragment = fragments.get(s.name.value);
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  visit(operation.selectionSet);
  return out;
}
