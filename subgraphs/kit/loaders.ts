import DataLoader from 'dataloader';
import type { Document, Filter } from 'mongodb';
import { pageSize, paginate, sortDocument, toConnection, type Connection, type KeysetSort, type PageArgs } from './pagination';
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

export interface ChildConnectionLoader<T> {
  /** The page of `parentId`'s children; first pages of many parents share one query. */
  load(parentId: string, page: PageArgs): Promise<Connection<T>>;
}

/**
 * Connections of children per parent (an account's users, a user's tickets) without N+1: the
 * first pages requested in one tick come from one `$topN` aggregation over all parents, and
 * their counts from one `$group`. A page after a cursor is rare (one parent at a time) and
 * takes the plain keyset query.
 */
export function createChildConnectionLoader<T extends Document>(
  collection: HubCollection<T>,
  parentField: string,
  sort: KeysetSort,
): ChildConnectionLoader<T> {
  const counts = new DataLoader<string, number>(async (parentIds) => {
    const rows = await collection
      .aggregate<{ _id: string; count: number }>([
        { $match: { [parentField]: { $in: [...parentIds] } } },
        { $group: { _id: `$${parentField}`, count: { $sum: 1 } } },
      ])
      .toArray();
    const byParent = new Map(rows.map((row) => [row._id, row.count]));
    return parentIds.map((parentId) => byParent.get(parentId) ?? 0);
  });
  // Keyed by page size and parent, so parents asking for different sizes still batch per size.
  const firstPages = new DataLoader<readonly [limit: number, parentId: string], T[], string>(
    async (keys) => {
      const parentsByLimit = new Map<number, string[]>();
      for (const [limit, parentId] of keys) parentsByLimit.set(limit, [...(parentsByLimit.get(limit) ?? []), parentId]);
      const pages = new Map<string, T[]>();
      for (const [limit, parentIds] of parentsByLimit) {
        const groups = await collection
          .aggregate<{ _id: string; documents: T[] }>([
            { $match: { [parentField]: { $in: parentIds } } },
            { $group: { _id: `$${parentField}`, documents: { $topN: { n: limit + 1, sortBy: sortDocument(sort), output: '$$ROOT' } } } },
          ])
          .toArray();
        for (const group of groups) pages.set(`${limit}:${group._id}`, group.documents);
      }
      return keys.map(([limit, parentId]) => pages.get(`${limit}:${parentId}`) ?? []);
    },
    { cacheKeyFn: ([limit, parentId]) => `${limit}:${parentId}` },
  );
  return {
    async load(parentId, page) {
      const totalCount = () => counts.load(parentId);
      const filter = { [parentField]: parentId } as Filter<T>;
      if (page.after) return paginate(collection, { filter, sort, page, totalCount });
      const limit = pageSize(page.first);
      const documents = limit === 0 ? [] : await firstPages.load([limit, parentId]);
      return toConnection(documents, limit, sort, totalCount);
    },
  };
}
