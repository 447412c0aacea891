import type DataLoader from 'dataloader';
import type { AnyBulkWriteOperation } from 'mongodb';
import {
  REMOVALS_COLLECTION,
  ensureContentFeedIndexes,
  readContentChanges,
  recordRemoval,
  type ContentChange,
  type ContentFeedArgs,
  type RemovalDocument,
} from '../../kit/content-feed';
import { createByIdLoader } from '../../kit/loaders';
import type { HubCollection, HubDatabase } from '../../kit/store/types';
import { EXTERNAL_DOCUMENTS_COLLECTION, type ExternalDocumentDocument } from './model';

/** The one place that touches the search subgraph's collections. */
export class ExternalDocumentRepository {
  readonly documents: HubCollection<ExternalDocumentDocument>;
  readonly removals: HubCollection<RemovalDocument>;

  constructor(database: HubDatabase) {
    this.documents = database.collection<ExternalDocumentDocument>(EXTERNAL_DOCUMENTS_COLLECTION);
    this.removals = database.collection<RemovalDocument>(REMOVALS_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await ensureContentFeedIndexes(this.documents, this.removals);
  }

  createLoaders(): { externalDocumentById: DataLoader<string, ExternalDocumentDocument | null> } {
    return { externalDocumentById: createByIdLoader(this.documents) };
  }

  findByIds(ids: readonly string[]): Promise<ExternalDocumentDocument[]> {
    return this.documents.find({ _id: { $in: [...ids] } }).toArray();
  }

  async write(operations: ReadonlyArray<AnyBulkWriteOperation<ExternalDocumentDocument>>): Promise<void> {
    if (operations.length) await this.documents.bulkWrite(operations, { ordered: false });
  }

  /** The tombstone goes first, so every search replica hears of the deletion even if the delete fails. */
  async delete(document: ExternalDocumentDocument, now: Date): Promise<void> {
    await recordRemoval(this.removals, { id: document._id, source: EXTERNAL_DOCUMENTS_COLLECTION, type: 'EXTERNAL_DOCUMENT', publishedAt: document.createdAt }, now);
    await this.documents.deleteOne({ _id: document._id });
  }

  changes(args: ContentFeedArgs) {
    return readContentChanges({ items: this.documents, source: EXTERNAL_DOCUMENTS_COLLECTION, removals: this.removals, toChange: toContentChange }, args);
  }
}

export function toContentChange(document: ExternalDocumentDocument): ContentChange {
  return {
    id: document._id,
    type: 'EXTERNAL_DOCUMENT',
    removed: false,
    title: document.title,
    body: document.body,
    tags: document.tags,
    locale: document.locale,
    audience: document.audience,
    accountId: null,
    popularity: document.popularity,
    publishedAt: document.sourceUpdatedAt ?? document.createdAt,
    updatedAt: document.updatedAt,
  };
}
