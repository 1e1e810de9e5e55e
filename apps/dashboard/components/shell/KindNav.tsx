'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { NavLink } from '@mantine/core';
import { IconCode, IconLayoutDashboard, IconSitemap } from '@tabler/icons-react';
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
      <NavLink component={Link} href={href('/topology')} label="Topology" leftSection={<IconSitemap size={18} />} active={pathname === '/topology'} />
      <NavLink component={Link} href={href('/apply')} label="Apply YAML" leftSection={<IconCode size={18} />} active={pathname === '/apply'} />
      {KINDS.map((kind) => {
        const Icon = KIND_ICONS[kind.kind] ?? DefaultKindIcon;
        const active = pathname === `/${kind.path}` || pathname.startsWith(`/${kind.path}/`);
        return <NavLink key={kind.kind} component={Link} href={href(`/${kind.path}`)} label={kind.title} leftSection={<Icon size={18} />} active={active} />;
      })}
    </nav>
  );
}
