import DataLoader from 'dataloader';
import type { AnyBulkWriteOperation, Document, Filter, UpdateFilter } from 'mongodb';
import {
  ensureContentFeedIndexes,
  readContentChanges,
  recordRemoval,
  REMOVALS_COLLECTION,
  type ContentFeedArgs,
  type RemovalDocument,
} from '../kit/content-feed';
import { createByIdLoader, createChildConnectionLoader } from '../kit/loaders';
import type { KeysetSort, PageArgs } from '../kit/pagination';
import { paginate } from '../kit/pagination';
import { isDuplicateKeyError, type HubCollection, type HubDatabase } from '../kit/store/types';
import {
  type ArticleDocument,
  type ArticleViewDayDocument,
  type ArticleVisibility,
  type TicketDocument,
  type TicketPriority,
  type TicketStatus,
} from './model';
import { articleChange, ticketChange } from './content-changes';
import { shownUpdatedAt } from './feed-times';
import { loadAccountSignals, type AccountSignals } from './signals-repository';
import { startOfUtcDay, utcDay } from './utc-days';

export const TICKET_ORDER: KeysetSort = [
  ['createdAt', -1],
  ['_id', -1],
];
export const ARTICLE_ORDER: KeysetSort = [
  ['updatedAt', -1],
  ['_id', -1],
];

const TICKETS_COLLECTION = 'tickets';
const ARTICLES_COLLECTION = 'articles';

/** Documents per bulk write when loading demo or benchmark data. */
const LOAD_CHUNK_SIZE = 5_000;

export interface TicketListFilter {
  accountId?: string;
  requesterId?: string;
  status?: TicketStatus;
  priority?: TicketPriority;
}

export interface ArticleListFilter {
  visibilities: readonly ArticleVisibility[];
  locale?: string;
  section?: string;
  labels?: readonly string[];
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
}

/** The only code that touches the support subgraph's collections. */
export class SupportRepository {
  readonly tickets: HubCollection<TicketDocument>;
  readonly articles: HubCollection<ArticleDocument>;
  readonly articleViews: HubCollection<ArticleViewDayDocument>;
  readonly removals: HubCollection<RemovalDocument>;

  constructor(db: HubDatabase) {
    this.tickets = db.collection<TicketDocument>(TICKETS_COLLECTION);
    this.articles = db.collection<ArticleDocument>(ARTICLES_COLLECTION);
    this.articleViews = db.collection<ArticleViewDayDocument>('articleViewDays');
    this.removals = db.collection<RemovalDocument>(REMOVALS_COLLECTION);
  }

  /** Indexes for every query path below; created at start-up, idempotent. */
  async ensureIndexes(): Promise<void> {
    await Promise.all([
      this.tickets.createIndex({ createdAt: -1, _id: -1 }),
      this.tickets.createIndex({ accountId: 1, createdAt: -1, _id: -1 }),
      this.tickets.createIndex({ accountId: 1, status: 1, createdAt: -1, _id: -1 }),
      this.tickets.createIndex({ requesterId: 1, createdAt: -1, _id: -1 }),
      this.tickets.createIndex({ status: 1, priority: 1, createdAt: -1, _id: -1 }),
      this.tickets.createIndex({ accountId: 1, solvedAt: 1 }),
      this.tickets.createIndex({ externalKeys: 1 }, { unique: true, sparse: true }),
      this.articles.createIndex({ visibility: 1, updatedAt: -1, _id: -1 }),
      this.articles.createIndex({ locale: 1, section: 1, updatedAt: -1, _id: -1 }),
      this.articles.createIndex({ labels: 1 }),
      this.articles.createIndex({ externalKeys: 1 }, { unique: true, sparse: true }),
      this.articleViews.createIndex({ accountId: 1, day: 1 }),
    ]);
    // One after the other: both create the same index on the shared tombstone collection.
    await ensureContentFeedIndexes(this.tickets, this.removals);
    await ensureContentFeedIndexes(this.articles, this.removals);
  }

  /** One page of the ticket feed; tickets are never deleted, so it holds no tombstones of its own. */
  ticketChanges(args: ContentFeedArgs) {
    return readContentChanges({ items: this.tickets, source: TICKETS_COLLECTION, removals: this.removals, toChange: ticketChange }, args);
  }

  articleChanges(args: ContentFeedArgs) {
    return readContentChanges({ items: this.articles, source: ARTICLES_COLLECTION, removals: this.removals, toChange: articleChange }, args);
  }

  listTickets(filter: TicketListFilter, page: PageArgs) {
    const query: Filter<TicketDocument> = {};
    if (filter.accountId) query.accountId = filter.accountId;
    if (filter.requesterId) query.requesterId = filter.requesterId;
    if (filter.status) query.status = filter.status;
    if (filter.priority) query.priority = filter.priority;
    return paginate(this.tickets, { filter: query, sort: TICKET_ORDER, page });
  }

  listArticles(filter: ArticleListFilter, page: PageArgs) {
    const query: Filter<ArticleDocument> = { visibility: { $in: [...filter.visibilities] } };
    if (filter.locale) query.locale = filter.locale;
    if (filter.section) query.section = filter.section;
    if (filter.labels?.length) query.labels = { $all: [...filter.labels] };
    return paginate(this.articles, { filter: query, sort: ARTICLE_ORDER, page });
  }

  /**
   * Per-request loaders: create them in the request context, never share them between requests.
   * `now` fixes the 30- and 90-day windows of the account signals for the whole request.
   */
  createLoaders(now: Date) {
    return {
      ticketById: createByIdLoader(this.tickets),
      articleById: createByIdLoader(this.articles),
      ticketsOfRequester: createChildConnectionLoader(this.tickets, 'requesterId', TICKET_ORDER),
      ticketsOfAccount: createChildConnectionLoader(this.tickets, 'accountId', TICKET_ORDER),
      requesterAccountIds: new DataLoader<string, string[]>((userIds) => this.requesterAccountIds(userIds)),
      accountSignals: new DataLoader<string, AccountSignals>((accountIds) => loadAccountSignals(this.tickets, this.articleViews, accountIds, now)),
    };
  }

  /** The accounts each user asked tickets for: all we know about which account a user is in. */
  private async requesterAccountIds(userIds: readonly string[]): Promise<string[][]> {
    const rows = await this.tickets
      .aggregate<{ _id: string; accountIds: string[] }>([
        { $match: { requesterId: { $in: [...userIds] } } },
        { $group: { _id: '$requesterId', accountIds: { $addToSet: '$accountId' } } },
      ])
      .toArray();
    const byUser = new Map(rows.map((row) => [row._id, row.accountIds]));
    return userIds.map((userId) => byUser.get(userId) ?? []);
  }

  findTicketById(id: string) {
    return this.tickets.findOne({ _id: id });
  }

  findTicketByExternalKeys(keys: readonly string[]) {
    return keys.length ? this.tickets.findOne({ externalKeys: { $in: [...keys] } }) : Promise.resolve(null);
  }

  insertTicket(ticket: TicketDocument) {
    return this.tickets.insertOne(ticket);
  }

  updateTicket(id: string, update: UpdateFilter<TicketDocument>) {
    return this.tickets.findOneAndUpdate({ _id: id }, update, { returnDocument: 'after' });
  }

  findArticleById(id: string) {
    return this.articles.findOne({ _id: id });
  }

  findArticleByExternalKeys(keys: readonly string[]) {
    return keys.length ? this.articles.findOne({ externalKeys: { $in: [...keys] } }) : Promise.resolve(null);
  }

  insertArticle(article: ArticleDocument) {
    return this.articles.insertOne(article);
  }

  updateArticle(id: string, update: UpdateFilter<ArticleDocument>) {
    return this.articles.findOneAndUpdate({ _id: id }, update, { returnDocument: 'after' });
  }

  /**
   * Deletes an article, leaving its tombstone first: if the delete fails, the feed reports a
   * removal of an article that still exists, which the next write corrects, rather than never
   * reporting it. Daily view counts are per account, not per article, and stay: the reading
   * happened and still counts toward self-service.
   */
  async deleteArticle(article: ArticleDocument, at: Date): Promise<void> {
    await recordRemoval(this.removals, { id: article._id, source: ARTICLES_COLLECTION, type: 'ARTICLE', publishedAt: article.createdAt }, at);
    await this.articles.deleteOne({ _id: article._id });
  }

  /**
   * Moves an article to the end of the feed, `at`, keeping the update time the API shows. Skipped
   * (null) when another write moved it since `article` was read: that write's change already
   * carries everything `article` knew.
   */
  moveArticleInFeed(article: ArticleDocument, at: Date): Promise<ArticleDocument | null> {
    return this.articles.findOneAndUpdate(
      { _id: article._id, updatedAt: article.updatedAt },
      { $set: { updatedAt: at, contentUpdatedAt: shownUpdatedAt(article) } },
      { returnDocument: 'after' },
    );
  }

  /**
   * Counts one view: atomic `$inc`s, so concurrent views are never lost. The article's counter
   * moves only while it is public; the result is null when it is not (or does not exist).
   */
  async recordArticleView(articleId: string, accountId: string, at: Date): Promise<ArticleDocument | null> {
    const article = await this.articles.findOneAndUpdate(
      { _id: articleId, visibility: 'PUBLIC' },
      { $inc: { viewCount: 1 } },
      { returnDocument: 'after' },
    );
    if (!article) return null;
    const day = utcDay(at);
    const countView = () =>
      this.articleViews.updateOne(
        { _id: `${accountId}:${day}` },
        { $inc: { views: 1 }, $setOnInsert: { accountId, day: startOfUtcDay(at) } },
        { upsert: true },
      );
    try {
      await countView();
    } catch (error) {
      // Two first views of the day may race to insert the same document; the loser now finds it.
      if (!isDuplicateKeyError(error)) throw error;
      await countView();
    }
    return article;
  }

  /** Writes demo or bulk data in chunks, replacing by id, so loading twice changes nothing. */
  async replaceAll(data: {
    tickets: readonly TicketDocument[];
    articles: readonly ArticleDocument[];
    articleViewDays: readonly ArticleViewDayDocument[];
  }): Promise<void> {
    const replace = <T extends Document & { _id: string }>(document: T): AnyBulkWriteOperation<T> => ({
      replaceOne: { filter: { _id: document._id } as Filter<T>, replacement: document, upsert: true },
    });
    for (const chunk of chunks(data.articles, LOAD_CHUNK_SIZE)) await this.articles.bulkWrite(chunk.map(replace));
    for (const chunk of chunks(data.tickets, LOAD_CHUNK_SIZE)) await this.tickets.bulkWrite(chunk.map(replace));
    for (const chunk of chunks(data.articleViewDays, LOAD_CHUNK_SIZE)) await this.articleViews.bulkWrite(chunk.map(replace));
  }

  async isEmpty(): Promise<boolean> {
    const [tickets, articles] = await Promise.all([this.tickets.countDocuments(), this.articles.countDocuments()]);
    return tickets === 0 && articles === 0;
  }
}
