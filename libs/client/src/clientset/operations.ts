import { stripNulls, type Mutation, type MutationArgs, type Query, type QueryArgs } from '@wheelhouse/model';
import type { RequestOptions, WheelhouseClient } from '../client.js';
import { operationDocument, type RootKind } from './operation-document.js';

export interface CallOptions extends RequestOptions {
  /**
   * The selection of the result, when less than the whole object is wanted (hot paths:
   * a status patch whose answer only needs `metadata { resourceVersion }`). Fields left
   * out are absent from the result.
   */
  select?: string;
}

/** A root field's result: nulls stripped (absent), null itself only where the field is nullable. */
export type Result<T> = undefined extends T ? Exclude<T, undefined> | null : T;

/**
 * Every operation of the API, typed from the generated model: `ops.mutate('bindPod', { … })`.
 * The one place a process turns an operation into GraphQL text; the kind clients build on it.
 */
export class Operations {
  constructor(readonly client: WheelhouseClient) {}

  query<F extends keyof QueryArgs & keyof Query>(field: F, args: QueryArgs[F], options: CallOptions = {}): Promise<Result<Query[F]>> {
    return this.call('query', field, args, options) as Promise<Result<Query[F]>>;
  }

  mutate<F extends keyof MutationArgs & keyof Mutation>(field: F, args: MutationArgs[F], options: CallOptions = {}): Promise<Result<Mutation[F]>> {
    return this.call('mutation', field, args, options) as Promise<Result<Mutation[F]>>;
  }

  /** Untyped: for code generic over kinds (the kind clients), where the field name is computed. */
  async call(root: RootKind, field: string, args: object, options: CallOptions = {}): Promise<unknown> {
    const variables = definedEntries(args);
    const { select, ...request } = options;
    const document = operationDocument(root, field, Object.keys(variables), select);
    // Reads are safe to repeat: a couple of quiet retries ride over a network blip.
    const retries = request.retries ?? (root === 'query' ? 2 : 0);
    const data = await this.client.request<{ result: unknown }>(document, variables, { ...request, retries });
    return data.result === null ? null : stripNulls(data.result);
  }
}

/** The arguments that are set; undefined ones are left out of the document (server defaults apply). */
function definedEntries(args: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args)) if (v !== undefined) out[k] = v;
  return out;
}
