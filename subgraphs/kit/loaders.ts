import DataLoader from 'dataloader';
import type { Document, Filter } from 'mongodb';
import type { HubCollection } from './store/types';

/**
 * A per-request loader that batches every lookup by `_id` made in one tick into one `$in` query.
 * Create it in the request context, never at module level: a shared loader would cache one
 * caller's data for the next.
 */
export function createByIdLoader<T extends Document & { _id: string }>(
  collection: HubCollection<T>,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const found = await collection.find({ _id: { $in: [...ids] } } as Filter<T>).toArray();
    const byId = new Map(found.map((document) => [document._id as string, document as T]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * A per-request loader for one-to-many lookups (e.g. users by account): one `$in` query on
 * `field` for all keys in the tick, grouped back per key.
 */
export function createGroupLoader<T extends Document>(
  collection: HubCollection<T>,
  field: string,
  options: { sort?: Record<string, 1 | -1> } = {},
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const found = await collection
      .find({ [field]: { $in: [...keys] } } as Filter<T>, options.sort ? { sort: options.sort } : {})
      .toArray();
    const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
    for (const document of found) groups.get(String((document as Document)[field]))?.push(document as T);
    return keys.map((key) => groups.get(key) ?? []);
  });
}
