/** One command's connection: client, resolved namespace, and typed helpers per kind. */
import { type Clientset, createClientset, type ListResult, type ResourceClient, WheelhouseClient } from '@wheelhouse/client';
import type { DeletionPropagation, KindName } from '@wheelhouse/model';
import type { KindInfo } from '@wheelhouse/resources';
import { bool, str, type ParsedArgs } from './args.js';
import { readFileSync } from 'node:fs';
import { localCaFile, loadConfig, readLocalAdminToken, resolveConnection } from './config.js';
import { CliError } from './errors.js';
import type { KubeObj } from './print/object.js';

export interface ListOptions {
  all?: boolean;
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export class Session {
  readonly client: WheelhouseClient;
  /** Typed per-kind clients: every CRUD document comes from the generated model, none is written here. */
  readonly clientset: Clientset;
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
    this.clientset = createClientset(this.client);
    this.explicitNamespace = str(args, 'namespace') !== undefined;
    this.namespace = str(args, 'namespace') ?? conn.namespace;
    this.allNamespaces = bool(args, 'all-namespaces');
  }

  close(): void {
    this.client.close();
  }

  /** The kind's client; objects are read loosely (KubeObj) by code generic over kinds. */
  resource(kind: KindInfo): ResourceClient<KubeObj> {
    return this.clientset.kind(kind.kind as KindName);
  }

  /** The namespace of a namespaced object: the one given, else the session's. */
  private scope(kind: KindInfo, namespace: string | undefined): { namespace?: string } {
    return kind.namespaced ? { namespace: namespace ?? this.namespace } : {};
  }

  get(kind: KindInfo, name: string, namespace?: string): Promise<KubeObj | null> {
    return this.resource(kind).get({ ...this.scope(kind, namespace), name });
  }

  async list(kind: KindInfo, options: ListOptions): Promise<KubeObj[]> {
    return (await this.listWithVersion(kind, options)).items;
  }

  /** The list and its revision, from which a watch sees every later change. */
  listWithVersion(kind: KindInfo, options: ListOptions): Promise<ListResult<KubeObj>> {
    return this.resource(kind).listAll({ namespace: this.listNamespace(kind, options), labelSelector: options.labelSelector, fieldSelector: options.fieldSelector });
  }

  /** The namespace a list or watch is limited to; undefined means every namespace. */
  listNamespace(kind: KindInfo, options: ListOptions): string | undefined {
    return kind.namespaced && !options.all ? (options.namespace ?? this.namespace) : undefined;
  }

  create(kind: KindInfo, input: Record<string, unknown>, namespace: string | undefined, dryRun: boolean): Promise<KubeObj> {
    // The manifest's own shape goes to the API as is; the server validates it.
    return this.resource(kind).create(input as KubeObj, { ...this.scope(kind, namespace), dryRun, select: 'metadata { name namespace }' });
  }

  patch(kind: KindInfo, name: string, patch: Record<string, unknown>, namespace?: string): Promise<KubeObj> {
    return this.resource(kind).patch({ ...this.scope(kind, namespace), name }, patch);
  }

  delete(kind: KindInfo, name: string, options: { namespace?: string; gracePeriodSeconds?: number; propagationPolicy?: DeletionPropagation }): Promise<KubeObj | null> {
    const { namespace, ...rest } = options;
    return this.resource(kind).delete({ ...this.scope(kind, namespace), name }, { ...rest, select: 'metadata { name }' });
  }

  /** A mutation taking (namespace, name, ...extra) and returning the kind, e.g. scaleDeployment, cordonNode. */
  async action(kind: KindInfo, field: string, name: string, extra: Record<string, unknown> = {}, namespace?: string): Promise<KubeObj> {
    return (await this.clientset.ops.call('mutation', field, { ...this.scope(kind, namespace), name, ...extra })) as KubeObj;
  }
}

function readCa(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read the certificate authority ${file}: ${(e as Error).message}`);
  }
}
