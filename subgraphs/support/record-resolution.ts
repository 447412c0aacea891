import { randomUUID } from 'node:crypto';
import type { Document, UpdateFilter } from 'mongodb';
import { errors } from '../kit/errors';
import { isDuplicateKeyError } from '../kit/store/types';
import type { ExternalId } from './model';
import { externalKeysOf } from './repository';

export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

/**
 * The one record an upsert refers to: found by id, then by external id. Both keys must lead to
 * the same record, and an id that names no record may not take over another record's external
 * id; either would merge two tickets (or articles), so the input is refused as contradictory.
 */
export function resolveExisting<T extends { _id: string }>(
  type: string,
  requestedId: string | undefined,
  byId: T | null,
  byExternalId: T | null,
): T | null {
  if (requestedId && !byId && byExternalId) {
    throw errors.conflict(`${type} ${requestedId} does not exist, but the input's external id belongs to ${type} ${byExternalId._id}`, {
      ids: [byExternalId._id],
    });
  }
  if (byId && byExternalId && byId._id !== byExternalId._id) {
    throw errors.conflict(`The input matches different ${type} records (${byId._id}, ${byExternalId._id})`, {
      ids: [byId._id, byExternalId._id],
    });
  }
  return byId ?? byExternalId;
}

/** Creating a record needs these fields; updating one does not. Names every missing field at once. */
export function requiredToCreate<T extends Record<string, unknown>>(type: string, fields: T): { [K in keyof T]: NonNullable<T[K]> } {
  const missing = Object.entries(fields).filter(([, value]) => value === undefined || value === null);
  if (missing.length) {
    throw errors.badUserInput(missing.map(([field]) => ({ field: `input.${field}`, message: `is required to create ${type}` })));
  }
  return fields as { [K in keyof T]: NonNullable<T[K]> };
}

/** `$set` for the given (defined) fields plus external ids added to those already stored. */
export function updateWithExternalIds<T>(fields: Document, externalIds: readonly ExternalId[]): UpdateFilter<T> {
  const update: Document = { $set: Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) };
  if (externalIds.length) {
    update['$addToSet'] = { externalIds: { $each: externalIds }, externalKeys: { $each: externalKeysOf(externalIds) } };
  }
  return update as UpdateFilter<T>;
}

/** The stored pair: `externalKeys` exists only when there is something to index (sparse unique). */
export function withExternalKeys(externalIds: ExternalId[]): { externalIds: ExternalId[]; externalKeys?: string[] } {
  return externalIds.length ? { externalIds, externalKeys: externalKeysOf(externalIds) } : { externalIds };
}

/** Turns the store's duplicate-key error into CONFLICT; anything else passes through. */
export async function mapDuplicate<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isDuplicateKeyError(error)) throw errors.conflict(`${what} is already used by another record`);
    throw error;
  }
}
