import type { Document, Filter } from 'mongodb';
import { z } from 'zod';
import { date } from './input-fields';
import { afterCursor, pageSize, sortDocument, toPage, type Connection, type KeysetSort, type PageArgs } from './pagination';
import type { HubCollection } from './store/types';

/**
 * The content feed: how a subgraph that owns searchable content (posts, articles, courses, events,
 * tickets) tells the search subgraph what changed, through the graph. Each owner exposes one
 * `…Changes(since, first, after)` root field per kind of item, ordered by `updatedAt`; deleted
 * items leave a tombstone in the owner's `content_removals` collection so the feed can report
 * them too. The owner maps its documents to `ContentChange` itself, because only it knows who may
 * read them (the `audience`).
 */

export const CONTENT_TYPES = ['POST', 'CUSTOMER_STORY', 'ARTICLE', 'COURSE', 'EVENT', 'TICKET', 'EXTERNAL_DOCUMENT'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

export const CONTENT_AUDIENCES = ['PUBLIC', 'ACCOUNT', 'STAFF'] as const;
export type ContentAudience = (typeof CONTENT_AUDIENCES)[number];

/** The `ContentChange` GraphQL type, as resolvers return it. */
export interface ContentChange {
  id: string;
  type: ContentType;
  removed: boolean;
  title: string;
  body: string;
  tags: string[];
  locale: string;
  audience: ContentAudience;
  /** The one account that may read an ACCOUNT item; the author's account on other items. */
  accountId: string | null;
  popularity: number;
  publishedAt: Date;
  updatedAt: Date;
}

/** What a deleted item leaves behind: enough for the feed to say it is gone. */
export interface RemovalDocument {
  /** The deleted item's id (ids of every kind are prefixed, so they never collide). */
  _id: string;
  /** The collection the item was deleted from, e.g. `posts`: one feed per collection. */
  source: string;
  type: ContentType;
  /** When the item was deleted; the item's last `updatedAt` is gone with it. */
  updatedAt: Date;
  publishedAt: Date;
}

export const REMOVALS_COLLECTION = 'content_removals';
/** A feed page may be larger than other lists: the search index reads whole collections through it. */
export const FEED_MAX_PAGE_SIZE = 1_000;

const STORE_SORT: KeysetSort = [
  ['updatedAt', 1],
  ['_id', 1],
];
const CHANGE_SORT: KeysetSort = [
  ['updatedAt', 1],
  ['id', 1],
];

/** The indexes a feed reads by: create them in the owner's `ensureIndexes`. */
export async function ensureContentFeedIndexes<T extends { _id: string; updatedAt: Date }>(items: HubCollection<T>, removals: HubCollection<RemovalDocument>) {
  await Promise.all([items.createIndex({ updatedAt: 1, _id: 1 }), removals.createIndex({ source: 1, updatedAt: 1, _id: 1 })]);
}

/** Remembers that an item was deleted; call it before deleting, so a failure never loses the news. */
export async function recordRemoval(
  removals: HubCollection<RemovalDocument>,
  removal: { id: string; source: string; type: ContentType; publishedAt: Date },
  now: Date,
): Promise<void> {
  const { id, ...rest } = removal;
  await removals.updateOne({ _id: id }, { $set: { ...rest, updatedAt: now } }, { upsert: true });
}

/** A change that says the item is gone. */
export function removedChange(removal: Pick<RemovalDocument, '_id' | 'type' | 'updatedAt' | 'publishedAt'>): ContentChange {
  return {
    id: removal._id,
    type: removal.type,
    removed: true,
    title: '',
    body: '',
    tags: [],
    locale: '',
    audience: 'STAFF',
    accountId: null,
    popularity: 0,
    publishedAt: removal.publishedAt,
    updatedAt: removal.updatedAt,
  };
}

export interface ContentFeedSource<T extends { _id: string; updatedAt: Date }> {
  items: HubCollection<T>;
  /** The items' collection name, which their tombstones carry. */
  source: string;
  removals: HubCollection<RemovalDocument>;
  toChange(item: T): ContentChange;
}

export interface ContentFeedArgs extends PageArgs {
  /** Changes at or after this time; everything when absent. */
  since?: Date | null;
}

/** A feed field's arguments, as every owner's `…Changes` field takes them. */
export const contentFeedArguments = z.strictObject({
  since: date.nullish(),
  first: z.number('must be a number').int('must be a whole number').nullish(),
  after: z.string().max(1_000, 'is not a cursor from this list').nullish(),
});

/**
 * One page of changes, oldest first: live items and tombstones merged by (updatedAt, id), each
 * read from its own index with `limit + 1`, so a page costs two bounded queries.
 */
export async function readContentChanges<T extends { _id: string; updatedAt: Date }>(
  feed: ContentFeedSource<T>,
  args: ContentFeedArgs,
): Promise<Omit<Connection<ContentChange>, 'totalCount'>> {
  const limit = pageSize(args.first, FEED_MAX_PAGE_SIZE);
  const conditions: Document[] = [];
  if (args.since) conditions.push({ updatedAt: { $gte: args.since } });
  if (args.after) conditions.push(afterCursor(STORE_SORT, args.after));
  const window: Document = conditions.length ? { $and: conditions } : {};
  if (limit === 0) return toPage([], 0, CHANGE_SORT);
  const options = { sort: sortDocument(STORE_SORT), limit: limit + 1 };
  const [items, removals] = await Promise.all([
    feed.items.find(window as Filter<T>, options).toArray(),
    feed.removals.find({ $and: [{ source: feed.source }, window] } as Filter<RemovalDocument>, options).toArray(),
  ]);
  const changes = [...items.map((item) => feed.toChange(item as T)), ...removals.map(removedChange)].sort(
    (a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return toPage(changes.slice(0, limit + 1), limit, CHANGE_SORT);
}
