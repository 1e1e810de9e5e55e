'use client';
import { Group, Stack, Title } from '@mantine/core';
import { ObjectBreadcrumbs } from './ObjectBreadcrumbs.tsx';
import { kindByPath } from '@/lib/kinds/registry.ts';
import type { ObjectView } from '@/lib/routes/object-views.ts';
import { ObjectViewLinks } from './ObjectViewLinks.tsx';

/** Breadcrumbs, a title and the links between an object's pages. */
export function ObjectPageHeader({
  kindPath,
  namespace,
  name,
  view,
  title,
  extra,
}: {
  kindPath: string;
  namespace?: string;
  name: string;
  view: ObjectView;
  title: string;
  extra?: React.ReactNode;
}) {
  const kind = kindByPath(kindPath)!;
  return (
    <Stack gap="xs">
      <ObjectBreadcrumbs kind={kind} namespace={namespace} name={name} />
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
