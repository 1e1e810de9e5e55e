'use client';
import { useEffect, useState } from 'react';
import { pipe, subscribe } from 'wonka';
import { useDashboard } from '@/app/providers.tsx';
import { problemOf } from '@/lib/graphql/client.ts';
import { appendLog, EMPTY_LOG, type LogBuffer } from '@/lib/logs/log-buffer.ts';
import type { ApiProblem } from '@/lib/live/types.ts';

const READ = `query PodLog($namespace: String, $name: String!, $container: String, $tailLines: Int, $previous: Boolean, $timestamps: Boolean) {
  podLogs(namespace: $namespace, name: $name, container: $container, tailLines: $tailLines, previous: $previous, timestamps: $timestamps)
}`;
const FOLLOW = `subscription FollowPodLog($namespace: String, $name: String!, $container: String, $tailLines: Int, $timestamps: Boolean) {
  line: followPodLogs(namespace: $namespace, name: $name, container: $container, tailLines: $tailLines, timestamps: $timestamps)
}`;

/** Keeps the browser responsive on chatty containers. */
export const MAX_LINES = 5000;

export interface LogRequest {
  namespace?: string;
  name: string;
  container?: string;
  tailLines: number;
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
}

/**
 * A container's log: the last tailLines once, or (follow) the last tailLines and then
 * every new line through the followPodLogs subscription, over the dashboard's WebSocket.
 */
export function usePodLog(request: LogRequest) {
  const { client } = useDashboard();
  const [buffer, setBuffer] = useState<LogBuffer>(EMPTY_LOG);
  const [problem, setProblem] = useState<ApiProblem>();
  const [state, setState] = useState<'loading' | 'streaming' | 'ended' | 'loaded'>('loading');
  const { namespace, name, container, tailLines, follow, previous, timestamps } = request;
  useEffect(() => {
    setBuffer(EMPTY_LOG);
    setProblem(undefined);
    setState('loading');
    if (!container) return;
    const variables = { namespace, name, container, tailLines, timestamps, previous };
    if (follow && !previous) {
      const { unsubscribe } = pipe(
        client.subscription(FOLLOW, variables),
        subscribe((result) => {
          if (result.error) {
            setProblem(problemOf(result.error));
            setState('ended');
          } else if (typeof result.data?.line === 'string') {
            const line = result.data.line as string;
            setState('streaming');
            setBuffer((b) => appendLog(b, line.endsWith('\n') ? line : `${line}\n`, MAX_LINES));
          }
        }),
      );
      // The stream opens with nothing to say for a quiet container: it is live all the same.
      const opened = setTimeout(() => setState((s) => (s === 'loading' ? 'streaming' : s)), 1500);
      return () => {
        clearTimeout(opened);
        unsubscribe();
      };
    }
    let current = true;
    void client
      .query(READ, variables, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (!current) return;
        if (result.error) setProblem(problemOf(result.error));
        else setBuffer(appendLog(EMPTY_LOG, (result.data?.podLogs as string | null) ?? '', MAX_LINES));
        setState('loaded');
      });
    return () => {
      current = false;
    };
  }, [client, namespace, name, container, tailLines, follow, previous, timestamps]);
  return { buffer, problem, state };
}
