/** One command's connection: client, resolved namespace, and typed helpers per kind. */
import { FullSelections, listAll, WheelhouseClient, type ListResult } from '@wheelhouse/client';
import type { KindInfo } from '@wheelhouse/resources';
import { bool, str, type ParsedArgs } from './args.js';
import { readFileSync } from 'node:fs';
import { localCaFile, loadConfig, readLocalAdminToken, resolveConnection } from './config.js';
import { CliError } from './errors.js';
import { ops } from './kinds.js';
import type { KubeObj } from './print/object.js';

export interface ListOptions {
  all?: boolean;
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export class Session {
  readonly client: WheelhouseClient;
  private readonly selections: FullSelections;
  /** The namespace for namespaced objects (flag, then context, then `default`). */
  readonly namespace: string;
  readonly allNamespaces: boolean;
  /** Whether `-n` was given: an explicit namespace beats the one in a manifest only then. */
  readonly explicitNamespace: boolean;
  readonly server: string;
  /** The bearer token and CA the client uses, for the WebSocket streams beside it (exec). */
  readonly token?: string;
  readonly ca?: string;

  constructor(args: ParsedArgs, env: NodeJS.ProcessEnv = process.env) {
    const flags = { context: str(args, 'context'), server: str(args, 'server'), token: str(args, 'token'), certificateAuthority: str(args, 'certificate-authority') };
    const conn = resolveConnection(loadConfig(), flags, env, () => readLocalAdminToken(env));
    this.server = conn.server;
    const caFile = conn.certificateAuthority ?? (conn.server.startsWith('https:') ? localCaFile(env) : undefined);
    this.token = conn.token;
    this.ca = caFile ? readCa(caFile) : undefined;
    this.client = new WheelhouseClient({ server: conn.server, token: conn.token, ...(this.ca ? { ca: this.ca } : {}) });
    this.selections = new FullSelections(this.client);
    this.explicitNamespace = str(args, 'namespace') !== undefined;
    this.namespace = str(args, 'namespace') ?? conn.namespace;
    this.allNamespaces = bool(args, 'all-namespaces');
  }

  close(): void {
    this.client.close();
  }

  fields(kind: KindInfo): Promise<string> {
    return this.selections.of(kind.kind);
  }

  /** `namespace` arguments only for namespaced kinds: cluster-scoped fields do not declare one. */
  private nsArgs(kind: KindInfo, namespace: string | undefined) {
    return kind.namespaced ? { namespace: namespace ?? this.namespace } : {};
  }

  async get(kind: KindInfo, name: string, namespace?: string): Promise<KubeObj | null> {
    const vars = { ...this.nsArgs(kind, namespace), name };
    const doc = `query Get${kind.kind}(${decl(vars)}) { object: ${ops(kind).get}(${pass(vars)}) { ${await this.fields(kind)} } }`;
    const data = await this.client.request<{ object: KubeObj | null }>(doc, vars, { retries: 2 });
    return data.object;
  }

  async list(kind: KindInfo, options: ListOptions): Promise<KubeObj[]> {
    return (await this.listWithVersion(kind, options)).items;
  }

  /** The list and its revision, from which a watch sees every later change. */
  async listWithVersion(kind: KindInfo, options: ListOptions): Promise<ListResult<KubeObj>> {
    return listAll<KubeObj>(this.client, {
      plural: ops(kind).list,
      fields: await this.fields(kind),
      namespace: this.listNamespace(kind, options),
      labelSelector: options.labelSelector,
      fieldSelector: options.fieldSelector,
    });
  }

  /** The namespace a list or watch is limited to; undefined means every namespace. */
  listNamespace(kind: KindInfo, options: ListOptions): string | undefined {
    return kind.namespaced && !options.all ? (options.namespace ?? this.namespace) : undefined;
  }

  async create(kind: KindInfo, input: Record<string, unknown>, namespace: string | undefined, dryRun: boolean): Promise<KubeObj> {
    const vars = { ...this.nsArgs(kind, namespace), input, dryRun };
    const doc = `mutation Create${kind.kind}(${decl(vars, { input: `${ops(kind).input}!` })}) { object: ${ops(kind).create}(${pass(vars)}) { metadata { name namespace } } }`;
    return (await this.client.request<{ object: KubeObj }>(doc, vars)).object;
  }

  async patch(kind: KindInfo, name: string, patch: Record<string, unknown>, namespace?: string): Promise<KubeObj> {
    const vars = { ...this.nsArgs(kind, namespace), name, patch };
    const doc = `mutation Patch${kind.kind}(${decl(vars)}) { object: ${ops(kind).patch}(${pass(vars)}) { ${await this.fields(kind)} } }`;
    return (await this.client.request<{ object: KubeObj }>(doc, vars)).object;
  }

  async delete(kind: KindInfo, name: string, options: { namespace?: string; gracePeriodSeconds?: number; propagationPolicy?: string }): Promise<KubeObj | null> {
    const vars = {
      ...this.nsArgs(kind, options.namespace),
      name,
      ...(options.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: options.gracePeriodSeconds } : {}),
      ...(options.propagationPolicy ? { propagationPolicy: options.propagationPolicy } : {}),
    };
    const doc = `mutation Delete${kind.kind}(${decl(vars)}) { object: ${ops(kind).delete}(${pass(vars)}) { metadata { name } } }`;
    return (await this.client.request<{ object: KubeObj | null }>(doc, vars)).object;
  }

  /** A mutation taking (namespace, name, ...extra) and returning the kind, e.g. scaleDeployment. */
  async action(kind: KindInfo, field: string, name: string, extra: Record<string, unknown> = {}, namespace?: string): Promise<KubeObj> {
    const vars = { ...this.nsArgs(kind, namespace), name, ...extra };
    const doc = `mutation ${upperFirst(field)}(${decl(vars)}) { object: ${field}(${pass(vars)}) { ${await this.fields(kind)} } }`;
    return (await this.client.request<{ object: KubeObj }>(doc, vars)).object;
  }
}

/** GraphQL types of the variables this CLI sends. */
const TYPES: Record<string, string> = {
  namespace: 'String',
  name: 'String!',
  patch: 'JSONObject!',
  gracePeriodSeconds: 'Int',
  propagationPolicy: 'DeletionPropagation',
  dryRun: 'Boolean',
  replicas: 'Int!',
  toRevision: 'Int!',
};

function decl(vars: Record<string, unknown>, extra: Record<string, string> = {}): string {
  return Object.keys(vars)
    .map((k) => `$${k}: ${extra[k] ?? TYPES[k] ?? 'String'}`)
    .join(', ');
}
const pass = (vars: Record<string, unknown>) =>
  Object.keys(vars)
    .map((k) => `${k}: $${k}`)
    .join(', ');
const upperFirst = (s: string) => s[0]!.toUpperCase() + s.slice(1);

function readCa(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read the certificate authority ${file}: ${(e as Error).message}`);
  }
}
