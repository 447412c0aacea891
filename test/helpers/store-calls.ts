import { instrumentStore, type StoreOperation } from '../../subgraphs/kit/store/instrumented-store';
import type { HubStore } from '../../subgraphs/kit/store/types';
import { openTestStore } from './stack';

export interface StoreCallRecorder {
  /** A fresh test store (MongoDB when MONGODB_URI is set) whose every call is recorded. */
  openStore(): Promise<HubStore>;
  /** Store calls made while `run` runs; only those on the database whose name ends with `database`. */
  count(run: () => Promise<unknown>, database?: string): Promise<number>;
}

/**
 * Records store calls, for tests proving that an operation costs the same number of calls
 * however long its lists are (no N+1).
 */
export function storeCallRecorder(): StoreCallRecorder {
  const operations: StoreOperation[] = [];
  return {
    openStore: async () => instrumentStore(await openTestStore(), (operation) => operations.push(operation)),
    async count(run, database = '') {
      operations.length = 0;
      await run();
      return operations.filter((operation) => operation.database.endsWith(database)).length;
    },
  };
}
