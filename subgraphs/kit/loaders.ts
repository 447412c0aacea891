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
  /**
   * The page of `parentId`'s children that also match `scope` (the caller's rights, a status
   * argument): first pages of many parents under the same scope share one query, their counts
   * another. The scope is applied before paging and counting, so `totalCount` never counts what
   * the caller may not see.
   */
  load(parentId: string, page: PageArgs, scope?: Filter<T>): Promise<Connection<T>>;
}

interface ChildPageKey {
  parentId: string;
  scope: Document;
  limit: number;
}

/** Scopes are plain data (strings, numbers, operator objects), so their JSON is a faithful key. */
function scopeKey(scope: Document): string {
  return JSON.stringify(scope);
}

/** The keys of one batch grouped by what one query can answer. */
function groupKeys(keys: readonly ChildPageKey[], groupOf: (key: ChildPageKey) => string): Map<string, ChildPageKey[]> {
  const groups = new Map<string, ChildPageKey[]>();
  for (const key of keys) groups.set(groupOf(key), [...(groups.get(groupOf(key)) ?? []), key]);
  return groups;
}

/**
 * Connections of children per parent (an account's users, a user's tickets) without N+1: the
 * first pages requested in one tick come from one `$topN` aggregation per scope and page size,
 * their counts from one `$group` per scope. A page after a cursor is rare (one parent at a time)
 * and takes the plain keyset query.
 */
export function createChildConnectionLoader<T extends Document>(
  collection: HubCollection<T>,
  parentField: string,
  sort: KeysetSort,
): ChildConnectionLoader<T> {
  const matchOf = (scope: Document, parentIds: string[]): Document => ({ ...scope, [parentField]: { $in: parentIds } });

  const counts = new DataLoader<ChildPageKey, number, string>(
    async (keys) => {
      const found = new Map<string, number>();
      for (const [group, members] of groupKeys(keys, (key) => scopeKey(key.scope))) {
        const rows = await collection
          .aggregate<{ _id: string; count: number }>([
            { $match: matchOf(members[0]!.scope, members.map((key) => key.parentId)) },
            { $group: { _id: `$${parentField}`, count: { $sum: 1 } } },
          ])
          .toArray();
        for (const row of rows) found.set(`${group}|${row._id}`, row.count);
      }
      return keys.map((key) => found.get(`${scopeKey(key.scope)}|${key.parentId}`) ?? 0);
    },
    { cacheKeyFn: (key) => `${scopeKey(key.scope)}|${key.parentId}` },
  );

  const firstPages = new DataLoader<ChildPageKey, T[], string>(
    async (keys) => {
      const found = new Map<string, T[]>();
      for (const [group, members] of groupKeys(keys, (key) => `${key.limit}|${scopeKey(key.scope)}`)) {
        const { scope, limit } = members[0]!;
        const rows = await collection
          .aggregate<{ _id: string; documents: T[] }>([
            { $match: matchOf(scope, members.map((key) => key.parentId)) },
            { $group: { _id: `$${parentField}`, documents: { $topN: { n: limit + 1, sortBy: sortDocument(sort), output: '$$ROOT' } } } },
          ])
          .toArray();
        for (const row of rows) found.set(`${group}|${row._id}`, row.documents);
      }
      return keys.map((key) => found.get(`${key.limit}|${scopeKey(key.scope)}|${key.parentId}`) ?? []);
    },
    { cacheKeyFn: (key) => `${key.limit}|${scopeKey(key.scope)}|${key.parentId}` },
  );

  return {
    async load(parentId, page, scope = {}) {
      const totalCount = () => counts.load({ parentId, scope, limit: 0 });
      if (page.after) {
        return paginate(collection, { filter: { ...scope, [parentField]: parentId } as Filter<T>, sort, page, totalCount });
      }
      const limit = pageSize(page.first);
      const documents = limit === 0 ? [] : await firstPages.load({ parentId, scope, limit });
      return toConnection(documents, limit, sort, totalCount);
    },
  };
}
