import { randomUUID } from 'node:crypto';
import type { Document, UpdateFilter } from 'mongodb';
import type { Identity } from './auth';
import { errors } from './errors';
import { isDuplicateKeyError } from './store/types';

/**
 * Rules every subgraph's writes share: stable ids, external ids of imported records, identity
 * resolution, required fields on create, merging updates, and CONFLICT on duplicate keys.
 */

/** Where an imported record came from: `{ source: 'zendesk', id: '123' }`. */
export interface ExternalId {
  source: string;
  id: string;
}

/** A new stable id such as `tkt_3f2a…` (16 hex digits after the type's prefix). */
export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

/** `source:id` strings: what the sparse unique `externalKeys` index holds. */
export function externalKeysOf(externalIds: readonly ExternalId[]): string[] {
  return externalIds.map(({ source, id }) => `${source}:${id}`);
}

/** The stored pair: `externalKeys` exists only when there is something to index (sparse unique). */
export function withExternalKeys(externalIds: ExternalId[]): { externalIds: ExternalId[]; externalKeys?: string[] } {
  return externalIds.length ? { externalIds, externalKeys: externalKeysOf(externalIds) } : { externalIds };
}

/**
 * The one record the input refers to, found by id and by other keys (external id, e-mail,
 * domain). Records matched by different keys must be the same record, and an id that names no
 * record may not take over another record's keys: either would merge two records, so the input
 * is refused as contradictory.
 */
export function resolveExisting<T extends { _id: string }>(
  type: string,
  requestedId: string | undefined,
  byId: T | null,
  otherMatches: ReadonlyArray<T | null>,
): T | null {
  const found = [byId, ...otherMatches].filter((candidate): candidate is T => candidate !== null);
  const [first] = found;
  if (requestedId && !byId && first) {
    throw errors.conflict(`${type} ${requestedId} does not exist, but the input's keys belong to ${type} ${first._id}`, {
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

/** Given (defined) fields replace stored ones; external ids are added to those already stored. */
export function mergeUpdate<T>(fields: object, externalIds: readonly ExternalId[]): UpdateFilter<T> {
  const update: Document = { $set: Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) };
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

/**
 * The bookkeeping fields of a record being created: its external ids (and their index keys),
 * `syncedAt` when an integration (an import) writes it, and creation times.
 */
export function newRecordFields(
  identity: Identity,
  externalIds: ExternalId[],
  now: Date,
): { externalIds: ExternalId[]; externalKeys?: string[]; syncedAt: Date | null; createdAt: Date; updatedAt: Date } {
  return { ...withExternalKeys(externalIds), syncedAt: identity.role === 'integration' ? now : null, createdAt: now, updatedAt: now };
}
