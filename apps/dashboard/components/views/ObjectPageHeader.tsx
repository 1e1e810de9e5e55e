'use client';
import Link from 'next/link';
import { Anchor, Breadcrumbs, Group, Stack, Title } from '@mantine/core';
import { kindByPath } from '@/lib/kinds/registry.ts';
import type { ObjectView } from '@/lib/routes/object-views.ts';
import { ObjectViewLinks } from './ObjectViewLinks.tsx';

/** Breadcrumbs, a title and the links between an object's pages. */
export function ObjectPageHeader({ kindPath, namespace, name, view, title, extra }: { kindPath: string; namespace?: string; name: string; view: ObjectView; title: string; extra?: React.ReactNode }) {
  const kind = kindByPath(kindPath)!;
  return (
    <Stack gap="xs">
      <Breadcrumbs>
        <Anchor component={Link} href={namespace ? `/${kind.path}?namespace=${encodeURIComponent(namespace)}` : `/${kind.path}`}>
          {kind.title}
        </Anchor>
        {namespace && <span>{namespace}</span>}
        <span>{name}</span>
      </Breadcrumbs>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>
            {title}: {kind.kind} {name}
          </Title>
          {extra}
        </Group>
        <ObjectViewLinks kindPath={kindPath} namespace={namespace} name={name} current={view} />
      </Group>
    </Stack>
  );
}
