'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { NavLink } from '@mantine/core';
import { IconLayoutDashboard } from '@tabler/icons-react';
import { KINDS } from '@/lib/kinds/registry.ts';
import { useUrlState } from '@/hooks/useUrlState.ts';
import { DefaultKindIcon, KIND_ICONS } from './kind-icons.tsx';

/** The left navigation: the overview, then every kind of the registry. */
export function KindNav() {
  const pathname = usePathname();
  const { href } = useUrlState();
  return (
    <nav aria-label="Resources">
      <NavLink component={Link} href={href('/')} label="Overview" leftSection={<IconLayoutDashboard size={18} />} active={pathname === '/'} />
      {KINDS.map((kind) => {
        const Icon = KIND_ICONS[kind.kind] ?? DefaultKindIcon;
        const active = pathname === `/${kind.path}` || pathname.startsWith(`/${kind.path}/`);
        return <NavLink key={kind.kind} component={Link} href={href(`/${kind.path}`)} label={kind.title} leftSection={<Icon size={18} />} active={active} />;
      })}
    </nav>
  );
}
