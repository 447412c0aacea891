import type {
  AnyBulkWriteOperation,
  DeleteResult,
  Document,
  Filter,
  IndexSpecification,
  InsertManyResult,
  InsertOneResult,
  OptionalUnlessRequiredId,
  Sort,
  UpdateFilter,
  UpdateResult,
  WithId,
} from 'mongodb';

/**
 * The narrow, typed subset of the MongoDB driver's `Collection` API that repositories may use.
 * Both the embedded store and the MongoDB adapter implement exactly this, so code written
 * against it runs unchanged on either; the conformance suite keeps the two honest.
 */
export interface HubFindOptions {
  projection?: Document;
  sort?: Sort;
  skip?: number;
  limit?: number;
}

export interface HubUpdateOptions {
  upsert?: boolean;
}

export interface HubFindOneAndUpdateOptions extends HubUpdateOptions {
  projection?: Document;
  /** Like the driver: 'before' (default) returns the document as it was. */
  returnDocument?: 'before' | 'after';
}

export interface HubIndexOptions {
  name?: string;
  unique?: boolean;
  /** Leave documents without the indexed field out of the index (so a unique index ignores them). */
  sparse?: boolean;
}

export interface HubBulkWriteOptions {
  /** Like the driver: ordered (default) stops at the first failing operation. */
  ordered?: boolean;
}

export interface HubBulkWriteResult {
  insertedCount: number;
  matchedCount: number;
  modifiedCount: number;
  deletedCount: number;
  upsertedCount: number;
}

export interface HubCursor<T> {
  toArray(): Promise<T[]>;
}

export interface HubCollection<T extends Document = Document> {
  readonly collectionName: string;
  find(filter?: Filter<T>, options?: HubFindOptions): HubCursor<WithId<T>>;
  findOne(filter?: Filter<T>, options?: HubFindOptions): Promise<WithId<T> | null>;
  insertOne(doc: OptionalUnlessRequiredId<T>): Promise<InsertOneResult<T>>;
  insertMany(docs: ReadonlyArray<OptionalUnlessRequiredId<T>>): Promise<InsertManyResult<T>>;
  updateOne(filter: Filter<T>, update: UpdateFilter<T>, options?: HubUpdateOptions): Promise<UpdateResult<T>>;
  updateMany(filter: Filter<T>, update: UpdateFilter<T>, options?: HubUpdateOptions): Promise<UpdateResult<T>>;
  findOneAndUpdate(
    filter: Filter<T>,
    update: UpdateFilter<T>,
    options?: HubFindOneAndUpdateOptions,
  ): Promise<WithId<T> | null>;
  bulkWrite(operations: ReadonlyArray<AnyBulkWriteOperation<T>>, options?: HubBulkWriteOptions): Promise<HubBulkWriteResult>;
  deleteOne(filter: Filter<T>): Promise<DeleteResult>;
  deleteMany(filter?: Filter<T>): Promise<DeleteResult>;
  countDocuments(filter?: Filter<T>): Promise<number>;
  aggregate<R extends Document = Document>(pipeline: Document[]): HubCursor<R>;
  createIndex(spec: IndexSpecification, options?: HubIndexOptions): Promise<string>;
}

/** One subgraph's database: it owns its collections and no other subgraph reads them. */
export interface HubDatabase {
  readonly databaseName: string;
  collection<T extends Document = Document>(name: string): HubCollection<T>;
}

export interface HubStore {
  readonly kind: 'embedded' | 'mongodb';
  db(name: string): HubDatabase;
  /** Resolves when the store answers; rejects otherwise (drives `/ready`). */
  ping(): Promise<void>;
  /** Flushes pending writes (embedded persistence) and releases connections. */
  close(): Promise<void>;
}

/** MongoDB's duplicate-key error code; the embedded store raises the same. */
export const DUPLICATE_KEY_ERROR_CODE = 11000;

export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === DUPLICATE_KEY_ERROR_CODE;
}
