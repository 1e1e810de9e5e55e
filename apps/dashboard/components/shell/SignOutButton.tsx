'use client';
import { ActionIcon, Tooltip } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';

export function SignOutButton() {
  const signOut = async () => {
    await fetch('/api/session', { method: 'DELETE' });
    location.assign('/sign-in');
  };
  return (
    <Tooltip label="Sign out">
      <ActionIcon variant="default" size="lg" aria-label="Sign out" onClick={signOut}>
        <IconLogout size={18} />
      </ActionIcon>
    </Tooltip>
  );
}
