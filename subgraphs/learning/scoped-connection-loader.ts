import DataLoader from 'dataloader';
import type { Document, Filter } from 'mongodb';
import { pageSize, paginate, sortDocument, toConnection, type Connection, type KeysetSort, type PageArgs } from '../kit/pagination';
import type { HubCollection } from '../kit/store/types';

/** Equality conditions added to the parent condition, e.g. `{ status: 'COMPLETED' }`. */
export type Scope = Readonly<Record<string, string>>;

export interface ScopedChildConnectionLoader<T> {
  /** The page of `parentId`'s children within `scope`; first pages of many parents share one query. */
  load(parentId: string, scope: Scope, page: PageArgs): Promise<Connection<T>>;
}

function scopeKey(scope: Scope): string {
  return JSON.stringify(Object.entries(scope).sort(([left], [right]) => left.localeCompare(right)));
}

/**
 * Like the kit's `createChildConnectionLoader` (a user's enrollments without N+1), plus an
 * optional equality scope such as a status filter. First pages requested in one tick come from
 * one `$topN` aggregation per scope and page size, their counts from one `$group` per scope;
 * a page after a cursor takes the plain keyset query for that one parent.
 */
export function createScopedChildConnectionLoader<T extends Document>(
  collection: HubCollection<T>,
  parentField: string,
  sort: KeysetSort,
): ScopedChildConnectionLoader<T> {
  const scopes = new Map<string, Scope>();
  const grouped = <K>(keys: readonly K[], groupOf: (key: K) => string, parentOf: (key: K) => string) => {
    const groups = new Map<string, string[]>();
    for (const key of keys) groups.set(groupOf(key), [...(groups.get(groupOf(key)) ?? []), parentOf(key)]);
    return groups;
  };

  const counts = new DataLoader<readonly [scope: string, parentId: string], number, string>(
    async (keys) => {
      const found = new Map<string, number>();
      for (const [scope, parentIds] of grouped(keys, ([scope]) => scope, ([, parentId]) => parentId)) {
        const rows = await collection
          .aggregate<{ _id: string; count: number }>([
            { $match: { ...scopes.get(scope), [parentField]: { $in: parentIds } } },
            { $group: { _id: `$${parentField}`, count: { $sum: 1 } } },
          ])
          .toArray();
        for (const row of rows) found.set(`${scope}|${row._id}`, row.count);
      }
      return keys.map(([scope, parentId]) => found.get(`${scope}|${parentId}`) ?? 0);
    },
    { cacheKeyFn: ([scope, parentId]) => `${scope}|${parentId}` },
  );

  const firstPages = new DataLoader<readonly [scope: string, limit: number, parentId: string], T[], string>(
    async (keys) => {
      const pages = new Map<string, T[]>();
      const groups = grouped(keys, ([scope, limit]) => JSON.stringify([scope, limit]), ([, , parentId]) => parentId);
      for (const [group, parentIds] of groups) {
        const [scope, limit] = JSON.parse(group) as [string, number];
        const rows = await collection
          .aggregate<{ _id: string; documents: T[] }>([
            { $match: { ...scopes.get(scope), [parentField]: { $in: parentIds } } },
            { $group: { _id: `$${parentField}`, documents: { $topN: { n: limit + 1, sortBy: sortDocument(sort), output: '$$ROOT' } } } },
          ])
          .toArray();
        for (const row of rows) pages.set(`${scope}|${limit}|${row._id}`, row.documents);
      }
      return keys.map(([scope, limit, parentId]) => pages.get(`${scope}|${limit}|${parentId}`) ?? []);
    },
    { cacheKeyFn: ([scope, limit, parentId]) => `${scope}|${limit}|${parentId}` },
  );

  return {
    async load(parentId, scope, page) {
      const key = scopeKey(scope);
      scopes.set(key, scope);
      const totalCount = () => counts.load([key, parentId]);
      if (page.after) {
        const filter = { ...scope, [parentField]: parentId } as Filter<T>;
        return paginate(collection, { filter, sort, page, totalCount });
      }
      const limit = pageSize(page.first);
      const documents = limit === 0 ? [] : await firstPages.load([key, limit, parentId]);
      return toConnection(documents, limit, sort, totalCount);
    },
  };
}
