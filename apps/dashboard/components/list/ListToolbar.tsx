'use client';
import { useEffect, useState } from 'react';
import { Group, Switch, TextInput, Text } from '@mantine/core';
import { IconSearch, IconTags } from '@tabler/icons-react';

interface Props {
  labelSelector?: string;
  search: string;
  wide: boolean;
  onLabelSelector: (value: string | undefined) => void;
  onSearch: (value: string) => void;
  onWide: (value: boolean) => void;
  count: string;
}

/** Label selector (sent to the API, applied on Enter), text search (in the page), wide columns. */
export function ListToolbar({ labelSelector, search, wide, onLabelSelector, onSearch, onWide, count }: Props) {
  const [selector, setSelector] = useState(labelSelector ?? '');
  useEffect(() => setSelector(labelSelector ?? ''), [labelSelector]);
  return (
    <Group align="end" gap="sm">
      <TextInput
        label="Label selector"
        description="Kubernetes syntax, Enter to apply"
        placeholder="app=web,tier in (fe,be),!canary"
        leftSection={<IconTags size={16} />}
        value={selector}
        onChange={(e) => setSelector(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && onLabelSelector(selector.trim() || undefined)}
        onBlur={() => selector.trim() !== (labelSelector ?? '') && onLabelSelector(selector.trim() || undefined)}
        w={320}
        data-testid="label-selector"
      />
      <TextInput
        label="Search"
        description="Name, namespace or label"
        placeholder="Filter shown rows"
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => onSearch(e.currentTarget.value)}
        w={260}
        data-testid="search"
      />
      <Switch label="Wide" checked={wide} onChange={(e) => onWide(e.currentTarget.checked)} mb={8} />
      <Text size="sm" c="dimmed" mb={8} data-testid="row-count">
        {count}
      </Text>
    </Group>
  );
}
