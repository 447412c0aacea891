import type { AnyBulkWriteOperation, Document } from 'mongodb';
import type { HubBulkWriteResult } from '../types';
import type { DocumentTable } from './document-table';
import { asServerError, EmbeddedBulkWriteError, type BulkWriteFailure } from './errors';
import {
  deleteMatches,
  insertDocument,
  replaceFirstMatch,
  updateAllMatches,
  updateFirstMatch,
  type UpdateOutcome,
} from './write-operations';

/**
 * Runs a `bulkWrite` as MongoDB does: ordered (the default) stops at the first failing
 * operation with the earlier ones applied; unordered runs them all. Either way a failure is
 * then thrown as a bulk write error carrying the first failure's code (11000 for a duplicate).
 */
export function runBulkWrite(
  table: DocumentTable,
  operations: ReadonlyArray<AnyBulkWriteOperation<Document>>,
  isOrdered: boolean,
): HubBulkWriteResult {
  if (operations.length === 0) throw new Error('Invalid BulkOperation, Batch cannot be empty');
  const result: HubBulkWriteResult = { insertedCount: 0, matchedCount: 0, modifiedCount: 0, deletedCount: 0, upsertedCount: 0 };
  const failures: BulkWriteFailure[] = [];
  for (const [index, operation] of operations.entries()) {
    try {
      applyOperation(table, operation, result);
    } catch (error) {
      const serverError = asServerError(error);
      failures.push({ index, code: serverError.code, errmsg: serverError.message });
      if (isOrdered) break;
    }
  }
  if (failures.length > 0) throw new EmbeddedBulkWriteError(failures, result);
  return result;
}

function applyOperation(table: DocumentTable, operation: AnyBulkWriteOperation<Document>, result: HubBulkWriteResult): void {
  if ('insertOne' in operation) {
    insertDocument(table, operation.insertOne.document);
    result.insertedCount += 1;
  } else if ('updateOne' in operation) {
    const { filter, update, upsert } = operation.updateOne;
    countUpdate(result, updateFirstMatch(table, filter, asUpdateDocument(update), upsert ?? false));
  } else if ('updateMany' in operation) {
    const { filter, update, upsert } = operation.updateMany;
    countUpdate(result, updateAllMatches(table, filter, asUpdateDocument(update), upsert ?? false));
  } else if ('replaceOne' in operation) {
    const { filter, replacement, upsert } = operation.replaceOne;
    countUpdate(result, replaceFirstMatch(table, filter, replacement, upsert ?? false));
  } else if ('deleteOne' in operation) {
    result.deletedCount += deleteMatches(table, operation.deleteOne.filter, false);
  } else if ('deleteMany' in operation) {
    result.deletedCount += deleteMatches(table, operation.deleteMany.filter, true);
  } else {
    throw new Error(`Unsupported bulk write operation: ${Object.keys(operation).join(', ')}`);
  }
}

/** Pipeline-style updates (arrays) are outside the supported subset; the update check rejects them. */
function asUpdateDocument(update: Document | Document[]): Document {
  return update as Document;
}

function countUpdate(result: HubBulkWriteResult, outcome: UpdateOutcome): void {
  result.matchedCount += outcome.matchedCount;
  result.modifiedCount += outcome.modifiedCount;
  if (outcome.upsertedId !== undefined) result.upsertedCount += 1;
}
