import { type KindIdentity, OPERATIONS, operationNames } from '@wheelhouse/model';
import type { KindDef } from './kind.ts';

/** What the coverage check looks at, passed in so its own test can show it failing. */
export interface Registries {
  operations: { query: object; mutation: object; subscription: object };
  printers: Readonly<Record<string, unknown>>;
  dashboard: Readonly<Record<string, KindDef | undefined>>;
}

/**
 * What a kind of the catalogue lacks to be served, printed and listed, each as the exact
 * thing to add: its API operations (generated from apps/api/schema.graphql), its printer
 * (kubectl's columns) and its dashboard list. Empty when the kind is complete.
 */
export function missingPieces(k: KindIdentity, registries: Registries): string[] {
  const problems: string[] = [];
  const names = operationNames(k);
  type Root = 'query' | 'mutation' | 'subscription';
  const wanted: (readonly [Root, string])[] = [
    ['query', names.get],
    ['query', names.list],
    ['subscription', names.watch],
    ['mutation', names.create],
    ['mutation', names.replace],
    ['mutation', names.patch],
    ['mutation', names.delete],
    ...(k.hasStatus ? [['mutation', names.patchStatus] as const] : []),
    ...(k.scalable ? [['mutation', names.scale] as const] : []),
  ];
  const absent = wanted.filter(([root, field]) => !(field in registries.operations[root]));
  if (absent.length)
    problems.push(
      `${k.kind}: the API has no ${absent.map(([root, field]) => `${root} ${field}`).join(', ')} (libs/model/src/generated/operations.ts). ` +
        `Add its module under apps/api/src/modules/${k.kind.toLowerCase()}/ (apps/api/src/modules/lease/ is the smallest example), list it in apps/api/src/schema.ts and run \`npm run schema\`.`,
    );
  if (!registries.printers[k.kind])
    problems.push(
      `${k.kind}: no printer columns. Add to PRINTERS in libs/printers/src/columns.ts kubectl's columns for it (pkg/printers/internalversion/printers.go), e.g.\n` +
        `  ${k.kind}: { columns: [nameColumn, /* kubectl's own columns */ ageColumn] },`,
    );
  const def = registries.dashboard[k.kind];
  if (!def) problems.push(`${k.kind}: no dashboard list. Add to DASHBOARD_KINDS in apps/dashboard/lib/kinds/registry.ts:\n  ${k.kind}: listKind('${k.kind}'),`);
  else {
    if (def.path !== k.resource || def.namespaced !== k.namespaced || def.fields.list !== names.list)
      problems.push(`${k.kind}: its dashboard list disagrees with the catalogue (path ${def.path}, namespaced ${def.namespaced}); build it with listKind('${k.kind}').`);
    for (const field of Object.values(def.actions ?? {}))
      if (field && !(field in registries.operations.mutation)) problems.push(`${k.kind}: the dashboard's action ${field} is not an API mutation.`);
  }
  return problems;
}

export const GENERATED_OPERATIONS: Registries['operations'] = OPERATIONS;
