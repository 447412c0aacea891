import { EJSON } from 'bson';
import type { Document, Filter } from 'mongodb';
import { errors } from './errors';
import type { HubCollection } from './store/types';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  /** A function so the count query runs only when a client selects `totalCount`. */
  totalCount: () => Promise<number>;
}

/** Sort keys for keyset paging; the last key must be unique (use `_id`) so pages never overlap. */
export type KeysetSort = ReadonlyArray<readonly [field: string, direction: 1 | -1]>;

function encodeCursor(values: unknown[]): string {
  return Buffer.from(EJSON.stringify(values, { relaxed: false })).toString('base64url');
}

/** The sort values a cursor holds; BAD_USER_INPUT when it is not one of ours. */
export function decodeCursor(cursor: string, expectedLength: number): unknown[] {
  try {
    const values: unknown = EJSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === expectedLength) return values;
  } catch {
    // fall through to the coded error below
  }
  throw errors.badUserInput([{ field: 'after', message: 'is not a cursor from this list' }]);
}

/** `first` checked against the list's maximum (MAX_PAGE_SIZE unless the list allows more). */
export function pageSize(first: number | null | undefined, maxSize = MAX_PAGE_SIZE): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > maxSize) {
    throw errors.badUserInput([{ field: 'first', message: `must be between 0 and ${maxSize}` }]);
  }
  return size;
}

function valueAt(document: Document, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Document | undefined)?.[key], document);
}

/**
 * The filter for "after this cursor" under a multi-key sort:
 * (k1 > v1) or (k1 = v1 and k2 > v2) or …; each branch can use the sort's index.
 */
function afterValues(sort: KeysetSort, values: unknown[]): Document {
  const branches = sort.map(([field, direction], index) => {
    const branch: Document = {};
    for (let previous = 0; previous < index; previous += 1) branch[sort[previous]![0]] = values[previous];
    branch[field] = { [direction === 1 ? '$gt' : '$lt']: values[index] };
    return branch;
  });
  return { $or: branches };
}

/** The filter for "after this cursor" of a list sorted by `sort`; BAD_USER_INPUT for a foreign cursor. */
export function afterCursor(sort: KeysetSort, cursor: string): Document {
  return afterValues(sort, decodeCursor(cursor, sort.length));
}

/** Sort keys as a `sort` / `$sort` / `sortBy` document. */
export function sortDocument(sort: KeysetSort): Record<string, 1 | -1> {
  return Object.fromEntries(sort);
}

/**
 * A connection from one page of documents fetched with `limit + 1`: the extra document only
 * tells that a next page exists.
 */
export function toConnection<T extends Document>(
  documents: readonly T[],
  limit: number,
  sort: KeysetSort,
  totalCount: () => Promise<number>,
): Connection<T> {
  return { ...toPage(documents, limit, sort), totalCount };
}

/** Edges and page info of one page fetched with `limit + 1`, for lists that offer no count. */
export function toPage<T extends Document>(documents: readonly T[], limit: number, sort: KeysetSort): Omit<Connection<T>, 'totalCount'> {
  const edges = documents.slice(0, limit).map((node) => ({
    node,
    cursor: encodeCursor(sort.map(([field]) => valueAt(node, field))),
  }));
  return { edges, pageInfo: { hasNextPage: documents.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
}

/**
 * One page of a Relay connection by keyset paging: the query starts right after the cursor,
 * never scanning earlier pages.
 */
export async function paginate<T extends Document>(
  collection: HubCollection<T>,
  options: { filter: Filter<T>; sort: KeysetSort; page: PageArgs; projection?: Document; totalCount?: () => Promise<number> },
): Promise<Connection<T>> {
  const limit = pageSize(options.page.first);
  const filter: Document = options.page.after
    ? { $and: [options.filter, afterCursor(options.sort, options.page.after)] }
    : options.filter;
  const documents =
    limit === 0
      ? []
      : await collection
          .find(filter as Filter<T>, {
            sort: sortDocument(options.sort),
            limit: limit + 1,
            ...(options.projection ? { projection: options.projection } : {}),
          })
          .toArray();
  return toConnection(documents as T[], limit, options.sort, options.totalCount ?? (() => collection.countDocuments(options.filter)));
}
