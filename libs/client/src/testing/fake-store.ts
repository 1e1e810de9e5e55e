export interface FakePod {
  metadata: { name: string; namespace: string; uid: string; resourceVersion: string; labels: Record<string, string> };
  spec: { nodeName: string | null };
}

export interface FakeEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK';
  object: FakePod | { metadata: { resourceVersion: string } };
}

/** An in-memory pod store with one global revision counter and a compactable change log, like the real API's. */
export class FakeStore {
  revision = 100n;
  readonly pods = new Map<string, FakePod>();
  /** Changes after `compactedThrough`, oldest first. */
  log: { revision: bigint; event: FakeEvent }[] = [];
  /** Watching from a revision below this one fails with EXPIRED. */
  compactedThrough = 0n;
  readonly listeners = new Set<(event: FakeEvent) => void>();

  create(namespace: string, name: string, labels: Record<string, string> = {}): FakePod {
    const pod: FakePod = {
      metadata: { name, namespace, uid: `uid-${name}`, resourceVersion: '', labels },
      spec: { nodeName: null },
    };
    return this.write('ADDED', pod);
  }

  bind(namespace: string, name: string, nodeName: string): FakePod {
    const pod = this.pods.get(`${namespace}/${name}`)!;
    return this.write('MODIFIED', { ...pod, spec: { nodeName } });
  }

  delete(namespace: string, name: string): FakePod {
    return this.write('DELETED', this.pods.get(`${namespace}/${name}`)!);
  }

  /** A write to some other kind: the global revision moves, no pod event. */
  touchOtherKind(): void {
    this.revision++;
  }

  /** Forgets history up to now: only watches from the current revision on still work. */
  compact(): void {
    this.compactedThrough = this.revision;
    this.log = [];
  }

  bookmark(): void {
    const event: FakeEvent = { type: 'BOOKMARK', object: { metadata: { resourceVersion: String(this.revision) } } };
    for (const listener of this.listeners) listener(event);
  }

  private write(type: FakeEvent['type'], pod: FakePod): FakePod {
    const revision = ++this.revision;
    const stored: FakePod = { ...pod, metadata: { ...pod.metadata, resourceVersion: String(revision) } };
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (type === 'DELETED') this.pods.delete(key);
    else this.pods.set(key, stored);
    const event: FakeEvent = { type, object: stored };
    this.log.push({ revision, event });
    for (const listener of this.listeners) listener(event);
    return stored;
  }
}
