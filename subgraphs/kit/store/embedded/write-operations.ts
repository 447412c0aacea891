import type { Document } from 'mongodb';
import { cloneDocument } from './clone';
import type { DocumentTable } from './document-table';
import { firstMatchingDocument, matchingDocuments } from './mingo-queries';
import {
  applyUpdateToCopy,
  assertOperatorUpdate,
  assertReplacement,
  replaceInCopy,
  type UpdatedDocument,
} from './update-document';
import { buildReplacementUpsertDocument, buildUpsertDocument, withId } from './upsert';

export interface UpdateOutcome {
  matchedCount: number;
  modifiedCount: number;
  /** Set only when the operation inserted a document. */
  upsertedId?: unknown;
}

/** What a single-document update changed, for `findOneAndUpdate`. */
export interface SingleUpdateOutcome extends UpdateOutcome {
  before: Document | null;
  after: Document | null;
}

/**
 * Inserts a copy of `input` and returns its `_id`. Like the driver, a generated `_id` is also
 * written onto the caller's object.
 */
export function insertDocument(table: DocumentTable, input: Document): unknown {
  const document = withId(cloneDocument(input));
  table.insert(document);
  if (input._id === undefined || input._id === null) input._id = document._id;
  return document._id;
}

/** `updateOne` semantics; the before/after documents are the store's own (callers copy them). */
export function updateFirstMatch(table: DocumentTable, filter: Document, update: Document, isUpsert: boolean): SingleUpdateOutcome {
  assertOperatorUpdate(update);
  const stored = firstMatchingDocument(table, filter);
  if (!stored) return isUpsert ? insertUpserted(table, buildUpsertDocument(filter, update)) : nothingMatched();
  return storeUpdated(table, stored, applyUpdateToCopy(stored, update, filter));
}

/**
 * `updateMany` semantics. As in MongoDB the documents are updated one by one, so a failure
 * part-way (a unique index violation) leaves the earlier ones updated.
 */
export function updateAllMatches(table: DocumentTable, filter: Document, update: Document, isUpsert: boolean): UpdateOutcome {
  assertOperatorUpdate(update);
  // Collected first: updating re-adds ids to the index sets being iterated.
  const matches = matchingDocuments(table, filter);
  if (matches.length === 0) return isUpsert ? insertUpserted(table, buildUpsertDocument(filter, update)) : nothingMatched();
  let modifiedCount = 0;
  for (const stored of matches) {
    if (storeUpdated(table, stored, applyUpdateToCopy(stored, update, filter)).modifiedCount > 0) modifiedCount += 1;
  }
  return { matchedCount: matches.length, modifiedCount };
}

/** `replaceOne` semantics (reachable through `bulkWrite`). */
export function replaceFirstMatch(table: DocumentTable, filter: Document, replacement: Document, isUpsert: boolean): UpdateOutcome {
  assertReplacement(replacement);
  const stored = firstMatchingDocument(table, filter);
  if (!stored) {
    return isUpsert ? insertUpserted(table, buildReplacementUpsertDocument(filter, replacement)) : nothingMatched();
  }
  return storeUpdated(table, stored, replaceInCopy(stored, replacement));
}

/** Deletes the first or every matching document and returns how many went. */
export function deleteMatches(table: DocumentTable, filter: Document, isMulti: boolean): number {
  const matches = isMulti ? matchingDocuments(table, filter) : [firstMatchingDocument(table, filter)];
  let deletedCount = 0;
  for (const stored of matches) {
    if (!stored) continue;
    table.remove(stored);
    deletedCount += 1;
  }
  return deletedCount;
}

function storeUpdated(table: DocumentTable, stored: Document, updated: UpdatedDocument): SingleUpdateOutcome {
  if (updated.isModified) table.replace(stored, updated.document);
  const after = updated.isModified ? updated.document : stored;
  return { matchedCount: 1, modifiedCount: updated.isModified ? 1 : 0, before: stored, after };
}

function insertUpserted(table: DocumentTable, document: Document): SingleUpdateOutcome {
  table.insert(document);
  return { matchedCount: 0, modifiedCount: 0, upsertedId: document._id, before: null, after: document };
}

function nothingMatched(): SingleUpdateOutcome {
  return { matchedCount: 0, modifiedCount: 0, before: null, after: null };
}
