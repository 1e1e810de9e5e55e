/**
 * wh set image|env|resources: kubectl's `set` verbs, editing the pod template of a
 * Pod, Deployment, ReplicaSet or ReplicationController (and later kinds with a template).
 */
import { list, str, type ParsedArgs } from '../args.js';
import { out, withSession, type Command } from '../command.js';
import { CliError, UsageError } from '../errors.js';
import { kindAndNames, qualifiedKind } from '../kinds.js';
import { podSpecOf, selectContainers, type ContainerSpec } from '../patch/pod-spec.js';
import { updateObject } from '../patch/update-object.js';
import type { KubeObj } from '../print/object.js';
import { Session } from '../session.js';

const USAGE = [
  'Usage:',
  '  wh set image (KIND NAME | KIND/NAME) CONTAINER=IMAGE ... (CONTAINER may be *)',
  '  wh set env (KIND NAME | KIND/NAME) KEY=VALUE ... KEY- ... [-c CONTAINER]',
  '  wh set resources (KIND NAME | KIND/NAME) [-c CONTAINER] [--limits=cpu=200m,memory=512Mi] [--requests=...]',
].join('\n');

/** Positionals up to the first `=`/trailing-`-` argument name resources; the rest are changes. */
function split(positionals: string[]): { resources: string[]; changes: string[] } {
  const at = positionals.findIndex((p, i) => i > 0 && (p.includes('=') || (p.endsWith('-') && !p.includes('/'))));
  return at < 0 ? { resources: positionals, changes: [] } : { resources: positionals.slice(0, at), changes: positionals.slice(at) };
}

function setImage(changes: string[]): (c: ContainerSpec[], all: ContainerSpec[]) => void {
  const images = changes.map((c) => {
    const [name, image] = [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)];
    if (!name || !image) throw new UsageError(`invalid image update "${c}": expected CONTAINER=IMAGE`);
    return { name, image };
  });
  return (_selected, all) => {
    for (const { name, image } of images) {
      const matched = name === '*' ? all : all.filter((c) => c.name === name);
      if (matched.length === 0) throw new CliError(`unable to find container named "${name}"`);
      for (const c of matched) c.image = image;
    }
  };
}

function setEnv(changes: string[]): (c: ContainerSpec[]) => void {
  return (containers) => {
    for (const container of containers) {
      let env = [...(container.env ?? [])];
      for (const change of changes) {
        if (change.endsWith('-') && !change.includes('=')) {
          env = env.filter((e) => e.name !== change.slice(0, -1));
          continue;
        }
        const name = change.slice(0, change.indexOf('='));
        const value = change.slice(change.indexOf('=') + 1);
        if (!name) throw new UsageError(`invalid env "${change}": expected KEY=VALUE or KEY-`);
        const existing = env.find((e) => e.name === name);
        if (existing) {
          existing.value = value;
          delete existing.valueFrom;
        } else env.push({ name, value });
      }
      container.env = env.length ? env : null;
    }
  };
}

function parseResourceList(flag: string | undefined, name: string): Record<string, string> | undefined {
  if (flag === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const pair of flag.split(',').filter(Boolean)) {
    const [key, value] = pair.split('=');
    if (!key || !value) throw new UsageError(`invalid --${name} "${flag}": expected NAME=QUANTITY,...`);
    out[key] = value;
  }
  return out;
}

function setResources(args: ParsedArgs): (c: ContainerSpec[]) => void {
  const limits = parseResourceList(str(args, 'limits'), 'limits');
  const requests = parseResourceList(str(args, 'requests'), 'requests');
  if (!limits && !requests) throw new UsageError('you must specify an update to requests or limits (in the form of --requests/--limits)');
  return (containers) => {
    for (const c of containers) {
      const resources = { ...(c.resources ?? {}) };
      if (limits) resources.limits = { ...(resources.limits ?? {}), ...limits };
      if (requests) resources.requests = { ...(resources.requests ?? {}), ...requests };
      c.resources = resources;
    }
  };
}

const PAST = { image: 'image updated', env: 'env updated', resources: 'resource requirements updated' } as const;

export const setCommand: Command = {
  name: 'set',
  summary: 'Set the image, environment or resources of a pod template',
  usage: USAGE,
  flags: [
    { name: 'container', short: 'c', value: true },
    { name: 'limits', value: true },
    { name: 'requests', value: true },
    { name: 'env', short: 'e', value: true, multiple: true },
  ],
  async run(args: ParsedArgs) {
    const [what, ...rest] = args.positionals;
    if (what !== 'image' && what !== 'env' && what !== 'resources') throw new UsageError(`unknown set command "${what ?? ''}"`, USAGE);
    const { resources, changes } = split(rest);
    const allChanges = [...changes, ...list(args, 'env')];
    if (what !== 'resources' && allChanges.length === 0)
      throw new UsageError(what === 'image' ? 'at least one image update is required' : 'at least one environment variable must be provided', USAGE);
    const edit: (selected: ContainerSpec[], all: ContainerSpec[]) => void = what === 'image' ? setImage(allChanges) : what === 'env' ? setEnv(allChanges) : setResources(args);
    const selector = str(args, 'container') ?? '*';
    const targets = kindAndNames(resources).flatMap(({ kind, names }) => names.map((name) => ({ kind, name })));
    if (targets.length === 0) throw new UsageError('one or more resources must be specified as <resource> <name> or <resource>/<name>', USAGE);
    const session = new Session(args);
    return withSession(session, async () => {
      for (const { kind, name } of targets) {
        await updateObject(session, kind, name, undefined, (object: KubeObj) => {
          const spec = podSpecOf(object);
          const selected = selectContainers(spec, selector);
          if (selected.length === 0) throw new CliError(`unable to find container named "${selector}"`);
          edit(selected, selectContainers(spec, '*'));
          return object;
        });
        out(`${qualifiedKind(kind)}/${name} ${PAST[what]}`);
      }
    });
  },
};
