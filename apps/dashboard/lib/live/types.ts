/** The part of every API object the live-list logic relies on. */
export interface KubeObject {
  metadata: {
    uid?: string | null;
    name?: string | null;
    namespace?: string | null;
    resourceVersion?: string | null;
  };
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK';

export interface WatchEvent<T extends KubeObject> {
  type: WatchEventType;
  object: T;
}

/** An API error as the UI shows it: the GraphQL `extensions.code` (absent for network trouble) and message. */
export interface ApiProblem {
  code?: string;
  message: string;
}
