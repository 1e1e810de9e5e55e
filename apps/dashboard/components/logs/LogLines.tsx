'use client';
import { useEffect, useRef } from 'react';
import { ScrollArea, Text } from '@mantine/core';
import type { LogMatch } from '@/lib/logs/log-buffer.ts';

/** The log lines, hits of the search marked; sticks to the bottom while following, unless scrolled up. */
export function LogLines({ matches, follow }: { matches: LogMatch[]; follow: boolean }) {
  const viewport = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `matches` is the trigger: each new batch of lines scrolls to the bottom.
  useEffect(() => {
    const el = viewport.current;
    if (follow && el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [matches, follow]);
  return (
    <ScrollArea
      h="65vh"
      viewportRef={viewport}
      onScrollPositionChange={({ y }) => {
        const el = viewport.current;
        if (el) atBottom.current = y + el.clientHeight >= el.scrollHeight - 24;
      }}
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
