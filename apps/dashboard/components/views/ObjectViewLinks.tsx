'use client';
import Link from 'next/link';
import { Button, Group } from '@mantine/core';
import { IconCode, IconFileText, IconHistory, IconListDetails } from '@tabler/icons-react';
import { kindByPath } from '@/lib/kinds/registry.ts';
import { viewHref, type ObjectView } from '@/lib/routes/object-views.ts';

/** Links between an object's pages: details, history, YAML, and logs for pods; the current one is marked. */
export function ObjectViewLinks({ kindPath, namespace, name, current }: { kindPath: string; namespace?: string; name: string; current?: ObjectView | 'detail' }) {
  const kind = kindByPath(kindPath)!;
  const ref = { namespace, name };
  const detail = kind.namespaced ? `/${kind.path}/${encodeURIComponent(namespace || 'default')}/${encodeURIComponent(name)}` : `/${kind.path}/${encodeURIComponent(name)}`;
  const links = [
    { id: 'detail', label: 'Details', href: detail, icon: IconListDetails },
    { id: 'history', label: 'History', href: viewHref('history', kind.path, kind.namespaced, ref), icon: IconHistory },
    { id: 'edit', label: 'Edit YAML', href: viewHref('edit', kind.path, kind.namespaced, ref), icon: IconCode },
    ...(kind.kind === 'Pod' ? [{ id: 'logs', label: 'Logs', href: viewHref('logs', kind.path, kind.namespaced, ref), icon: IconFileText }] : []),
  ];
  return (
    <Group gap="xs" component="nav" aria-label="Object views">
      {links.map(({ id, label, href, icon: Icon }) => (
        <Button
          key={id}
          component={Link}
          href={href}
          size="xs"
          variant={current === id ? 'filled' : 'default'}
          aria-current={current === id ? 'page' : undefined}
          leftSection={<Icon size={14} aria-hidden />}
        >
          {label}
        </Button>
      ))}
    </Group>
  );
}
