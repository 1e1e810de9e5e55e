/** The object metadata the client itself relies on; kinds carry more. */
export interface ObjectMeta {
  name?: string | null;
  namespace?: string | null;
  uid?: string | null;
  resourceVersion?: string | null;
  labels?: Record<string, string> | null;
  annotations?: Record<string, string> | null;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK';

export interface WatchEvent<T> {
  type: WatchEventType;
  object: T;
}

export interface ListResult<T> {
  items: T[];
  /** The list's snapshot revision: watch from it to see every later change. */
  resourceVersion: string;
}
