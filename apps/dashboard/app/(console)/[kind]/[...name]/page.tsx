import { notFound } from 'next/navigation';
import { kindByPath } from '@/lib/kinds/registry.ts';
import { ResourceDetail } from '@/components/detail/ResourceDetail.tsx';

type Params = Promise<{ kind: string; name: string[] }>;

/** /pods/<namespace>/<name> for namespaced kinds, /nodes/<name> for cluster-scoped ones. */
async function resolve(params: Params) {
  const { kind: path, name: segments } = await params;
  const kind = kindByPath(path);
  const parts = segments.map(decodeURIComponent);
  if (!kind || parts.length !== (kind.namespaced ? 2 : 1)) return undefined;
  return kind.namespaced ? { kind, namespace: parts[0], name: parts[1]! } : { kind, name: parts[0]! };
}

export async function generateMetadata({ params }: { params: Params }) {
  const target = await resolve(params);
  return { title: target ? `${target.kind.kind} ${target.name} · Wheelhouse` : 'Not found' };
}

export default async function ObjectPage({ params }: { params: Params }) {
  const target = await resolve(params);
  if (!target) notFound();
  return <ResourceDetail kindPath={target.kind.path} namespace={target.namespace} name={target.name} />;
}
