import DataLoader from 'dataloader';
import type { AnyBulkWriteOperation } from 'mongodb';
import { createGroupLoader } from '../../kit/loaders';
import type { HubCollection, HubDatabase } from '../../kit/store/types';
import { isDuplicateKeyError } from '../../kit/store/types';
import type { UserDocument } from '../model';
import type { AccountsRepository } from '../repository';
import { usageDayId, type UsageDayDocument, type UsageEventDocument } from './model';
import { aggregateUserUsage, type UserUsageRow, type UsageWindow } from './usage-summary';

/** What one user's new events add to one of their days. */
export interface DayIncrement {
  accountId: string;
  userId: string;
  day: string;
  events: number;
  features: string[];
  lastEventAt: Date;
}

/** Bulk writes are sent in chunks of this many operations. */
const WRITE_CHUNK = 5_000;

/**
 * The only code that touches the usage collections: raw events (`usageEvents`) and daily
 * rollups (`usageDays`). Users are read, and their `lastSeenAt` advanced, through the accounts
 * repository's collection, as the same subgraph owns both.
 */
export class UsageRepository {
  readonly events: HubCollection<UsageEventDocument>;
  readonly days: HubCollection<UsageDayDocument>;

  constructor(
    db: HubDatabase,
    private readonly accounts: AccountsRepository,
  ) {
    this.events = db.collection<UsageEventDocument>('usageEvents');
    this.days = db.collection<UsageDayDocument>('usageDays');
  }

  async ensureIndexes(): Promise<void> {
    await Promise.all([
      this.events.createIndex({ messageId: 1 }, { unique: true }),
      this.events.createIndex({ userId: 1, timestamp: -1 }),
      this.days.createIndex({ accountId: 1, day: 1 }),
      this.days.createIndex({ userId: 1, day: 1 }),
    ]);
  }

  /** Per-request loaders: create them in the request context, never share them between requests. */
  createLoaders() {
    return {
      usersOfAccount: createGroupLoader(this.accounts.users, 'accountId', { sort: { name: 1, _id: 1 } }),
      userUsage: new DataLoader<{ accountId: string; window: UsageWindow }, UserUsageRow[], string>(
        async (keys) => {
          // Keys of one batch share a window in practice (one period per query); group to be safe.
          const byWindow = new Map<string, { window: UsageWindow; accountIds: string[] }>();
          for (const key of keys) {
            const windowKey = `${key.window.from.toISOString()}|${key.window.to.toISOString()}`;
            const group = byWindow.get(windowKey) ?? { window: key.window, accountIds: [] };
            group.accountIds.push(key.accountId);
            byWindow.set(windowKey, group);
          }
          const found = new Map<string, UserUsageRow[]>();
          for (const [windowKey, { window, accountIds }] of byWindow) {
            for (const row of await aggregateUserUsage(this.days, accountIds, window)) {
              const rowKey = `${windowKey}|${row.accountId}`;
              found.set(rowKey, [...(found.get(rowKey) ?? []), row]);
            }
          }
          return keys.map((key) => found.get(`${key.window.from.toISOString()}|${key.window.to.toISOString()}|${key.accountId}`) ?? []);
        },
        { cacheKeyFn: (key) => `${key.window.from.toISOString()}|${key.window.to.toISOString()}|${key.accountId}` },
      ),
    };
  }

  /** The users among `ids` that exist, with their account. */
  findUsers(ids: readonly string[]): Promise<Array<Pick<UserDocument, '_id' | 'accountId'>>> {
    return this.accounts.users.find({ _id: { $in: [...ids] } }, { projection: { _id: 1, accountId: 1 } }).toArray();
  }

  /** Which of these message ids are already stored. */
  async storedMessageIds(messageIds: readonly string[]): Promise<Set<string>> {
    if (messageIds.length === 0) return new Set();
    const found = await this.events.find({ messageId: { $in: [...messageIds] } }, { projection: { messageId: 1 } }).toArray();
    return new Set(found.map((event) => event.messageId));
  }

  /**
   * Stores events whose message ids were not stored a moment ago. Should another request store
   * one of them in between, the unique index refuses it: the events are then stored one by one
   * and only those actually inserted are returned, so nothing is counted twice.
   */
  async insertNewEvents(events: readonly UsageEventDocument[]): Promise<UsageEventDocument[]> {
    if (events.length === 0) return [];
    try {
      await this.events.insertMany(events);
      return [...events];
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    // Our ids are fresh, so a stored document with one of them is one this call inserted.
    const ids = events.map((event) => event._id);
    const ours = new Set((await this.events.find({ _id: { $in: ids } }, { projection: { _id: 1 } }).toArray()).map((event) => event._id));
    const inserted: UsageEventDocument[] = [];
    for (const event of events) {
      if (ours.has(event._id)) {
        inserted.push(event);
        continue;
      }
      try {
        await this.events.insertOne(event);
        inserted.push(event);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    return inserted;
  }

  /** Adds new events to their users' days: one upsert per user and day, all in one bulk write. */
  async addToDays(increments: readonly DayIncrement[]): Promise<void> {
    const operations = increments.map(
      (increment): AnyBulkWriteOperation<UsageDayDocument> => ({
        updateOne: {
          filter: { _id: usageDayId(increment.accountId, increment.userId, increment.day) },
          update: {
            $setOnInsert: { accountId: increment.accountId, userId: increment.userId, day: increment.day },
            $inc: { events: increment.events },
            $addToSet: { features: { $each: increment.features } },
            $max: { lastEventAt: increment.lastEventAt },
          },
          upsert: true,
        },
      }),
    );
    for (let start = 0; start < operations.length; start += WRITE_CHUNK) {
      await this.days.bulkWrite(operations.slice(start, start + WRITE_CHUNK), { ordered: false });
    }
  }

  /** Moves users' `lastSeenAt` forward (never back) to their latest event. */
  async markUsersSeen(lastSeenByUser: ReadonlyMap<string, Date>): Promise<void> {
    const operations = [...lastSeenByUser].map(
      ([userId, seenAt]): AnyBulkWriteOperation<UserDocument> => ({
        updateOne: { filter: { _id: userId }, update: { $max: { lastSeenAt: seenAt } } },
      }),
    );
    if (operations.length) await this.accounts.users.bulkWrite(operations, { ordered: false });
  }

  /** Writes demo or bulk rollups: replaces by id, so loading twice changes nothing. */
  async replaceDays(days: readonly UsageDayDocument[]): Promise<void> {
    for (let start = 0; start < days.length; start += WRITE_CHUNK) {
      await this.days.bulkWrite(
        days.slice(start, start + WRITE_CHUNK).map((document) => ({ replaceOne: { filter: { _id: document._id }, replacement: document, upsert: true } })),
        { ordered: false },
      );
    }
  }

  /** Writes rollups into an empty collection (demo data), in chunks. */
  async insertDays(days: readonly UsageDayDocument[]): Promise<void> {
    for (let start = 0; start < days.length; start += WRITE_CHUNK) await this.days.insertMany(days.slice(start, start + WRITE_CHUNK));
  }

  countDays(): Promise<number> {
    return this.days.countDocuments();
  }
}
