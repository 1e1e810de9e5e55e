// Bulk mutations in chunks: one call (and one commit) per chunk, never one per object.
import { gql, type WheelhouseClient } from '@wheelhouse/client';

export interface ObjectPatch {
  namespace?: string;
  name: string;
  patch: Record<string, unknown>;
}

const DOCS = {
  patchNodesStatus: gql`mutation PatchNodesStatus($items: [ObjectPatch!]!) { patchNodesStatus(items: $items) { metadata { name } } }`,
  patchLeases: gql`mutation PatchLeases($items: [ObjectPatch!]!) { patchLeases(items: $items) { metadata { name } } }`,
  patchPodsStatus: gql`mutation PatchPodsStatus($items: [ObjectPatch!]!) { patchPodsStatus(items: $items) { metadata { name namespace } } }`,
  createNodes: gql`mutation CreateNodes($inputs: [NodeInput!]!) { createNodes(inputs: $inputs) { metadata { name } } }`,
  createLeases: gql`mutation CreateLeases($namespace: String, $inputs: [LeaseInput!]!) { createLeases(namespace: $namespace, inputs: $inputs) { metadata { name } } }`,
} as const;

export type BulkMutation = keyof typeof DOCS;

export async function bulk(client: WheelhouseClient, mutation: BulkMutation, variables: Record<string, unknown>, signal?: AbortSignal): Promise<void> {
  await client.request(DOCS[mutation], variables, { signal });
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
