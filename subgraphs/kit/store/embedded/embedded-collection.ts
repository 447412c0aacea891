import type {
  AnyBulkWriteOperation,
  DeleteResult,
  Document,
  Filter,
  IndexSpecification,
  InferIdType,
  InsertManyResult,
  InsertOneResult,
  OptionalUnlessRequiredId,
  UpdateFilter,
  UpdateResult,
  WithId,
} from 'mongodb';
import type {
  HubBulkWriteOptions,
  HubBulkWriteResult,
  HubCollection,
  HubCursor,
  HubFindOneAndUpdateOptions,
  HubFindOptions,
  HubIndexOptions,
  HubUpdateOptions,
} from '../types';
import { runAggregation, type CollectionResolver } from './aggregation';
import { runBulkWrite } from './bulk-write';
import type { DocumentTable } from './document-table';
import { asServerError, EmbeddedBulkWriteError } from './errors';
import { defaultIndexName, normalizeIndexSpecification } from './key-specs';
import { findDocuments, matchingDocuments, projectDocument } from './mingo-queries';
import { deleteMatches, insertDocument, updateAllMatches, updateFirstMatch, type UpdateOutcome } from './write-operations';

/** What a collection needs from its database. */
export interface CollectionContext {
  /** Throws once the store is closed. */
  assertOpen(): void;
  resolveCollection: CollectionResolver;
}

/**
 * `HubCollection` over a `DocumentTable`. Public methods are async like the driver's, take
 * copies of what comes in and hand out copies, so callers and the store never share objects.
 */
export class EmbeddedCollection<T extends Document = Document> implements HubCollection<T> {
  readonly collectionName: string;
  private readonly table: DocumentTable;
  private readonly context: CollectionContext;

  constructor(collectionName: string, table: DocumentTable, context: CollectionContext) {
    this.collectionName = collectionName;
    this.table = table;
    this.context = context;
  }

  find(filter: Filter<T> = {}, options: HubFindOptions = {}): HubCursor<WithId<T>> {
    return this.lazyCursor(() => findDocuments(this.table, filter as Document, options) as WithId<T>[]);
  }

  async findOne(filter: Filter<T> = {}, options: HubFindOptions = {}): Promise<WithId<T> | null> {
    this.context.assertOpen();
    const [first] = findDocuments(this.table, filter as Document, { ...options, limit: 1 });
    return (first as WithId<T> | undefined) ?? null;
  }

  async insertOne(document: OptionalUnlessRequiredId<T>): Promise<InsertOneResult<T>> {
    this.context.assertOpen();
    const insertedId = insertDocument(this.table, document as Document) as InferIdType<T>;
    return { acknowledged: true, insertedId };
  }

  async insertMany(documents: ReadonlyArray<OptionalUnlessRequiredId<T>>): Promise<InsertManyResult<T>> {
    this.context.assertOpen();
    if (documents.length === 0) throw new Error('Invalid BulkOperation, Batch cannot be empty');
    const insertedIds: Record<number, InferIdType<T>> = {};
    for (const [index, document] of documents.entries()) {
      try {
        insertedIds[index] = insertDocument(this.table, document as Document) as InferIdType<T>;
      } catch (error) {
        // Ordered, like the driver's default: the documents before the failure stay inserted.
        const failure = asServerError(error);
        const result = { insertedCount: index, matchedCount: 0, modifiedCount: 0, deletedCount: 0, upsertedCount: 0 };
        throw new EmbeddedBulkWriteError([{ index, code: failure.code, errmsg: failure.message }], result);
      }
    }
    return { acknowledged: true, insertedCount: documents.length, insertedIds };
  }

  async updateOne(filter: Filter<T>, update: UpdateFilter<T>, options: HubUpdateOptions = {}): Promise<UpdateResult<T>> {
    this.context.assertOpen();
    return toUpdateResult(updateFirstMatch(this.table, filter as Document, update as Document, options.upsert ?? false));
  }

  async updateMany(filter: Filter<T>, update: UpdateFilter<T>, options: HubUpdateOptions = {}): Promise<UpdateResult<T>> {
    this.context.assertOpen();
    return toUpdateResult(updateAllMatches(this.table, filter as Document, update as Document, options.upsert ?? false));
  }

  async findOneAndUpdate(
    filter: Filter<T>,
    update: UpdateFilter<T>,
    options: HubFindOneAndUpdateOptions = {},
  ): Promise<WithId<T> | null> {
    this.context.assertOpen();
    const outcome = updateFirstMatch(this.table, filter as Document, update as Document, options.upsert ?? false);
    const returned = options.returnDocument === 'after' ? outcome.after : outcome.before;
    return returned ? (projectDocument(returned, options.projection) as WithId<T>) : null;
  }

  async bulkWrite(
    operations: ReadonlyArray<AnyBulkWriteOperation<T>>,
    options: HubBulkWriteOptions = {},
  ): Promise<HubBulkWriteResult> {
    this.context.assertOpen();
    return runBulkWrite(this.table, operations as ReadonlyArray<AnyBulkWriteOperation<Document>>, options.ordered ?? true);
  }

  async deleteOne(filter: Filter<T>): Promise<DeleteResult> {
    this.context.assertOpen();
    return { acknowledged: true, deletedCount: deleteMatches(this.table, filter as Document, false) };
  }

  async deleteMany(filter: Filter<T> = {}): Promise<DeleteResult> {
    this.context.assertOpen();
    return { acknowledged: true, deletedCount: deleteMatches(this.table, filter as Document, true) };
  }

  async countDocuments(filter: Filter<T> = {}): Promise<number> {
    this.context.assertOpen();
    if (Object.keys(filter).length === 0) return this.table.documentCount;
    return matchingDocuments(this.table, filter as Document).length;
  }

  aggregate<R extends Document = Document>(pipeline: Document[]): HubCursor<R> {
    return this.lazyCursor(() => runAggregation(this.table, pipeline, this.context.resolveCollection) as R[]);
  }

  async createIndex(spec: IndexSpecification, options: HubIndexOptions = {}): Promise<string> {
    this.context.assertOpen();
    const key = normalizeIndexSpecification(spec);
    return this.table.createIndex({
      name: options.name ?? defaultIndexName(key),
      key,
      unique: options.unique ?? false,
      sparse: options.sparse ?? false,
    });
  }

  /** Like a driver cursor, nothing runs until `toArray()`, so errors surface there as rejections. */
  private lazyCursor<R>(run: () => R[]): HubCursor<R> {
    return {
      toArray: async () => {
        this.context.assertOpen();
        return run();
      },
    };
  }
}

function toUpdateResult<T extends Document>(outcome: UpdateOutcome): UpdateResult<T> {
  const isUpsert = outcome.upsertedId !== undefined;
  return {
    acknowledged: true,
    matchedCount: outcome.matchedCount,
    modifiedCount: outcome.modifiedCount,
    upsertedCount: isUpsert ? 1 : 0,
    upsertedId: isUpsert ? (outcome.upsertedId as InferIdType<T>) : null,
  };
}
