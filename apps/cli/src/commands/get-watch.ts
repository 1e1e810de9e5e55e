/**
 * `wh get KIND [NAME] -w`: list, print, then print every later change from a resumable
 * watch until interrupted. Transient failures resume from the last revision seen.
 */
import type { WheelhouseError } from '@wheelhouse/client';
import type { KindInfo } from '@wheelhouse/resources';
import { err } from '../command.js';
import { notFoundError } from '../errors.js';
import { lowerPlural } from '../kinds.js';
import { emptyMessage } from '../print/empty-message.js';
import type { KubeObj } from '../print/object.js';
import type { OutputFormat } from '../print/output.js';
import { watchPrinter, type WatchEventType } from '../print/watch-printer.js';
import type { Session } from '../session.js';

export interface WatchRequest {
  kind: KindInfo;
  name?: string;
  format: OutputFormat;
  labelSelector?: string;
  fieldSelector?: string;
  /** `--watch-only`: no initial listing. */
  watchOnly: boolean;
  watchEvents: boolean;
  /** -L, --show-labels, --no-headers */
  table: { labelColumns: string[]; showLabels: boolean; noHeaders: boolean };
}

/** Failures a retry cannot fix end the command; others are retried by the watch. */
const FATAL = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

export async function watchGet(session: Session, request: WatchRequest): Promise<number> {
  const { kind, name } = request;
  const fieldSelector = [request.fieldSelector, name && `metadata.name=${name}`].filter(Boolean).join(',') || undefined;
  const filter = { all: session.allNamespaces, labelSelector: request.labelSelector, fieldSelector };
  const { items, resourceVersion } = await session.listWithVersion(kind, filter);
  if (name && items.length === 0) throw notFoundError(lowerPlural(kind), name);
  const print = watchPrinter(request.format, kind, { allNamespaces: session.allNamespaces, watchEvents: request.watchEvents, ...request.table });
  const show = (type: WatchEventType, object: KubeObj) => process.stdout.write(print(type, object, Date.now()));
  if (!request.watchOnly) {
    if (items.length === 0) err(emptyMessage([kind], session.allNamespaces ? undefined : session.namespace));
    for (const item of items) show('ADDED', item);
  }
  return new Promise<number>((resolve, reject) => {
    const handle = session.resource(kind).watch({
      namespace: session.listNamespace(kind, filter),
      labelSelector: request.labelSelector,
      fieldSelector,
      resourceVersion,
      onEvent: (event) => show(event.type as WatchEventType, event.object),
      // After an expired revision the watch lists again: the current state, as kubectl's relist shows it.
      onRelist: (current) => {
        for (const item of current) show('ADDED', item);
      },
      onError: (error: WheelhouseError, willRetry) => {
        if (willRetry && !FATAL.has(error.code)) return;
        handle.stop();
        reject(error);
      },
    });
    const stop = () => {
      handle.stop();
      resolve(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
