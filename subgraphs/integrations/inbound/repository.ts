import type { Filter } from 'mongodb';
import { paginate, type Connection, type KeysetSort, type PageArgs } from '../../kit/pagination';
import { isDuplicateKeyError, type HubCollection, type HubDatabase } from '../../kit/store/types';
import type { InboundSourceName } from './inbound-source';
import type { InboundEventDocument, InboundEventStatus } from './model';

export const NEWEST_FIRST: KeysetSort = [
  ['receivedAt', -1],
  ['_id', -1],
];

/** What a try to apply an event ended with. */
export type ApplyOutcome =
  | { status: 'APPLIED'; result: string }
  | { status: 'PENDING'; lastError: string; nextAttemptAt: Date }
  | { status: 'FAILED'; lastError: string };

/** A lease nobody holds, or one that has run out. */
function isFree(now: Date): Filter<InboundEventDocument> {
  return { $or: [{ lockedUntil: null }, { lockedUntil: { $lte: now } }] };
}

/** The only code that touches the inbox's collection. */
export class InboxRepository {
  readonly events: HubCollection<InboundEventDocument>;

  constructor(db: HubDatabase) {
    this.events = db.collection<InboundEventDocument>('inbound_events');
  }

  /** Indexes for every query path below; created at start-up, idempotent. */
  async ensureIndexes(): Promise<void> {
    await Promise.all([
      this.events.createIndex({ source: 1, deliveryId: 1 }, { unique: true }),
      this.events.createIndex({ status: 1, receivedAt: 1, _id: 1 }),
      this.events.createIndex({ receivedAt: -1, _id: -1 }),
      this.events.createIndex({ status: 1, receivedAt: -1, _id: -1 }),
      this.events.createIndex({ source: 1, receivedAt: -1, _id: -1 }),
    ]);
  }

  /** Stores an event; false (and nothing written) when its source already sent this delivery. */
  async insertIfNew(event: InboundEventDocument): Promise<boolean> {
    try {
      await this.events.insertOne(event);
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  /** The stored events of a source with these delivery ids. */
  findDeliveries(source: InboundSourceName, deliveryIds: readonly string[]): Promise<InboundEventDocument[]> {
    return this.events.find({ source, deliveryId: { $in: [...deliveryIds] } }).toArray();
  }

  findById(id: string): Promise<InboundEventDocument | null> {
    return this.events.findOne({ _id: id });
  }

  page(filter: { status?: InboundEventStatus | undefined; source?: InboundSourceName | undefined }, page: PageArgs): Promise<Connection<InboundEventDocument>> {
    const query: Filter<InboundEventDocument> = {};
    if (filter.status) query.status = filter.status;
    if (filter.source) query.source = filter.source;
    return paginate(this.events, { filter: query, sort: NEWEST_FIRST, page });
  }

  /** Ids of the oldest events due for a try that nobody holds, oldest first. */
  async dueIds(now: Date, limit: number): Promise<string[]> {
    const due = await this.events
      .find(
        { $and: [{ status: 'PENDING', nextAttemptAt: { $lte: now } }, isFree(now)] },
        { sort: { receivedAt: 1, _id: 1 }, limit, projection: { _id: 1 } },
      )
      .toArray();
    return due.map((event) => event._id);
  }

  /**
   * Takes the lease on an event and counts the try, in one atomic update, so two processors
   * never apply it at once. A due PENDING event only, unless `anyState` (a replay). Null when it
   * is not there, not due, or someone else holds it.
   */
  claim(id: string, now: Date, leaseMs: number, options: { anyState?: boolean } = {}): Promise<InboundEventDocument | null> {
    const due: Filter<InboundEventDocument> = options.anyState ? {} : { status: 'PENDING', nextAttemptAt: { $lte: now } };
    return this.events.findOneAndUpdate(
      { $and: [{ _id: id }, due, isFree(now)] },
      { $set: { status: 'PENDING', lockedUntil: new Date(now.getTime() + leaseMs) }, $inc: { attempts: 1 } },
      { returnDocument: 'after' },
    );
  }

  /** Records how the try ended and releases the lease. */
  async settle(id: string, outcome: ApplyOutcome, now: Date): Promise<InboundEventDocument | null> {
    const fields =
      outcome.status === 'APPLIED'
        ? { status: outcome.status, result: outcome.result, appliedAt: now, nextAttemptAt: null }
        : { status: outcome.status, lastError: outcome.lastError, nextAttemptAt: outcome.status === 'PENDING' ? outcome.nextAttemptAt : null };
    return this.events.findOneAndUpdate({ _id: id }, { $set: { ...fields, lockedUntil: null } }, { returnDocument: 'after' });
  }
}
