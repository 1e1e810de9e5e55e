/**
 * `wh create configmap NAME`, `wh create secret generic NAME`, `wh create secret tls
 * NAME`: kubectl's generators. The object is made here from literals and files and
 * created through the API, which validates it as any other create.
 */
import { int, list, str, type ParsedArgs } from '../args.js';
import { out, withSession } from '../command.js';
import { UsageError } from '../errors.js';
import { qualifiedKind, resolveKind } from '../kinds.js';
import { printDocuments } from '../print/output.js';
import { Session } from '../session.js';
import { configMapObject, genericSecretObject, tlsSecretObject } from '../create-config/generate.js';
import { isDryRun } from './apply.js';
import { deploymentObject, namespaceObject, serviceObject, type ServiceVariant } from '../generators/workloads.js';
import { jobObject } from '../generators/job.js';
import { cronJobObject, parseFromSource } from '../generators/cronjob.js';
import { manualJobFromCronJob } from '@wheelhouse/resources';
import { notFoundError } from '../errors.js';
import { ingressObject } from '../generators/ingress.js';
import { clusterRoleBindingObject, clusterRoleObject, roleBindingObject, roleObject, serviceAccountObject } from '../generators/rbac.js';
import { CREATE_TOKEN_USAGE, runCreateToken } from './create-token.js';

export const GENERATED_USAGE = [
  '       wh create configmap NAME [--from-literal=KEY=VALUE] [--from-file=[KEY=]PATH] [--dry-run] [-o yaml|json]',
  '       wh create secret generic NAME [--type TYPE] [--from-literal=KEY=VALUE] [--from-file=[KEY=]PATH] [--dry-run] [-o yaml|json]',
  '       wh create secret tls NAME --cert PATH --key PATH [--dry-run] [-o yaml|json]',
  '       wh create namespace NAME [--dry-run] [-o yaml|json]',
  '       wh create deployment NAME --image=IMAGE... [--replicas=N] [--port=PORT] [-- COMMAND [ARGS...]]',
  '       wh create service clusterip|nodeport|loadbalancer NAME --tcp=PORT[:TARGET]... [--clusterip=None] [--node-port=N]',
  '       wh create service externalname NAME --external-name=HOST',
  '       wh create job NAME --image=IMAGE [-- COMMAND [ARGS...]]',
  '       wh create job NAME --from=cronjob/CRONJOB',
  "       wh create cronjob NAME --image=IMAGE --schedule='*/1 * * * *' [--restart=OnFailure|Never] [-- COMMAND [ARGS...]]",
  '       wh create ingress NAME --rule=host/path=svc:port[,tls[=secret]]... [--class=CLASS] [--default-backend=svc:port]',
  '       wh create serviceaccount NAME',
  '       wh create role NAME --verb=VERB[,VERB...] --resource=RESOURCE[.GROUP][/SUB][,...] [--resource-name=NAME...]',
  '       wh create clusterrole NAME --verb=VERB... (--resource=... [--resource-name=...] | --non-resource-url=URL...) | --aggregation-rule=KEY=VALUE[,...]',
  '       wh create rolebinding NAME (--role=ROLE | --clusterrole=ROLE) [--user=U...] [--group=G...] [--serviceaccount=NS:NAME...]',
  '       wh create clusterrolebinding NAME --clusterrole=ROLE [--user=U...] [--group=G...] [--serviceaccount=NS:NAME...]',
  CREATE_TOKEN_USAGE,
].join('\n');

export const GENERATED_FLAGS = [
  { name: 'from-literal', value: true, multiple: true },
  { name: 'from-file', value: true, multiple: true },
  { name: 'type', value: true },
  { name: 'cert', value: true },
  { name: 'key', value: true },
  { name: 'output', short: 'o', value: true },
  { name: 'image', value: true, multiple: true },
  { name: 'replicas', short: 'r', value: true },
  { name: 'port', value: true },
  { name: 'tcp', value: true, multiple: true },
  { name: 'clusterip', value: true },
  { name: 'node-port', value: true },
  { name: 'external-name', value: true },
  { name: 'rule', value: true, multiple: true },
  { name: 'class', value: true },
  { name: 'default-backend', value: true },
  { name: 'from', value: true },
  { name: 'schedule', value: true },
  { name: 'restart', value: true },
  { name: 'verb', value: true, multiple: true },
  { name: 'resource', value: true, multiple: true },
  { name: 'resource-name', value: true, multiple: true },
  { name: 'non-resource-url', value: true, multiple: true },
  { name: 'aggregation-rule', value: true, multiple: true },
  { name: 'role', value: true },
  { name: 'clusterrole', value: true },
  { name: 'user', value: true, multiple: true },
  { name: 'group', value: true, multiple: true },
  { name: 'serviceaccount', value: true, multiple: true },
  { name: 'audience', value: true, multiple: true },
  { name: 'duration', value: true },
  { name: 'bound-object-name', value: true },
];

const RBAC_GENERATORS = ['serviceaccount', 'sa', 'role', 'clusterrole', 'rolebinding', 'clusterrolebinding', 'token'];

const WORKLOAD_GENERATORS = ['namespace', 'ns', 'deployment', 'deploy', 'service', 'svc', 'job', 'cronjob', 'cj', 'ingress', 'ing'];

/** Whether the positionals name a generator (`configmap`, `cm`, `secret`). */
export const isGenerated = (positionals: string[]) =>
  ['configmap', 'configmaps', 'cm', 'secret', 'secrets', ...WORKLOAD_GENERATORS, ...RBAC_GENERATORS].includes(positionals[0] ?? '');

function generateRbac(positionals: string[], args: ParsedArgs): { kindName: string; object: Record<string, unknown> } | undefined {
  const [what, ...rest] = positionals;
  if (!RBAC_GENERATORS.includes(what ?? '')) return undefined;
  if (rest.length !== 1) throw new UsageError(`exactly one NAME is required, got ${rest.length}`);
  const name = rest[0]!;
  const rules = { verbs: list(args, 'verb'), resources: list(args, 'resource'), resourceNames: list(args, 'resource-name') };
  const binding = {
    role: str(args, 'role'),
    clusterRole: str(args, 'clusterrole'),
    users: list(args, 'user'),
    groups: list(args, 'group'),
    serviceAccounts: list(args, 'serviceaccount'),
  };
  if (what === 'serviceaccount' || what === 'sa') return { kindName: 'ServiceAccount', object: serviceAccountObject(name) };
  if (what === 'role') return { kindName: 'Role', object: roleObject(name, rules) };
  if (what === 'clusterrole') {
    return {
      kindName: 'ClusterRole',
      object: clusterRoleObject(name, { ...rules, nonResourceURLs: list(args, 'non-resource-url'), aggregationRule: list(args, 'aggregation-rule') }),
    };
  }
  if (what === 'rolebinding') return { kindName: 'RoleBinding', object: roleBindingObject(name, binding) };
  return { kindName: 'ClusterRoleBinding', object: clusterRoleBindingObject(name, binding) };
}

function generateWorkload(positionals: string[], args: ParsedArgs): { kindName: string; object: Record<string, unknown> } | undefined {
  const [what, ...rest] = positionals;
  const one = (names: string[]) => {
    if (names.length < 1) throw new UsageError('NAME is required');
    return names[0]!;
  };
  if (what === 'namespace' || what === 'ns') return { kindName: 'Namespace', object: namespaceObject(one(rest)) };
  if (what === 'ingress' || what === 'ing') {
    return { kindName: 'Ingress', object: ingressObject(one(rest), { rules: list(args, 'rule'), className: str(args, 'class'), defaultBackend: str(args, 'default-backend') }) };
  }
  if (what === 'deployment' || what === 'deploy') {
    const [name, ...command] = rest;
    return {
      kindName: 'Deployment',
      object: deploymentObject(one(name ? [name] : []), { images: list(args, 'image'), replicas: int(args, 'replicas'), port: int(args, 'port'), command }),
    };
  }
  if (what === 'job') {
    const [name, ...command] = rest;
    const image = list(args, 'image');
    if (image.length > 1) throw new UsageError('--image may be given once for a job');
    return { kindName: 'Job', object: jobObject(one(name ? [name] : []), { image: image[0], command }) };
  }
  if (what === 'cronjob' || what === 'cj') {
    const [name, ...command] = rest;
    const image = list(args, 'image');
    if (image.length > 1) throw new UsageError('--image may be given once for a cronjob');
    const options = { image: image[0], schedule: str(args, 'schedule'), restart: str(args, 'restart'), command };
    return { kindName: 'CronJob', object: cronJobObject(one(name ? [name] : []), options) };
  }
  if (what === 'service' || what === 'svc') {
    const [variant, ...names] = rest;
    if (!['clusterip', 'nodeport', 'loadbalancer', 'externalname'].includes(variant ?? ''))
      throw new UsageError(`unknown service type "${variant ?? ''}": clusterip, nodeport, loadbalancer or externalname`);
    const options = { tcp: list(args, 'tcp'), clusterIP: str(args, 'clusterip'), nodePort: int(args, 'node-port'), externalName: str(args, 'external-name') };
    return { kindName: 'Service', object: serviceObject(one(names), variant as ServiceVariant, options) };
  }
  return undefined;
}

function generate(positionals: string[], args: ParsedArgs): { kindName: string; object: Record<string, unknown> } {
  const workload = generateWorkload(positionals, args) ?? generateRbac(positionals, args);
  if (workload) return workload;
  const sources = { literals: list(args, 'from-literal'), files: list(args, 'from-file') };
  const [what, ...rest] = positionals;
  if (what === 'configmap' || what === 'configmaps' || what === 'cm') {
    if (rest.length !== 1) throw new UsageError(`exactly one NAME is required, got ${rest.length}`);
    return { kindName: 'ConfigMap', object: configMapObject(rest[0]!, sources) };
  }
  const [variant, ...names] = rest;
  if (names.length !== 1) throw new UsageError(`exactly one NAME is required, got ${names.length}`);
  if (variant === 'generic') return { kindName: 'Secret', object: genericSecretObject(names[0]!, sources, str(args, 'type')) };
  if (variant === 'tls') return { kindName: 'Secret', object: tlsSecretObject(names[0]!, str(args, 'cert'), str(args, 'key')) };
  throw new UsageError(`unknown secret type "${variant ?? ''}": generic or tls (docker-registry is not supported yet)`);
}

export async function runCreateGenerated(args: ParsedArgs): Promise<number> {
  if (args.positionals[0] === 'token') return runCreateToken(args);
  const output = str(args, 'output');
  if (output && output !== 'yaml' && output !== 'json' && output !== 'name') throw new UsageError(`-o ${output}: yaml, json or name`);
  const from = str(args, 'from');
  const generated = from === undefined ? generate(args.positionals, args) : undefined;
  const dryRun = isDryRun(args);
  const session = new Session(args);
  return withSession(session, async () => {
    const { kindName, object } = generated ?? (await jobFrom(session, args, from!));
    const kind = resolveKind(kindName);
    const created = await session.create(kind, object, session.namespace, dryRun);
    const name = `${qualifiedKind(kind)}/${created.metadata.name}`;
    if (output === 'yaml' || output === 'json') {
      const shown = { ...object, metadata: { ...(object.metadata as object), namespace: created.metadata.namespace } };
      out(printDocuments([{ kind, object: shown as never }], output, true));
    } else {
      out(output === 'name' ? name : `${name} created${dryRun ? ' (dry run)' : ''}`);
    }
    return 0;
  });
}

/** kubectl create job NAME --from=cronjob/CJ: the CronJob's template as a Job it owns (instantiate=manual). */
async function jobFrom(session: Session, args: ParsedArgs, from: string): Promise<{ kindName: string; object: Record<string, unknown> }> {
  const [what, name, ...command] = args.positionals;
  if (what !== 'job') throw new UsageError(`--from is only for create job, not create ${what ?? ''}`);
  if (!name) throw new UsageError('NAME is required');
  if (list(args, 'image').length > 0) throw new UsageError('either --image or --from must be specified');
  if (command.length > 0) throw new UsageError('cannot specify --from and command');
  const source = parseFromSource(from);
  const sourceKind = resolveKind(source.kind);
  if (sourceKind.kind !== 'CronJob') throw new UsageError(`unknown object type ${sourceKind.kind}`);
  const cronJob = await session.get(sourceKind, source.name);
  if (!cronJob) throw notFoundError(`${sourceKind.resource}.${sourceKind.group}`, source.name);
  return { kindName: 'Job', object: manualJobFromCronJob(cronJob as never, name) as unknown as Record<string, unknown> };
}
