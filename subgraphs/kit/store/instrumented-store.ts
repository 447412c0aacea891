import type { Document } from 'mongodb';
import type { HubCollection, HubDatabase, HubStore } from './types';

export interface StoreOperation {
  database: string;
  collection: string;
  /** The `HubCollection` method called, e.g. `find`, `aggregate`, `updateOne`. */
  operation: keyof HubCollection;
}

const OPERATIONS = [
  'find',
  'findOne',
  'insertOne',
  'insertMany',
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
  'bulkWrite',
  'deleteOne',
  'deleteMany',
  'countDocuments',
  'aggregate',
  'createIndex',
] as const satisfies ReadonlyArray<keyof HubCollection>;

function instrumentCollection<T extends Document>(
  collection: HubCollection<T>,
  database: string,
  observe: (operation: StoreOperation) => void,
): HubCollection<T> {
  const wrapped: Record<string, unknown> = { collectionName: collection.collectionName };
  for (const operation of OPERATIONS) {
    const method = collection[operation] as (...args: unknown[]) => unknown;
    wrapped[operation] = (...args: unknown[]) => {
      observe({ database, collection: collection.collectionName, operation });
      return method.apply(collection, args);
    };
  }
  return wrapped as unknown as HubCollection<T>;
}

/**
 * The same store, reporting every collection call: feeds the store-operation metrics and lets
 * tests prove that a query costs a fixed number of store calls however long its lists are.
 */
export function instrumentStore(store: HubStore, observe: (operation: StoreOperation) => void): HubStore {
  return {
    kind: store.kind,
    ping: () => store.ping(),
    close: () => store.close(),
    db(name: string): HubDatabase {
      const database = store.db(name);
      return {
        databaseName: database.databaseName,
        collection: <T extends Document = Document>(collectionName: string) =>
          instrumentCollection(database.collection<T>(collectionName), name, observe),
      };
    },
  };
}
