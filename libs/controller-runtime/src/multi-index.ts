/** index value → the keys of the objects that have it. */
export class MultiIndex {
  private readonly sets = new Map<string, Set<string>>();

  add(values: Iterable<string>, key: string): void {
    for (const value of values) {
      let set = this.sets.get(value);
      if (!set) {
        set = new Set();
        this.sets.set(value, set);
      }
      set.add(key);
    }
  }

  remove(values: Iterable<string>, key: string): void {
    for (const value of values) {
      const set = this.sets.get(value);
      if (!set) continue;
      set.delete(key);
      // Empty sets would pile up for every label value ever seen.
      if (set.size === 0) this.sets.delete(value);
    }
  }

  get(value: string): ReadonlySet<string> {
    return this.sets.get(value) ?? EMPTY;
  }
}

const EMPTY: ReadonlySet<string> = new Set();
