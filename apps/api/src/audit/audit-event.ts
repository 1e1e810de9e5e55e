// Kubernetes' audit event (audit.k8s.io/v1 Event) for one GraphQL root field: each root
// field (each alias) is one API request in Kubernetes terms. Pure; the plugin feeds it.
import { randomUUID } from 'node:crypto';
import { Kind, valueFromASTUntyped, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { KINDS } from '@wheelhouse/resources';
import type { Principal } from '../auth/tokens.js';
import { HTTP_STATUS } from '../errors/http-status.js';

export interface AuditEvent {
  kind: 'Event';
  apiVersion: 'audit.k8s.io/v1';
  level: 'Metadata';
  auditID: string;
  stage: 'ResponseComplete';
  requestURI: string;
  verb: string;
  user: { username: string; groups: string[] };
  sourceIPs: string[];
  userAgent?: string;
  objectRef?: { resource: string; namespace?: string; name?: string; apiGroup?: string; apiVersion?: string; subresource?: string };
  responseStatus: { metadata: Record<string, never>; code: number; status?: 'Failure'; reason?: string; message?: string };
  requestReceivedTimestamp: string;
  stageTimestamp: string;
  annotations?: Record<string, string>;
}

export interface RequestMeta {
  sourceIPs: string[];
  userAgent?: string;
  requestURI: string;
  receivedAt: Date;
}

/** An error of the response, as far as auditing cares: its code and the root field it belongs to. */
export interface FieldOutcome {
  code?: string;
  message?: string;
}

const RESOURCES = resourceTable();

/** The Kubernetes user of a principal: its name and groups. */
export function auditUser(principal: Principal | null): AuditEvent['user'] {
  if (!principal) return { username: 'system:anonymous', groups: ['system:unauthenticated'] };
  return { username: principal.name, groups: [...principal.groups] };
}

/** One event per root field of the operation. */
export function operationEvents(
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  principal: Principal | null,
  request: RequestMeta,
  outcomeOf: (responseKey: string) => FieldOutcome | undefined,
  now: Date,
): AuditEvent[] {
  const events: AuditEvent[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.name.value.startsWith('__')) continue;
    const field = selection.name.value;
    const target = RESOURCES.get(field);
    const args = argumentsOf(selection, variables);
    const input = args.input as { metadata?: { name?: unknown; namespace?: unknown } } | undefined;
    const name = str(args.name) ?? str(input?.metadata?.name);
    const namespace = str(args.namespace) ?? str(input?.metadata?.namespace) ?? (target?.namespaced && name ? 'default' : undefined);
    const verb = verbOf(operation.operation, field, target);
    const outcome = outcomeOf(selection.alias?.value ?? field);
    events.push({
      ...base(principal, request, now),
      verb,
      objectRef: {
        resource: target?.resource ?? field,
        ...(namespace ? { namespace } : {}),
        ...(name ? { name } : {}),
        ...(target ? { apiGroup: target.apiGroup, apiVersion: target.apiVersion } : {}),
        ...(target?.subresource ? { subresource: target.subresource } : {}),
      },
      responseStatus: status(outcome, verb),
      annotations: { 'wheelhouse.io/operation': field },
    });
  }
  return events;
}

/** A request refused before any operation ran (401, 413, 429): who, from where, and why. */
export function refusedEvent(principal: Principal | null, request: RequestMeta, code: number, message: string, now: Date): AuditEvent {
  return {
    ...base(principal, request, now),
    verb: 'post',
    responseStatus: { metadata: {}, code, status: 'Failure', message },
  };
}

function base(principal: Principal | null, request: RequestMeta, now: Date) {
  return {
    kind: 'Event' as const,
    apiVersion: 'audit.k8s.io/v1' as const,
    level: 'Metadata' as const,
    auditID: randomUUID(),
    stage: 'ResponseComplete' as const,
    requestURI: request.requestURI,
    user: auditUser(principal),
    sourceIPs: request.sourceIPs,
    ...(request.userAgent ? { userAgent: request.userAgent } : {}),
    requestReceivedTimestamp: request.receivedAt.toISOString(),
    stageTimestamp: now.toISOString(),
  };
}

interface ResourceTarget {
  resource: string;
  apiGroup: string;
  apiVersion: string;
  namespaced: boolean;
  subresource?: string;
  verb?: string;
}

/** Root field → resource and verb, for every kind's operations (kinds.ts names them all alike). */
function resourceTable(): Map<string, ResourceTarget> {
  const table = new Map<string, ResourceTarget>();
  for (const kind of KINDS) {
    const [group, version] = kind.apiVersion.includes('/') ? kind.apiVersion.split('/') : ['', kind.apiVersion];
    const K = kind.kind;
    const Plural = kind.plural[0]!.toUpperCase() + kind.plural.slice(1);
    const target = (verb: string, subresource?: string): ResourceTarget => ({
      resource: kind.plural,
      apiGroup: group!,
      apiVersion: version!,
      namespaced: kind.namespaced,
      verb,
      ...(subresource ? { subresource } : {}),
    });
    table.set(kind.singular, target('get'));
    table.set(kind.plural, target('list'));
    table.set(`watch${Plural}`, target('watch'));
    table.set(`create${K}`, target('create'));
    table.set(`create${Plural}`, target('create'));
    table.set(`replace${K}`, target('update'));
    table.set(`patch${K}`, target('patch'));
    table.set(`patch${Plural}`, target('patch'));
    table.set(`delete${K}`, target('delete'));
    table.set(`replace${K}Status`, target('update', 'status'));
    table.set(`patch${K}Status`, target('patch', 'status'));
    table.set(`patch${Plural}Status`, target('patch', 'status'));
  }
  return table;
}

/** Kubernetes verbs; other mutations (apply, bind, evict, drain, scale …) are named after what they do. */
function verbOf(type: OperationDefinitionNode['operation'], field: string, target: ResourceTarget | undefined): string {
  if (target?.verb) return target.verb;
  if (type === 'subscription') return 'watch';
  if (type === 'query') return 'get';
  if (field === 'apply') return 'patch';
  if (/^(bind|evict|create)/.test(field)) return 'create';
  if (/^delete/.test(field)) return 'delete';
  return 'update';
}

function status(outcome: FieldOutcome | undefined, verb: string): AuditEvent['responseStatus'] {
  if (!outcome?.code) return { metadata: {}, code: verb === 'create' ? 201 : 200 };
  const code = HTTP_STATUS[outcome.code] ?? 500;
  return { metadata: {}, code, status: 'Failure', reason: outcome.code, ...(outcome.message ? { message: outcome.message.slice(0, 256) } : {}) };
}

function argumentsOf(field: FieldNode, variables: Record<string, unknown> | undefined): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const arg of field.arguments ?? []) {
    if (arg.name.value === 'name' || arg.name.value === 'namespace' || arg.name.value === 'input') args[arg.name.value] = valueFromASTUntyped(arg.value, variables);
  }
  return args;
}

const str = (value: unknown) => (typeof value === 'string' && value ? value.slice(0, 253) : undefined);
