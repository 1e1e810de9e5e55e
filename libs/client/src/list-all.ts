import type { WheelhouseClient } from './client.js';
import { argumentNames, listDocument, setArguments } from './documents.js';
import type { ListResult } from './types.js';

export interface ListAllOptions {
  /** The list field, e.g. `pods`. */
  plural: string;
  /** Selection of each item, e.g. `metadata { name namespace resourceVersion } spec { nodeName }`. */
  fields: string;
  /** Omitted or null: every namespace. */
  namespace?: string | null;
  labelSelector?: string;
  fieldSelector?: string;
  pageSize?: number;
  signal?: AbortSignal;
}

interface ListPage<T> {
  list: { metadata: { resourceVersion: string; continue?: string | null }; items: T[] };
}

/**
 * Lists every page (limit/continue). The resourceVersion is the first page's: the
 * continue token pins later pages to the same snapshot, so that is the revision a
 * watch must start after to miss nothing.
 */
export async function listAll<T = unknown>(client: WheelhouseClient, options: ListAllOptions): Promise<ListResult<T>> {
  const filters = setArguments({
    namespace: options.namespace,
    labelSelector: options.labelSelector,
    fieldSelector: options.fieldSelector,
  });
  const document = listDocument(options.plural, options.fields, [...argumentNames(filters), 'limit', 'continue']);
  const items: T[] = [];
  let resourceVersion: string | undefined;
  let next: string | null = null;
  do {
    const variables: Record<string, unknown> = { ...filters, limit: options.pageSize ?? 500, continue: next };
    // Listing is idempotent, so a network blip is worth a couple of quiet retries.
    const { list }: ListPage<T> = await client.request<ListPage<T>>(document, variables, { retries: 2, signal: options.signal });
    resourceVersion ??= list.metadata.resourceVersion;
    for (const item of list.items) items.push(item);
    next = list.metadata.continue || null;
  } while (next);
  return { items, resourceVersion: resourceVersion! };
}
