import { Query } from 'mingo';
import type { Options } from 'mingo/types';
import type { Document } from 'mongodb';
import type { HubFindOptions } from '../types';
import { cloneDocument } from './clone';
import type { DocumentTable } from './document-table';
import { normalizeSort, patternToObject } from './key-specs';
import { candidateDocuments } from './query-planner';

/** Shared by every mingo call so query, update and aggregation agree on semantics. */
export const MINGO_OPTIONS: Partial<Options> = { idKey: '_id', useStrictMode: true, scriptEnabled: false };

/** Stored documents (not copies) matching a filter, for the store's own use. */
export function matchingDocuments(table: DocumentTable, filter: Document): Document[] {
  const query = new Query(filter, MINGO_OPTIONS);
  const matches: Document[] = [];
  for (const document of candidateDocuments(table, filter)) {
    if (query.test(document)) matches.push(document);
  }
  return matches;
}

/** The first stored document matching a filter, without looking further. */
export function firstMatchingDocument(table: DocumentTable, filter: Document): Document | undefined {
  const query = new Query(filter, MINGO_OPTIONS);
  for (const document of candidateDocuments(table, filter)) {
    if (query.test(document)) return document;
  }
  return undefined;
}

/** `find` as MongoDB runs it: filter, then sort, skip, limit, projection; returns copies. */
export function findDocuments(table: DocumentTable, filter: Document, options: HubFindOptions = {}): Document[] {
  const query = new Query(filter, MINGO_OPTIONS);
  const cursor = query.find<Document>(candidateDocuments(table, filter), options.projection ?? {});
  if (options.sort !== undefined) cursor.sort(patternToObject(normalizeSort(options.sort)));
  if (options.skip) cursor.skip(options.skip);
  if (options.limit) cursor.limit(options.limit);
  return cursor.all().map(cloneDocument);
}

/** A copy of one document with a projection applied. */
export function projectDocument(document: Document, projection: Document | undefined): Document {
  if (!projection || Object.keys(projection).length === 0) return cloneDocument(document);
  const [projected] = new Query({}, MINGO_OPTIONS).find<Document>([document], projection).all();
  return cloneDocument(projected ?? {});
}
