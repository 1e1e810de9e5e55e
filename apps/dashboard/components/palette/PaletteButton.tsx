'use client';
import { Button, Kbd } from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';

/** Opens the command palette; shows its shortcut. */
export function PaletteButton() {
  return (
    <Button variant="default" size="xs" leftSection={<IconSearch size={14} />} rightSection={<Kbd size="xs">Ctrl K</Kbd>} onClick={() => spotlight.open()} visibleFrom="sm">
      Search
    </Button>
  );
}
