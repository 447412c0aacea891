import { openEmbeddedStore } from './embedded/embedded-store';
import { connectMongoStore } from './mongo-store';
import type { HubStore } from './types';

export interface OpenStoreOptions {
  /** Use MongoDB at this URI; without it, the embedded store. */
  mongodbUri?: string;
  /** Embedded store only: persist each database to `<dataDir>/<database>.ejson`. */
  dataDir?: string;
  /** Embedded store only: delay between a write and the snapshot it triggers (default 200). */
  snapshotDelayMs?: number;
  /** Embedded store only: told about a failed background snapshot (default: console.error). */
  onSnapshotError?: (error: unknown, databaseName: string) => void;
}

/**
 * Opens the store the process runs on: MongoDB when a URI is given (connected before this
 * resolves), otherwise the embedded store, persisted to `dataDir` when one is given.
 */
export async function openStore(options: OpenStoreOptions): Promise<HubStore> {
  if (options.mongodbUri) return connectMongoStore(options.mongodbUri);
  return openEmbeddedStore({
    dataDir: options.dataDir,
    snapshotDelayMs: options.snapshotDelayMs,
    onSnapshotError: options.onSnapshotError,
  });
}
