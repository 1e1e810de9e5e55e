import { notFound } from 'next/navigation';
import { kindByPath } from '@/lib/kinds/registry.ts';
import { ResourceList } from '@/components/list/ResourceList.tsx';

export async function generateMetadata({ params }: { params: Promise<{ kind: string }> }) {
  return { title: `${kindByPath((await params).kind)?.title ?? 'Not found'} · Wheelhouse` };
}

export default async function KindListPage({ params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  if (!kindByPath(kind)) notFound();
  // Keyed by kind: sorting and other list state start fresh on another kind's page.
  return <ResourceList key={kind} kindPath={kind} />;
}
