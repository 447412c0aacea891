/**
 * The documents each (term, field) occurs in, as typed arrays rather than objects: a common word
 * occurs in tens of thousands of documents, and walking a flat array of numbers is what keeps a
 * search over all of them to a few milliseconds, with nothing for the garbage collector.
 * Slots are appended in increasing order, so every list stays sorted by slot.
 */
export class PostingList {
  slots: Int32Array;
  termFrequencies: Uint16Array;
  length = 0;
  /** Entries whose document is still in the index: the document frequency BM25 needs. */
  liveCount = 0;

  constructor(capacity = 4) {
    this.slots = new Int32Array(capacity);
    this.termFrequencies = new Uint16Array(capacity);
  }

  append(slot: number, termFrequency: number): void {
    if (this.length === this.slots.length) this.grow();
    this.slots[this.length] = slot;
    this.termFrequencies[this.length] = Math.min(termFrequency, 0xffff);
    this.length += 1;
    this.liveCount += 1;
  }

  /** Drops the entries of removed documents and renumbers the rest (`newSlots[old]`, -1 = gone). */
  compact(newSlots: Int32Array): void {
    let kept = 0;
    for (let entry = 0; entry < this.length; entry += 1) {
      const slot = newSlots[this.slots[entry]!]!;
      if (slot < 0) continue;
      this.slots[kept] = slot;
      this.termFrequencies[kept] = this.termFrequencies[entry]!;
      kept += 1;
    }
    this.length = kept;
    this.liveCount = kept;
  }

  private grow(): void {
    const capacity = Math.max(4, this.slots.length * 2);
    const slots = new Int32Array(capacity);
    slots.set(this.slots);
    const termFrequencies = new Uint16Array(capacity);
    termFrequencies.set(this.termFrequencies);
    this.slots = slots;
    this.termFrequencies = termFrequencies;
  }
}

/** The fields a document is indexed by; the order numbers their posting lists. */
export const INDEXED_FIELDS = ['title', 'tags', 'body'] as const;
export type IndexedField = (typeof INDEXED_FIELDS)[number];
export const FIELD_COUNT = INDEXED_FIELDS.length;

/** Posting lists keyed by term and field: key = termId × FIELD_COUNT + field. */
export class PostingStore {
  private readonly lists: Array<PostingList | undefined> = [];

  static keyOf(termId: number, field: number): number {
    return termId * FIELD_COUNT + field;
  }

  get(key: number): PostingList | undefined {
    return this.lists[key];
  }

  append(key: number, slot: number, termFrequency: number): void {
    let list = this.lists[key];
    if (!list) {
      list = new PostingList();
      this.lists[key] = list;
    }
    list.append(slot, termFrequency);
  }

  compact(newSlots: Int32Array): void {
    for (const list of this.lists) list?.compact(newSlots);
  }
}
