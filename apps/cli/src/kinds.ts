/** Kind lookup and the GraphQL field names derived from KindInfo. */
import { KINDS, resolveKindName, type KindInfo } from '@wheelhouse/resources';
import { UsageError } from './errors.js';

export function resolveKind(name: string): KindInfo {
  const info = resolveKindName(name);
  if (!info) throw new UsageError(`the server doesn't have a resource type "${name}"`, "Run 'wh api-resources' for the list.");
  return info;
}

export function findKindByManifest(apiVersion: string | null | undefined, kind: string | null | undefined): KindInfo | undefined {
  return KINDS.find((k) => k.kind === kind && (!apiVersion || k.apiVersion === apiVersion));
}

const upper = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** GraphQL operation names: `pod`/`pods`/`createPod`/... */
export const ops = (k: KindInfo) => ({
  get: k.singular,
  list: k.plural,
  create: `create${k.kind}`,
  patch: `patch${k.kind}`,
  delete: `delete${k.kind}`,
  input: `${k.kind}Input`,
});

export const groupOf = (k: KindInfo) => (k.apiVersion.includes('/') ? k.apiVersion.split('/')[0]! : '');

/** `deployment.apps`, `pod`: kubectl's resource name in messages. */
export const qualifiedKind = (k: KindInfo) => {
  const group = groupOf(k);
  return `${k.kind.toLowerCase()}${group ? `.${group}` : ''}`;
};

/** `pods`, `replicasets`: the plural as kubectl prints it in "not found" errors. */
export const lowerPlural = (k: KindInfo) => k.plural.toLowerCase();

export { upper };

/** kubectl's `all` category, in its order, limited to the kinds Wheelhouse has. */
const ALL_CATEGORY = ['pods', 'replicationcontrollers', 'deployments', 'replicasets'];

/** `deployment/web` or `deploy web` → kind and names. */
export function kindAndNames(positionals: string[]): { kind: KindInfo; names: string[] }[] {
  if (positionals.length === 0) throw new UsageError('you must specify the type of resource', "Run 'wh api-resources' for the list.");
  if (positionals[0]!.includes('/')) {
    return positionals.map((p) => {
      const [kind, name, extra] = p.split('/');
      if (!kind || !name || extra !== undefined) throw new UsageError(`arguments in resource/name form must have a single resource and name: ${p}`);
      return { kind: resolveKind(kind), names: [name] };
    });
  }
  const [kindArg, ...names] = positionals;
  // `pods,deployments` lists several kinds, as kubectl does; `all` is kubectl's category of workload kinds.
  const kinds = [
    ...new Set(
      kindArg!
        .split(',')
        .flatMap((k) => (k === 'all' ? ALL_CATEGORY : [k]))
        .map(resolveKind),
    ),
  ];
  if (kinds.length > 1 && names.length) throw new UsageError('names cannot be used with several resource types');
  return kinds.map((kind) => ({ kind, names }));
}
