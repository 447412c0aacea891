import DataLoader from 'dataloader';
import type { Document, Filter } from 'mongodb';
import { pageSize, paginate, sortDocument, toConnection, type Connection, type KeysetSort, type PageArgs } from '../kit/pagination';
import type { HubCollection } from '../kit/store/types';

export interface ScopedChildConnectionLoader<T> {
  /**
   * The page of `parentId`'s children that also match `scope` (the caller's rights, a status):
   * first pages of many parents under the same scope share one query, their counts another.
   */
  load(parentId: string, scope: Filter<T>, page: PageArgs): Promise<Connection<T>>;
}

interface ScopedKey {
  parentId: string;
  scope: Document;
  limit: number;
}

/** Scopes hold plain strings, so their JSON is a faithful key. */
function scopeKey(scope: Document): string {
  return JSON.stringify(scope);
}

/** The keys of one batch grouped by what one query can answer: the same scope (and limit). */
function groupKeys(keys: readonly ScopedKey[], groupOf: (key: ScopedKey) => string): Map<string, ScopedKey[]> {
  const groups = new Map<string, ScopedKey[]>();
  for (const key of keys) groups.set(groupOf(key), [...(groups.get(groupOf(key)) ?? []), key]);
  return groups;
}

/**
 * Like the kit's child connection loader (a user's tickets without N+1), with a filter on top of
 * the parent: authorization and argument filters are applied inside the query, before paging and
 * counting, so `totalCount` never counts what the caller may not see.
 */
export function createScopedChildConnectionLoader<T extends Document>(
  collection: HubCollection<T>,
  parentField: string,
  sort: KeysetSort,
): ScopedChildConnectionLoader<T> {
  const matchOf = (scope: Document, parentIds: string[]): Document => ({ ...scope, [parentField]: { $in: parentIds } });

  const counts = new DataLoader<ScopedKey, number, string>(
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

  const firstPages = new DataLoader<ScopedKey, T[], string>(
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
    async load(parentId, scope, page) {
      const totalCount = () => counts.load({ parentId, scope, limit: 0 });
      // A page after a cursor is rare (one parent at a time) and takes the plain keyset query.
      if (page.after) {
        return paginate(collection, { filter: { ...scope, [parentField]: parentId } as Filter<T>, sort, page, totalCount });
      }
      const limit = pageSize(page.first);
      const documents = limit === 0 ? [] : await firstPages.load({ parentId, scope, limit });
      return toConnection(documents, limit, sort, totalCount);
    },
  };
}
