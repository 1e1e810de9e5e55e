/**
 * `wh auth can-i VERB RESOURCE[/SUBRESOURCE][.GROUP] [NAME] [-n NS] [-A] [--as USER] [--as-group G]`
 * and `wh auth can-i VERB /PATH`: kubectl auth can-i, a SelfSubjectAccessReview (with --as, a
 * SubjectAccessReview). Prints yes or no; exits 0 for yes, 1 for no, as kubectl does.
 */
import { resolveKindName } from '@wheelhouse/model';
import { bool, list, str, type ParsedArgs } from '../args.js';
import { out, withSession, type Command } from '../command.js';
import { UsageError } from '../errors.js';
import { Session } from '../session.js';

const REVIEW = `query CanI($verb: String!, $resource: String, $group: String, $subresource: String, $namespace: String, $name: String, $path: String, $user: String, $groups: [String!]) {
  review: selfSubjectAccessReview(verb: $verb, resource: $resource, group: $group, subresource: $subresource, namespace: $namespace, name: $name, path: $path, user: $user, groups: $groups) { allowed reason }
}`;

/** `pods`, `pods/log`, `deployments.apps`, `deploy/scale`, `*`: what the review asks about. */
export function resourceArgument(text: string): { resource: string; group: string; subresource?: string; namespaced: boolean } {
  const [head, subresource] = text.split('/', 2) as [string, string | undefined];
  if (head === '*') return { resource: '*', group: '*', namespaced: true, ...(subresource ? { subresource } : {}) };
  const dot = head.indexOf('.');
  const name = dot >= 0 ? head.slice(0, dot) : head;
  const group = dot >= 0 ? head.slice(dot + 1) : undefined;
  const kind = resolveKindName(name);
  // kubectl warns and asks anyway about a resource it does not know; so do we, with the group given.
  return { resource: kind?.resource ?? name, group: group ?? kind?.group ?? '', namespaced: kind?.namespaced ?? true, ...(subresource ? { subresource } : {}) };
}

export const authCommand: Command = {
  name: 'auth',
  summary: 'Inspect authorization (auth can-i)',
  usage: 'Usage: wh auth can-i VERB (RESOURCE[/SUBRESOURCE][.GROUP] [NAME] | /NONRESOURCE-URL) [-n NS] [-A] [--as USER] [--as-group GROUP...]',
  flags: [
    { name: 'all-namespaces', short: 'A' },
    { name: 'as', value: true },
    { name: 'as-group', value: true, multiple: true },
    { name: 'quiet', short: 'q' },
  ],
  async run(args: ParsedArgs) {
    const [sub, verb, target, name] = args.positionals;
    if (sub !== 'can-i') throw new UsageError(`unknown auth command "${sub ?? ''}": can-i`);
    if (!verb || !target) throw new UsageError('you must specify two arguments: verb resource or verb resource/resourceName');
    const session = new Session(args);
    return withSession(session, async () => {
      const isPath = target.startsWith('/');
      const resource = isPath ? undefined : resourceArgument(target);
      const as = str(args, 'as');
      const data = await session.client.request<{ review: { allowed: boolean; reason: string | null } }>(REVIEW, {
        verb,
        ...(isPath ? { path: target } : { resource: resource!.resource, group: resource!.group, subresource: resource!.subresource, name }),
        // Cluster-scoped resources are asked about at the cluster scope.
        namespace: isPath || bool(args, 'all-namespaces') || !resource!.namespaced ? undefined : session.namespace,
        ...(as ? { user: as, groups: list(args, 'as-group') } : {}),
      });
      if (!bool(args, 'quiet')) out(data.review.allowed ? 'yes' : 'no');
      return data.review.allowed ? 0 : 1;
    });
  },
};
