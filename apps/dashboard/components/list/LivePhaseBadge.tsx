import { Badge, Loader } from '@mantine/core';
import type { LivePhase } from '@/lib/live/live-list.ts';

/** Whether a list is loading, live, or resuming its watch. */
export function LivePhaseBadge({ phase }: { phase: LivePhase }) {
  if (phase === 'loading') return <Loader size="xs" aria-label="Loading" />;
  if (phase === 'reconnecting')
    return (
      <Badge color="orange" variant="light">
        Reconnecting…
      </Badge>
    );
  if (phase === 'live')
    return (
      <Badge color="teal" variant="dot">
        Live
      </Badge>
    );
  return null;
}
