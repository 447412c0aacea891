import type { Document } from 'mongodb';
import type { HubCollection, HubDatabase } from '../types';
import { cloneDocument } from './clone';
import { DocumentTable } from './document-table';
import { EmbeddedCollection, type CollectionContext } from './embedded-collection';
import type { IndexDefinition } from './indexes';

export interface CollectionSnapshot {
  name: string;
  indexes: IndexDefinition[];
  /** The stored objects themselves: the store never mutates them, so this is a consistent state. */
  documents: readonly Document[];
}

export interface DatabaseSnapshot {
  databaseName: string;
  collections: CollectionSnapshot[];
}

/** One database of the embedded store: its collections, created on first use as in MongoDB. */
export class EmbeddedDatabase implements HubDatabase {
  readonly databaseName: string;
  private readonly tables = new Map<string, DocumentTable>();
  private readonly context: CollectionContext;
  private readonly onChange: () => void;

  constructor(databaseName: string, assertOpen: () => void, onChange: () => void) {
    this.databaseName = databaseName;
    this.onChange = onChange;
    this.context = {
      assertOpen,
      resolveCollection: (name) => Array.from(this.tables.get(name)?.documents() ?? [], cloneDocument),
    };
  }

  collection<T extends Document = Document>(name: string): HubCollection<T> {
    return new EmbeddedCollection<T>(name, this.table(name), this.context);
  }

  captureSnapshot(): DatabaseSnapshot {
    const collections = Array.from(this.tables, ([name, table]) => ({
      name,
      indexes: table.indexDefinitions(),
      documents: Array.from(table.documents()),
    }));
    return { databaseName: this.databaseName, collections };
  }

  /** Loads a snapshot into this (empty) database; indexes are rebuilt and so checked again. */
  restore(snapshot: DatabaseSnapshot): void {
    for (const collection of snapshot.collections) {
      const table = this.table(collection.name);
      for (const definition of collection.indexes) table.createIndex(definition);
      for (const document of collection.documents) table.insert(document);
    }
  }

  private table(name: string): DocumentTable {
    const existing = this.tables.get(name);
    if (existing) return existing;
    assertValidCollectionName(name);
    const table = new DocumentTable(`${this.databaseName}.${name}`, this.onChange);
    this.tables.set(name, table);
    return table;
  }
}

function assertValidCollectionName(name: string): void {
  if (name.length === 0 || name.includes('$') || name.includes('\0') || name.startsWith('system.')) {
    throw new Error(`Invalid collection name: ${JSON.stringify(name)}`);
  }
}
