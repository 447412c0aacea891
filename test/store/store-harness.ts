import { randomBytes } from 'node:crypto';
import type { Document } from 'mongodb';
import { openStore } from '../../subgraphs/kit/store/open-store';
import type { HubDatabase, HubStore } from '../../subgraphs/kit/store/types';
import { dropMongoDatabases } from '../helpers/mongo';

/** A store implementation the conformance suite runs against. */
export interface StoreUnderTest {
  label: 'embedded' | 'mongodb';
  open(): Promise<HubStore>;
  /** Removes what a run created; a no-op for the in-memory embedded store. */
  dropDatabases(names: readonly string[]): Promise<void>;
}

export interface StoreHarness {
  /** An empty database of its own for one test, dropped after the run. */
  freshDatabase(): HubDatabase;
  /** Opens a second, separate store of the same kind (the caller closes it). */
  openSeparateStore(): Promise<HubStore>;
}

/** The embedded store always; MongoDB as well when `MONGODB_URI` is set. */
export function storesUnderTest(): StoreUnderTest[] {
  const stores: StoreUnderTest[] = [
    { label: 'embedded', open: () => openStore({}), dropDatabases: async () => undefined },
  ];
  const mongodbUri = process.env['MONGODB_URI'];
  if (mongodbUri) {
    stores.push({
      label: 'mongodb',
      open: () => openStore({ mongodbUri }),
      dropDatabases: (names) => dropMongoDatabases(mongodbUri, names),
    });
  }
  return stores;
}

/** A prefix unique to this run, so parallel runs against one MongoDB never share a database. */
const RUN_PREFIX = `hubconf_${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
let databaseCounter = 0;

/**
 * Defines the same cases once per store under test. Each case asks for a fresh database, so
 * no state is shared between tests; MongoDB databases are dropped when the block ends.
 */
export function describeEachStore(title: string, defineCases: (harness: StoreHarness) => void): void {
  describe.each(storesUnderTest())(`${title} ($label store)`, (storeUnderTest) => {
    let store: HubStore | undefined;
    const createdDatabases: string[] = [];

    beforeAll(async () => {
      store = await storeUnderTest.open();
    });

    afterAll(async () => {
      await storeUnderTest.dropDatabases(createdDatabases);
      await store?.close();
    });

    defineCases({
      freshDatabase: () => {
        if (!store) throw new Error('The store under test is not open yet');
        databaseCounter += 1;
        const name = `${RUN_PREFIX}_${databaseCounter}`;
        createdDatabases.push(name);
        return store.db(name);
      },
      openSeparateStore: () => storeUnderTest.open(),
    });
  });
}

/** A free-form document with the string `_id` this project uses (the driver defaults to ObjectId). */
export type StringIdDocument = Document & { _id: string };

/** Sorted ids of documents, for order-independent assertions. */
export function idsOf(documents: ReadonlyArray<{ _id: unknown }>): string[] {
  return documents.map((document) => String(document._id)).sort();
}
