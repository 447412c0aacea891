import { ObjectId } from 'bson';
import type { HubBulkWriteResult } from '../types';
import { DUPLICATE_KEY_ERROR_CODE } from '../types';

/** MongoDB's code for an update that would change `_id`. */
export const IMMUTABLE_FIELD_ERROR_CODE = 66;
/** MongoDB's code for an index whose name or options clash with an existing one. */
export const INDEX_OPTIONS_CONFLICT_ERROR_CODE = 85;

/**
 * What the embedded store throws where MongoDB would answer with a server error. It is named
 * like the driver's error and carries the same `code`, so callers handle both stores alike.
 */
export class EmbeddedServerError extends Error {
  readonly code: number;

  constructor(message: string, code: number) {
    super(message);
    this.code = code;
  }

  override get name(): string {
    return 'MongoServerError';
  }
}

export class EmbeddedDuplicateKeyError extends EmbeddedServerError {
  readonly keyPattern: Record<string, number>;
  readonly keyValue: Record<string, unknown>;

  constructor(namespace: string, indexName: string, keyPattern: Record<string, number>, keyValue: Record<string, unknown>) {
    super(
      `E11000 duplicate key error collection: ${namespace} index: ${indexName} dup key: ${describeKey(keyValue)}`,
      DUPLICATE_KEY_ERROR_CODE,
    );
    this.keyPattern = keyPattern;
    this.keyValue = keyValue;
  }
}

export interface BulkWriteFailure {
  index: number;
  code: number;
  errmsg: string;
}

/** Like the driver's `MongoBulkWriteError`: the first failure's code and message, plus what was done. */
export class EmbeddedBulkWriteError extends EmbeddedServerError {
  constructor(
    readonly writeErrors: BulkWriteFailure[],
    readonly result: HubBulkWriteResult,
  ) {
    const first = writeErrors[0];
    super(first?.errmsg ?? 'write operation failed', first?.code ?? 0);
  }

  override get name(): string {
    return 'MongoBulkWriteError';
  }
}

export function immutableIdError(): EmbeddedServerError {
  return new EmbeddedServerError(
    "Performing an update on the path '_id' would modify the immutable field '_id'",
    IMMUTABLE_FIELD_ERROR_CODE,
  );
}

export function storeClosedError(): Error {
  return new Error('The embedded store is closed: no operation is possible after close()');
}

/** Reads a thrown value as a server error, so bulk operations can report any failure. */
export function asServerError(error: unknown): EmbeddedServerError {
  if (error instanceof EmbeddedServerError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new EmbeddedServerError(message, 0);
}

/** Formats a key the way MongoDB's E11000 message does: `{ email: "a@example.com" }`. */
function describeKey(keyValue: Record<string, unknown>): string {
  const fields = Object.entries(keyValue).map(([field, value]) => `${field}: ${describeValue(value)}`);
  return `{ ${fields.join(', ')} }`;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (value instanceof ObjectId) return `ObjectId('${value.toHexString()}')`;
  return JSON.stringify(value) ?? String(value);
}
