'use client';
import { useLayoutEffect, useRef } from 'react';
import { ScrollArea, Text } from '@mantine/core';
import type { LogMatch } from '@/lib/logs/log-buffer.ts';

/**
 * The log lines, hits of the search marked; sticks to the bottom while following, unless the reader scrolled up.
 * Pinning is decided by the reader's moves, not by where the view happens to be: a scroll event measured after
 * more lines arrived (a burst of the tail, or lines between our scroll and its event) is still at the old bottom,
 * and judging by position unpinned the view there (issue 16 bug 2). Only a move above our own last scroll unpins.
 */
export function LogLines({ matches, follow }: { matches: LogMatch[]; follow: boolean }) {
  const viewport = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const ourScrollTop = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `matches` is the trigger: each new batch of lines scrolls to the bottom.
  useLayoutEffect(() => {
    const el = viewport.current;
    if (!follow || !el || !pinned.current) return;
    el.scrollTop = el.scrollHeight;
    ourScrollTop.current = el.scrollTop;
  }, [matches, follow]);
  const onScroll = () => {
    const el = viewport.current;
    if (!el) return;
    if (el.scrollTop + el.clientHeight >= el.scrollHeight - 24) pinned.current = true;
    else if (el.scrollTop < ourScrollTop.current - 4) pinned.current = false;
  };
  return (
    <ScrollArea
      h="65vh"
      viewportRef={viewport}
      onScrollPositionChange={onScroll}
      // Dropping old lines from the top must not move the view (the browser's scroll anchoring would).
      viewportProps={{ style: { overflowAnchor: 'none' } }}
      style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}
    >
      <pre role="log" aria-live={follow ? 'polite' : 'off'} aria-label="Log lines" data-testid="log-lines" style={{ margin: 0, padding: 8, fontSize: 12, lineHeight: 1.5 }}>
        {matches.length === 0 ? (
          <Text c="dimmed" size="sm" component="span">
            No lines.
          </Text>
        ) : (
          matches.map((m) => (
            <div key={m.index}>
              <Highlighted line={m.line} ranges={m.ranges} />
            </div>
          ))
        )}
      </pre>
    </ScrollArea>
  );
}

function Highlighted({ line, ranges }: { line: string; ranges: [number, number][] }) {
  if (!ranges.length) return <>{line || ' '}</>;
  const parts: React.ReactNode[] = [];
  let at = 0;
  // Hits do not overlap, so each starts at its own offset.
  for (const [start, end] of ranges) {
    parts.push(line.slice(at, start), <mark key={start}>{line.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(line.slice(at));
  return <>{parts}</>;
}
