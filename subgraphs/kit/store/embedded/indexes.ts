import type { Document } from 'mongodb';
import { indexEntriesOf, type IndexEntry } from './index-keys';
import type { KeyPattern } from './key-specs';
import { SortedDateKeys, type Bound } from './sorted-date-keys';

/** What persists about an index: enough to build it again. */
export interface IndexDefinition {
  name: string;
  key: KeyPattern;
  unique: boolean;
  sparse: boolean;
}

/**
 * The ids holding one key. Most keys (all of a unique index's) belong to one document, so a
 * lone id is kept as a string and only a shared key gets a Set: at hundreds of thousands of
 * documents that saves a Set per key.
 */
type IdBucket = string | Set<string>;

/**
 * A secondary index: document ids by key. It enforces uniqueness when asked to, and lets the
 * query planner narrow an equality or `$in` condition, or a range of dates, on its first field to
 * a few candidates.
 * Ids are the store's `valueKey` of `_id`.
 */
export class CollectionIndex {
  readonly definition: IndexDefinition;
  private readonly fieldPaths: ReadonlyArray<readonly string[]>;
  private readonly idsByKey = new Map<string, IdBucket>();
  /** For a single-field index this is `idsByKey` itself. */
  private readonly idsByFirstFieldKey: Map<string, IdBucket>;
  private readonly firstFieldDates = new SortedDateKeys();

  constructor(definition: IndexDefinition) {
    this.definition = definition;
    this.fieldPaths = definition.key.map(([field]) => field.split('.'));
    this.idsByFirstFieldKey = definition.key.length === 1 ? this.idsByKey : new Map();
  }

  get name(): string {
    return this.definition.name;
  }

  get firstField(): string | undefined {
    return this.definition.key[0]?.[0];
  }

  entriesOf(document: Document): IndexEntry[] | null {
    return indexEntriesOf(document, this.fieldPaths, this.definition.sparse);
  }

  /** The first entry another document already holds, when this is a unique index. */
  findDuplicate(entries: IndexEntry[] | null, ownId: string): IndexEntry | undefined {
    if (!this.definition.unique || entries === null) return undefined;
    return entries.find((entry) => {
      const holders = this.idsByKey.get(entry.key);
      if (holders === undefined) return false;
      return typeof holders === 'string' ? holders !== ownId : holders.size > 1 || !holders.has(ownId);
    });
  }

  add(entries: IndexEntry[] | null, id: string): void {
    if (entries === null) return;
    for (const entry of entries) {
      const isNewFirstFieldKey = !this.idsByFirstFieldKey.has(entry.firstFieldKey);
      addToBucket(this.idsByKey, entry.key, id);
      if (this.idsByFirstFieldKey !== this.idsByKey) addToBucket(this.idsByFirstFieldKey, entry.firstFieldKey, id);
      const date = dateOfKey(entry.firstFieldKey);
      if (isNewFirstFieldKey && date !== undefined) this.firstFieldDates.add(date);
    }
  }

  remove(entries: IndexEntry[] | null, id: string): void {
    if (entries === null) return;
    for (const entry of entries) {
      const wasFirstFieldKey = this.idsByFirstFieldKey.has(entry.firstFieldKey);
      removeFromBucket(this.idsByKey, entry.key, id);
      if (this.idsByFirstFieldKey !== this.idsByKey) removeFromBucket(this.idsByFirstFieldKey, entry.firstFieldKey, id);
      const date = dateOfKey(entry.firstFieldKey);
      if (wasFirstFieldKey && date !== undefined && !this.idsByFirstFieldKey.has(entry.firstFieldKey)) this.firstFieldDates.remove(date);
    }
  }

  /** Ids of documents whose first indexed field holds a Date within the bounds. */
  idsWithFirstFieldDateWithin(lower: Bound | undefined, upper: Bound | undefined): string[] {
    const ids: string[] = [];
    for (const date of this.firstFieldDates.within(lower, upper)) {
      const bucket = this.idsByFirstFieldKey.get(`d${date}`);
      if (bucket === undefined) continue;
      if (typeof bucket === 'string') ids.push(bucket);
      else for (const id of bucket) ids.push(id);
    }
    return ids;
  }

  /** How many documents have this first-field key: lets the planner pick the narrowest index. */
  countWithFirstFieldKey(firstFieldKey: string): number {
    const bucket = this.idsByFirstFieldKey.get(firstFieldKey);
    if (bucket === undefined) return 0;
    return typeof bucket === 'string' ? 1 : bucket.size;
  }

  /** Ids of documents whose first indexed field holds the value with this `valueKey`. */
  idsWithFirstFieldKey(firstFieldKey: string): Iterable<string> {
    const bucket = this.idsByFirstFieldKey.get(firstFieldKey);
    if (bucket === undefined) return [];
    return typeof bucket === 'string' ? [bucket] : bucket;
  }
}

/** The milliseconds of a Date's `valueKey` (`d<ms>`), or undefined for any other value. */
function dateOfKey(key: string): number | undefined {
  return key.startsWith('d') ? Number(key.slice(1)) : undefined;
}

function addToBucket(buckets: Map<string, IdBucket>, key: string, id: string): void {
  const bucket = buckets.get(key);
  if (bucket === undefined) buckets.set(key, id);
  else if (typeof bucket !== 'string') bucket.add(id);
  else if (bucket !== id) buckets.set(key, new Set([bucket, id]));
}

function removeFromBucket(buckets: Map<string, IdBucket>, key: string, id: string): void {
  const bucket = buckets.get(key);
  if (bucket === undefined) return;
  if (typeof bucket === 'string') {
    if (bucket === id) buckets.delete(key);
    return;
  }
  bucket.delete(id);
  const [remaining] = bucket;
  if (bucket.size === 1 && remaining !== undefined) buckets.set(key, remaining);
  else if (bucket.size === 0) buckets.delete(key);
}
