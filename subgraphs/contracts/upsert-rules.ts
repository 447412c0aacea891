import { randomUUID } from 'node:crypto';
import type { Document, UpdateFilter } from 'mongodb';
import { errors } from '../kit/errors';
import { isDuplicateKeyError } from '../kit/store/types';
import type { ExternalId } from './model';
import { externalKeysOf } from './repository';

/** Rules every upsert in this subgraph shares: identity resolution, required fields, merging. */

export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

/**
 * The one record the input refers to, found by id, then by external id. Records matched by
 * different keys must be the same record, and an id that names no record may not take over
 * another record's external id: either would merge two records, so the input is refused.
 */
export function resolveExisting<T extends { _id: string }>(type: string, requestedId: string | undefined, byId: T | null, byExternalId: T | null): T | null {
  const found = [byId, byExternalId].filter((candidate): candidate is T => candidate !== null);
  const [first] = found;
  if (requestedId && !byId && first) {
    throw errors.conflict(`${type} ${requestedId} does not exist, but the input's external ids belong to ${type} ${first._id}`, {
      ids: [first._id],
    });
  }
  if (first && found.some((candidate) => candidate._id !== first._id)) {
    const ids = [...new Set(found.map((candidate) => candidate._id))];
    throw errors.conflict(`The input matches different ${type} records (${ids.join(', ')})`, { ids });
  }
  return first ?? null;
}

/** Creating a record needs these fields; updating one does not. Names every missing field at once. */
export function requiredToCreate<T extends Record<string, unknown>>(type: string, fields: T): { [K in keyof T]: NonNullable<T[K]> } {
  const missing = Object.entries(fields).filter(([, value]) => value === undefined || value === null);
  if (missing.length) {
    throw errors.badUserInput(missing.map(([field]) => ({ field: `input.${field}`, message: `is required to create ${type}` })));
  }
  return fields as { [K in keyof T]: NonNullable<T[K]> };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

/** Given fields replace stored ones; external ids are added to those already stored. */
export function mergeUpdate<T extends { externalIds: ExternalId[] }>(
  fields: object,
  externalIds: readonly ExternalId[],
  stamps: { updatedAt: Date; syncedAt?: Date },
): UpdateFilter<T> {
  const update: Document = { $set: { ...withoutUndefined(fields), ...stamps } };
  if (externalIds.length) {
    update['$addToSet'] = { externalIds: { $each: externalIds }, externalKeys: { $each: externalKeysOf(externalIds) } };
  }
  return update as UpdateFilter<T>;
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
