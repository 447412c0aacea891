import {
  MongoClient,
  type AnyBulkWriteOperation,
  type Collection,
  type DeleteResult,
  type Document,
  type Filter,
  type IndexSpecification,
  type InsertManyResult,
  type InsertOneResult,
  type MongoClientOptions,
  type OptionalUnlessRequiredId,
  type UpdateFilter,
  type UpdateResult,
  type WithId,
} from 'mongodb';
import type {
  HubBulkWriteOptions,
  HubBulkWriteResult,
  HubCollection,
  HubCursor,
  HubDatabase,
  HubFindOneAndUpdateOptions,
  HubFindOptions,
  HubIndexOptions,
  HubStore,
  HubUpdateOptions,
} from './types';

/** Connects to MongoDB and returns the store over it; rejects when the server cannot be reached. */
export async function connectMongoStore(uri: string, options?: MongoClientOptions): Promise<HubStore> {
  const client = new MongoClient(uri, options);
  await client.connect();
  return new MongoStore(client);
}

/** Tracks whether `close()` was called: the driver would quietly reconnect on the next operation. */
class ClosedGuard {
  isClosed = false;

  assertOpen(): void {
    if (this.isClosed) throw closedStoreError();
  }
}

function closedStoreError(): Error {
  return new Error('The MongoDB store is closed: no operation is possible after close()');
}

class MongoStore implements HubStore {
  readonly kind = 'mongodb' as const;
  private readonly client: MongoClient;
  private readonly guard = new ClosedGuard();

  constructor(client: MongoClient) {
    this.client = client;
  }

  db(name: string): HubDatabase {
    const database = this.client.db(name);
    const guard = this.guard;
    return {
      databaseName: database.databaseName,
      collection: <T extends Document = Document>(collectionName: string): HubCollection<T> =>
        new MongoCollection<T>(database.collection<T>(collectionName), guard),
    };
  }

  async ping(): Promise<void> {
    this.guard.assertOpen();
    await this.client.db('admin').command({ ping: 1 });
  }

  async close(): Promise<void> {
    if (this.guard.isClosed) return;
    this.guard.isClosed = true;
    await this.client.close();
  }
}

/** A thin pass-through to the driver's collection, limited to the `HubCollection` subset. */
class MongoCollection<T extends Document> implements HubCollection<T> {
  private readonly collection: Collection<T>;
  private readonly guard: ClosedGuard;

  constructor(collection: Collection<T>, guard: ClosedGuard) {
    this.collection = collection;
    this.guard = guard;
  }

  get collectionName(): string {
    return this.collection.collectionName;
  }

  find(filter: Filter<T> = {}, options: HubFindOptions = {}): HubCursor<WithId<T>> {
    if (this.guard.isClosed) return rejectingCursor();
    return this.collection.find(filter, options);
  }

  async findOne(filter: Filter<T> = {}, options: HubFindOptions = {}): Promise<WithId<T> | null> {
    this.guard.assertOpen();
    return this.collection.findOne(filter, options);
  }

  async insertOne(document: OptionalUnlessRequiredId<T>): Promise<InsertOneResult<T>> {
    this.guard.assertOpen();
    return this.collection.insertOne(document);
  }

  async insertMany(documents: ReadonlyArray<OptionalUnlessRequiredId<T>>): Promise<InsertManyResult<T>> {
    this.guard.assertOpen();
    return this.collection.insertMany(documents);
  }

  async updateOne(filter: Filter<T>, update: UpdateFilter<T>, options: HubUpdateOptions = {}): Promise<UpdateResult<T>> {
    this.guard.assertOpen();
    return this.collection.updateOne(filter, update, options);
  }

  async updateMany(filter: Filter<T>, update: UpdateFilter<T>, options: HubUpdateOptions = {}): Promise<UpdateResult<T>> {
    this.guard.assertOpen();
    return this.collection.updateMany(filter, update, options);
  }

  async findOneAndUpdate(
    filter: Filter<T>,
    update: UpdateFilter<T>,
    options: HubFindOneAndUpdateOptions = {},
  ): Promise<WithId<T> | null> {
    this.guard.assertOpen();
    return this.collection.findOneAndUpdate(filter, update, { ...options, includeResultMetadata: false });
  }

  async bulkWrite(
    operations: ReadonlyArray<AnyBulkWriteOperation<T>>,
    options: HubBulkWriteOptions = {},
  ): Promise<HubBulkWriteResult> {
    this.guard.assertOpen();
    const result = await this.collection.bulkWrite(operations, { ordered: options.ordered ?? true });
    return {
      insertedCount: result.insertedCount,
      matchedCount: result.matchedCount,
      modifiedCount: result.modifiedCount,
      deletedCount: result.deletedCount,
      upsertedCount: result.upsertedCount,
    };
  }

  async deleteOne(filter: Filter<T>): Promise<DeleteResult> {
    this.guard.assertOpen();
    return this.collection.deleteOne(filter);
  }

  async deleteMany(filter: Filter<T> = {}): Promise<DeleteResult> {
    this.guard.assertOpen();
    return this.collection.deleteMany(filter);
  }

  async countDocuments(filter: Filter<T> = {}): Promise<number> {
    this.guard.assertOpen();
    return this.collection.countDocuments(filter);
  }

  aggregate<R extends Document = Document>(pipeline: Document[]): HubCursor<R> {
    if (this.guard.isClosed) return rejectingCursor();
    return this.collection.aggregate<R>(pipeline);
  }

  async createIndex(spec: IndexSpecification, options: HubIndexOptions = {}): Promise<string> {
    this.guard.assertOpen();
    return this.collection.createIndex(spec, options);
  }
}

function rejectingCursor<R>(): HubCursor<R> {
  return { toArray: () => Promise.reject(closedStoreError()) };
}
