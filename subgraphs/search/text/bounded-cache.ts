/**
 * A map that forgets its least recently used entries beyond `capacity`: a memo for pure
 * functions of text (a word's index terms, a document's tokens) whose inputs repeat without end.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  /** The value for `key`, computed by `compute` on a miss. */
  get(key: K, compute: (key: K) => V): V {
    const entries = this.entries;
    if (entries.has(key)) {
      const value = entries.get(key) as V;
      // Moved to the end: Map keeps insertion order, so the first key is the least recently used.
      entries.delete(key);
      entries.set(key, value);
      return value;
    }
    const value = compute(key);
    entries.set(key, value);
    if (entries.size > this.capacity) entries.delete(entries.keys().next().value as K);
    return value;
  }
}
