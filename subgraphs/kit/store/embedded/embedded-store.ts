import { mkdir } from 'node:fs/promises';
import type { HubDatabase, HubStore } from '../types';
import { EmbeddedDatabase } from './embedded-database';
import { storeClosedError } from './errors';
import { listSnapshotFiles, readSnapshotFile, snapshotLoadError, snapshotPath, writeSnapshotFile } from './persistence';
import { SnapshotScheduler } from './snapshot-scheduler';

export interface EmbeddedStoreOptions {
  /** Where each database is snapshotted as `<database>.ejson`; in memory only when absent. */
  dataDir?: string;
  /** How long after a write the snapshot is taken, so bursts of writes share one. Default 200. */
  snapshotDelayMs?: number;
  /** Told about a failed background snapshot (the data stays unsaved and is retried). Default: console.error. */
  onSnapshotError?: (error: unknown, databaseName: string) => void;
}

const DEFAULT_SNAPSHOT_DELAY_MS = 200;
/** MongoDB's rules for database names, which also keep snapshot file names safe. */
const INVALID_DATABASE_NAME = /[/\\. "$*<>:|?\0]/;
const MAX_DATABASE_NAME_LENGTH = 63;

/**
 * Opens the in-process store. With `dataDir`, existing snapshots are loaded first (a damaged
 * one fails the open, naming the file) and every database is snapshotted after writes.
 */
export async function openEmbeddedStore(options: EmbeddedStoreOptions = {}): Promise<HubStore> {
  const store = new EmbeddedStore(options);
  if (options.dataDir !== undefined) await store.loadSnapshots(options.dataDir);
  return store;
}

class EmbeddedStore implements HubStore {
  readonly kind = 'embedded' as const;
  private readonly options: EmbeddedStoreOptions;
  private readonly databases = new Map<string, EmbeddedDatabase>();
  private readonly schedulers = new Map<string, SnapshotScheduler>();
  private isClosed = false;

  constructor(options: EmbeddedStoreOptions) {
    this.options = options;
  }

  db(name: string): HubDatabase {
    return this.databases.get(name) ?? this.createDatabase(name);
  }

  async ping(): Promise<void> {
    this.assertOpen();
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    await Promise.all(Array.from(this.schedulers.values(), (scheduler) => scheduler.flushAndStop()));
  }

  async loadSnapshots(dataDir: string): Promise<void> {
    await mkdir(dataDir, { recursive: true });
    for (const [databaseName, filePath] of await listSnapshotFiles(dataDir)) {
      const snapshot = await readSnapshotFile(filePath, databaseName);
      const database = this.registerDatabase(databaseName);
      try {
        database.restore(snapshot);
      } catch (error) {
        throw snapshotLoadError(filePath, error);
      }
      // Only now, so that restoring does not schedule a rewrite of what was just read.
      this.enablePersistence(database);
    }
  }

  private createDatabase(name: string): EmbeddedDatabase {
    const database = this.registerDatabase(name);
    this.enablePersistence(database);
    return database;
  }

  private registerDatabase(name: string): EmbeddedDatabase {
    assertValidDatabaseName(name);
    const database = new EmbeddedDatabase(
      name,
      () => this.assertOpen(),
      () => this.schedulers.get(name)?.markChanged(),
    );
    this.databases.set(name, database);
    return database;
  }

  private enablePersistence(database: EmbeddedDatabase): void {
    const { dataDir } = this.options;
    if (dataDir !== undefined) this.schedulers.set(database.databaseName, this.createScheduler(database, dataDir));
  }

  private createScheduler(database: EmbeddedDatabase, dataDir: string): SnapshotScheduler {
    const filePath = snapshotPath(dataDir, database.databaseName);
    const reportError =
      this.options.onSnapshotError ??
      ((error: unknown, databaseName: string) => console.error(`Embedded store snapshot of ${databaseName} failed`, error));
    return new SnapshotScheduler(
      () => writeSnapshotFile(filePath, database.captureSnapshot()),
      this.options.snapshotDelayMs ?? DEFAULT_SNAPSHOT_DELAY_MS,
      (error) => reportError(error, database.databaseName),
    );
  }

  private assertOpen(): void {
    if (this.isClosed) throw storeClosedError();
  }
}

function assertValidDatabaseName(name: string): void {
  if (name.length === 0 || name.length > MAX_DATABASE_NAME_LENGTH || INVALID_DATABASE_NAME.test(name)) {
    throw new Error(`Invalid database name: ${JSON.stringify(name)}`);
  }
}
