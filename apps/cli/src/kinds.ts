/** Kind lookup by kubectl's names; identities (group, resource) come from the catalogue KindInfo spreads. */
import { KIND_LIST, qualifiedKind as qualifiedName } from '@wheelhouse/model';
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

/** `deployment.apps`, `pod`: kubectl's resource name in messages. */
export const qualifiedKind = (k: KindInfo) => qualifiedName(k);

/** `pods`, `replicasets`, `endpoints`: the resource as kubectl prints it in "not found" errors. */
export const lowerPlural = (k: KindInfo) => k.resource;

/**
 * The resources of a kubectl category (`all`), from the catalogue's `categories`: core-group
 * kinds first, then the others, each in catalogue order, as discovery lists them to kubectl.
 */
export function categoryResources(category: string): string[] {
  const members = KIND_LIST.filter((k) => k.categories.includes(category));
  return [...members.filter((k) => k.group === ''), ...members.filter((k) => k.group !== '')].map((k) => k.resource);
}

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
        .flatMap((k) => (k === 'all' ? categoryResources('all') : [k]))
        .map(resolveKind),
    ),
  ];
  if (kinds.length > 1 && names.length) throw new UsageError('names cannot be used with several resource types');
  return kinds.map((kind) => ({ kind, names }));
}
