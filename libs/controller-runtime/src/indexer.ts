import { labelPair, matchesLabels, type LabelMatcher, type Labels } from './label-matcher.js';
import { MultiIndex } from './multi-index.js';
import { keyOf, type RuntimeObject } from './object.js';

/** What a replace changed, in the order handlers should hear it. */
export interface ReplaceDiff<T> {
  added: T[];
  updated: [old: T, current: T][];
  deleted: T[];
}

const NO_LABELS: Labels = Object.freeze({});

/** A named index (client-go IndexFunc): the values an object is filed under, e.g. its node name. */
export type IndexFunc<T> = (object: T) => readonly string[];

/**
 * The informer's local store (client-go cache.Indexer): objects by key, indexed by
 * namespace, by label pair and by owner uid so controllers answer "pods of this
 * ReplicaSet" without scanning. It stores what it is given; the informer freezes it.
 */
export class Indexer<T extends RuntimeObject> {
  private readonly objects = new Map<string, T>();
  private readonly namespaces = new MultiIndex();
  private readonly labels = new MultiIndex();
  private readonly owners = new MultiIndex();
  private readonly custom = new Map<string, { values: IndexFunc<T>; index: MultiIndex }>();

  /** Adds a named index over every object stored now and later; a name is added once. */
  addIndexer(name: string, values: IndexFunc<T>): void {
    if (this.custom.has(name)) throw new Error(`indexer ${JSON.stringify(name)} already exists`);
    const index = new MultiIndex();
    for (const [key, object] of this.objects) index.add(values(object), key);
    this.custom.set(name, { values, index });
  }

  /** Objects filed under `value` by the named index (client-go ByIndex). */
  byIndex(name: string, value: string): T[] {
    const indexer = this.custom.get(name);
    if (!indexer) throw new Error(`no indexer ${JSON.stringify(name)}`);
    return [...indexer.index.get(value)].map((key) => this.objects.get(key)!);
  }

  hasIndexer(name: string): boolean {
    return this.custom.has(name);
  }

  get size(): number {
    return this.objects.size;
  }

  get(key: string): T | undefined {
    return this.objects.get(key);
  }

  keys(): string[] {
    return [...this.objects.keys()];
  }

  /** Stores `object`; returns the one it replaced. */
  upsert(object: T): T | undefined {
    const key = keyOf(object);
    const old = this.objects.get(key);
    if (old) this.unindex(old, key);
    this.objects.set(key, object);
    this.index(object, key);
    return old;
  }

  remove(key: string): T | undefined {
    const old = this.objects.get(key);
    if (!old) return undefined;
    this.unindex(old, key);
    this.objects.delete(key);
    return old;
  }

  /**
   * Makes the store exactly `items` and says what changed. An object whose
   * resourceVersion is unchanged is the same object: the old copy is kept.
   */
  replace(items: readonly T[]): ReplaceDiff<T> {
    const diff: ReplaceDiff<T> = { added: [], updated: [], deleted: [] };
    const seen = new Set<string>();
    for (const item of items) {
      const key = keyOf(item);
      seen.add(key);
      const old = this.objects.get(key);
      if (!old) {
        this.upsert(item);
        diff.added.push(item);
      } else if (old.metadata.resourceVersion !== item.metadata.resourceVersion) {
        this.upsert(item);
        diff.updated.push([old, item]);
      }
    }
    for (const [key, old] of [...this.objects]) {
      if (seen.has(key)) continue;
      this.remove(key);
      diff.deleted.push(old);
    }
    return diff;
  }

  /**
   * Objects in `namespace` (undefined or null: all) whose labels match. A label-set
   * matcher is answered from the index, starting with its rarest pair.
   */
  list(namespace?: string | null, matcher?: LabelMatcher): T[] {
    const candidates = this.candidates(namespace, matcher);
    const out: T[] = [];
    for (const key of candidates) {
      const object = this.objects.get(key)!;
      if (namespace != null && (object.metadata.namespace ?? '') !== namespace) continue;
      if (matcher && !matchesLabels(matcher, object.metadata.labels ?? NO_LABELS)) continue;
      out.push(object);
    }
    return out;
  }

  /** Objects with an ownerReference to `uid` (controller or not). */
  byOwner(uid: string): T[] {
    return [...this.owners.get(uid)].map((key) => this.objects.get(key)!);
  }

  private candidates(namespace: string | null | undefined, matcher: LabelMatcher | undefined): Iterable<string> {
    const sets: ReadonlySet<string>[] = [];
    if (namespace != null) sets.push(this.namespaces.get(namespace));
    if (matcher && typeof matcher !== 'function') {
      for (const [k, v] of Object.entries(matcher)) sets.push(this.labels.get(labelPair(k, v)));
    }
    if (sets.length === 0) return this.objects.keys();
    // The other conditions are re-checked per object, so the smallest set is enough.
    return sets.reduce((a, b) => (b.size < a.size ? b : a));
  }

  private index(object: T, key: string): void {
    this.namespaces.add(namespaceValues(object), key);
    this.labels.add(labelValues(object), key);
    this.owners.add(ownerValues(object), key);
    for (const { values, index } of this.custom.values()) index.add(values(object), key);
  }

  private unindex(object: T, key: string): void {
    this.namespaces.remove(namespaceValues(object), key);
    this.labels.remove(labelValues(object), key);
    this.owners.remove(ownerValues(object), key);
    for (const { values, index } of this.custom.values()) index.remove(values(object), key);
  }
}

const namespaceValues = (o: RuntimeObject) => [o.metadata.namespace ?? ''];
const labelValues = (o: RuntimeObject) => Object.entries(o.metadata.labels ?? {}).map(([k, v]) => labelPair(k, v));
const ownerValues = (o: RuntimeObject) => (o.metadata.ownerReferences ?? []).flatMap((ref) => (ref.uid ? [ref.uid] : []));
