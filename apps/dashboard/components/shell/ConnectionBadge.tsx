'use client';
import { useSyncExternalStore } from 'react';
import { Badge } from '@mantine/core';
import { useDashboard } from '@/app/providers.tsx';

/** Shows while the subscription socket is down and being re-established. */
export function ConnectionBadge() {
  const { connection } = useDashboard();
  const status = useSyncExternalStore(connection.subscribe, connection.getSnapshot, () => 'idle' as const);
  if (status !== 'reconnecting') return null;
  return (
    <Badge color="orange" variant="filled" role="status" data-testid="reconnecting">
      Reconnecting…
    </Badge>
  );
}
