import type { Document } from 'mongodb';
import { EmbeddedDuplicateKeyError, EmbeddedServerError, INDEX_OPTIONS_CONFLICT_ERROR_CODE } from './errors';
import type { IndexEntry } from './index-keys';
import { CollectionIndex, type IndexDefinition } from './indexes';
import { patternToObject } from './key-specs';
import { valueKey } from './value-keys';

/**
 * The documents of one collection, keyed by `_id`, and its indexes. Every change goes through
 * here so the indexes cannot drift from the documents and a change that breaks a unique index
 * is refused before anything is touched. Stored documents are never mutated: an update stores a
 * new object, which lets a snapshot hold plain references to a consistent state.
 */
export class DocumentTable {
  readonly namespace: string;
  private readonly documentsById = new Map<string, Document>();
  private readonly indexesByName = new Map<string, CollectionIndex>();
  private readonly onChange: () => void;

  constructor(namespace: string, onChange: () => void) {
    this.namespace = namespace;
    this.onChange = onChange;
  }

  get documentCount(): number {
    return this.documentsById.size;
  }

  documents(): IterableIterator<Document> {
    return this.documentsById.values();
  }

  /** The document whose `_id` has this `valueKey`. */
  documentByIdKey(idKey: string): Document | undefined {
    return this.documentsById.get(idKey);
  }

  indexes(): IterableIterator<CollectionIndex> {
    return this.indexesByName.values();
  }

  indexDefinitions(): IndexDefinition[] {
    return Array.from(this.indexesByName.values(), (index) => index.definition);
  }

  /** Stores a document the caller has already copied and given an `_id`. */
  insert(document: Document): void {
    const id = valueKey(document._id);
    if (this.documentsById.has(id)) {
      throw new EmbeddedDuplicateKeyError(this.namespace, '_id_', { _id: 1 }, { _id: document._id });
    }
    const entriesByIndex = this.checkedEntries(document, id);
    for (const [index, entries] of entriesByIndex) index.add(entries, id);
    this.documentsById.set(id, document);
    this.onChange();
  }

  /** Swaps a stored document for its updated version (same `_id`), keeping indexes in step. */
  replace(current: Document, next: Document): void {
    const id = valueKey(current._id);
    const entriesByIndex = this.checkedEntries(next, id);
    for (const [index, entries] of entriesByIndex) {
      index.remove(index.entriesOf(current), id);
      index.add(entries, id);
    }
    this.documentsById.set(id, next);
    this.onChange();
  }

  remove(document: Document): void {
    const id = valueKey(document._id);
    for (const index of this.indexesByName.values()) index.remove(index.entriesOf(document), id);
    this.documentsById.delete(id);
    this.onChange();
  }

  /**
   * Builds an index over the existing documents, or returns the name of an identical one
   * (idempotent, like MongoDB). Fails with E11000 when existing documents break uniqueness.
   */
  createIndex(definition: IndexDefinition): string {
    const existing = this.findEquivalentIndex(definition);
    if (existing) return existing.name;
    const index = new CollectionIndex(definition);
    for (const [id, document] of this.documentsById) {
      const entries = index.entriesOf(document);
      const duplicate = index.findDuplicate(entries, id);
      if (duplicate) throw this.duplicateKeyError(index, duplicate);
      index.add(entries, id);
    }
    this.indexesByName.set(definition.name, index);
    this.onChange();
    return definition.name;
  }

  private findEquivalentIndex(definition: IndexDefinition): CollectionIndex | undefined {
    const keyDescription = JSON.stringify(definition.key);
    for (const index of this.indexesByName.values()) {
      const isSameName = index.name === definition.name;
      const isSameKey = JSON.stringify(index.definition.key) === keyDescription;
      if (!isSameName && !isSameKey) continue;
      const isSameOptions = index.definition.unique === definition.unique && index.definition.sparse === definition.sparse;
      if (isSameName && isSameKey && isSameOptions) return index;
      throw new EmbeddedServerError(
        `An index with ${isSameName ? `the name ${definition.name}` : `the same key as ${definition.name}`} ` +
          `already exists with different options (${index.name})`,
        INDEX_OPTIONS_CONFLICT_ERROR_CODE,
      );
    }
    return undefined;
  }

  /** Index entries for a document about to be stored; throws E11000 before any index changes. */
  private checkedEntries(document: Document, id: string): Map<CollectionIndex, IndexEntry[] | null> {
    const entriesByIndex = new Map<CollectionIndex, IndexEntry[] | null>();
    for (const index of this.indexesByName.values()) {
      const entries = index.entriesOf(document);
      const duplicate = index.findDuplicate(entries, id);
      if (duplicate) throw this.duplicateKeyError(index, duplicate);
      entriesByIndex.set(index, entries);
    }
    return entriesByIndex;
  }

  private duplicateKeyError(index: CollectionIndex, entry: IndexEntry): EmbeddedDuplicateKeyError {
    const keyValue: Record<string, unknown> = {};
    index.definition.key.forEach(([field], position) => {
      keyValue[field] = entry.values[position];
    });
    return new EmbeddedDuplicateKeyError(this.namespace, index.name, patternToObject(index.definition.key), keyValue);
  }
}
