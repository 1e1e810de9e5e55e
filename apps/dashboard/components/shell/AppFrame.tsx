'use client';
import Link from 'next/link';
import { AppShell, Burger, Group, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconSteeringWheel } from '@tabler/icons-react';
import { KindNav } from './KindNav.tsx';
import { NamespaceSwitcher } from './NamespaceSwitcher.tsx';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { ThemeToggle } from './ThemeToggle.tsx';
import { SignOutButton } from './SignOutButton.tsx';
import { CommandPalette } from '@/components/palette/CommandPalette.tsx';
import { PaletteButton } from '@/components/palette/PaletteButton.tsx';

/** The console frame: header (namespace, connection, theme, sign-out) and the kind navigation. */
export function AppFrame({ children }: { children: React.ReactNode }) {
  const [opened, { toggle }] = useDisclosure();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <IconSteeringWheel size={24} aria-hidden />
            <Title order={1} size="h4">
              <Link href="/" style={{ color: 'inherit', textDecoration: 'none' }}>
                Wheelhouse
              </Link>
            </Title>
            <ConnectionBadge />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <PaletteButton />
            <NamespaceSwitcher />
            <ThemeToggle />
            <SignOutButton />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <KindNav />
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
      <CommandPalette />
    </AppShell>
  );
}
