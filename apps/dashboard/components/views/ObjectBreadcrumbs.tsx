'use client';
import Link from 'next/link';
import { Anchor, Breadcrumbs } from '@mantine/core';
import type { KindDef } from '@/lib/kinds/kind.ts';

/** Kind list (in the object's namespace) › namespace › name: the trail above every object page. */
export function ObjectBreadcrumbs({ kind, namespace, name }: { kind: KindDef; namespace?: string; name: string }) {
  return (
    <Breadcrumbs>
      <Anchor component={Link} href={namespace ? `/${kind.path}?namespace=${encodeURIComponent(namespace)}` : `/${kind.path}`}>
        {kind.title}
      </Anchor>
      {namespace && <span>{namespace}</span>}
      <span>{name}</span>
    </Breadcrumbs>
  );
}
