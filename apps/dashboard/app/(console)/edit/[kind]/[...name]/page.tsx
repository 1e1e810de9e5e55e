import { notFound } from 'next/navigation';
import { kindByPath } from '@/lib/kinds/registry.ts';
import { objectFromSegments } from '@/lib/routes/object-views.ts';
import { EditObject } from '@/components/yaml/EditObject.tsx';

type Params = Promise<{ kind: string; name: string[] }>;

export async function generateMetadata({ params }: { params: Params }) {
  const { kind, name } = await params;
  return { title: `Edit ${kindByPath(kind)?.kind ?? ''} ${decodeURIComponent(name.at(-1) ?? '')} · Wheelhouse` };
}

export default async function EditPage({ params }: { params: Params }) {
  const { kind: path, name } = await params;
  const kind = kindByPath(path);
  const ref = kind && objectFromSegments(kind.namespaced, name);
  if (!kind || !ref) notFound();
  return <EditObject key={`${kind.path}/${ref.namespace ?? ''}/${ref.name}`} kindPath={kind.path} namespace={ref.namespace} name={ref.name} />;
}
