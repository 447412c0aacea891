import type { Filter } from 'mongodb';
import { paginate, type KeysetSort, type PageArgs } from '../../kit/pagination';
import type { HubCollection, HubDatabase } from '../../kit/store/types';
import type { DeliveryAttempt, DeliveryStatus, WebhookDeliveryDocument } from './documents';

/** The delivery log: newest first. */
export const DELIVERY_ORDER: KeysetSort = [
  ['createdAt', -1],
  ['_id', -1],
];

/** What one try changes besides adding itself to the log. */
export type AttemptOutcome = Pick<WebhookDeliveryDocument, 'status' | 'nextAttemptAt' | 'lastError' | 'deliveredAt' | 'failedAt'>;

const notLeased = (now: Date): Filter<WebhookDeliveryDocument> => ({ $or: [{ lockedUntil: null }, { lockedUntil: { $lte: now } }] });

/** The only code that touches `webhook_deliveries`: the outbox and the delivery log in one. */
export class WebhookDeliveriesRepository {
  readonly deliveries: HubCollection<WebhookDeliveryDocument>;

  constructor(db: HubDatabase) {
    this.deliveries = db.collection<WebhookDeliveryDocument>('webhook_deliveries');
  }

  async ensureIndexes(): Promise<void> {
    await Promise.all([
      this.deliveries.createIndex({ status: 1, nextAttemptAt: 1 }),
      this.deliveries.createIndex({ subscriptionId: 1, createdAt: -1, _id: -1 }),
      this.deliveries.createIndex({ subscriptionId: 1, status: 1, createdAt: -1, _id: -1 }),
    ]);
  }

  /** Stores deliveries not stored yet; a delivery queued twice (same id) stays as it is. */
  async queue(deliveries: readonly WebhookDeliveryDocument[]): Promise<void> {
    if (!deliveries.length) return;
    await this.deliveries.bulkWrite(
      deliveries.map(({ _id, ...fields }) => ({ updateOne: { filter: { _id }, update: { $setOnInsert: fields }, upsert: true } })),
      { ordered: false },
    );
  }

  findById(id: string) {
    return this.deliveries.findOne({ _id: id });
  }

  list(subscriptionId: string, status: DeliveryStatus | undefined, page: PageArgs) {
    const filter: Filter<WebhookDeliveryDocument> = status ? { subscriptionId, status } : { subscriptionId };
    return paginate(this.deliveries, { filter, sort: DELIVERY_ORDER, page });
  }

  /** Pending deliveries whose time has come and that no worker holds, soonest first. */
  findDue(now: Date, limit: number): Promise<WebhookDeliveryDocument[]> {
    return this.deliveries
      .find({ status: 'PENDING', nextAttemptAt: { $lte: now }, ...notLeased(now) }, { sort: { nextAttemptAt: 1, _id: 1 }, limit })
      .toArray();
  }

  /** When the next free pending delivery is due; null when none waits. */
  async nextDueAt(now: Date): Promise<Date | null> {
    const [next] = await this.deliveries
      .find({ status: 'PENDING', ...notLeased(now) }, { sort: { nextAttemptAt: 1 }, limit: 1, projection: { nextAttemptAt: 1 } })
      .toArray();
    return next?.nextAttemptAt ?? null;
  }

  /** Takes a due delivery for one worker until `leaseUntil`; null when another worker took it first. */
  claim(id: string, now: Date, leaseUntil: Date) {
    return this.deliveries.findOneAndUpdate(
      { _id: id, status: 'PENDING', ...notLeased(now) },
      { $set: { lockedUntil: leaseUntil } },
      { returnDocument: 'after' },
    );
  }

  /** Adds a try to the log and applies its outcome; releases the lease. */
  recordAttempt(id: string, attempt: DeliveryAttempt, outcome: AttemptOutcome) {
    return this.deliveries.updateOne({ _id: id }, { $push: { attempts: attempt }, $inc: { attemptCount: 1 }, $set: { ...outcome, lockedUntil: null } });
  }

  /** Lets other workers take a delivery again without counting a try (the service is stopping). */
  release(id: string) {
    return this.deliveries.updateOne({ _id: id }, { $set: { lockedUntil: null } });
  }

  /** Gives up on a delivery that still waits (its subscription is gone or disabled). */
  fail(id: string, reason: string, now: Date) {
    return this.deliveries.updateOne(
      { _id: id, status: 'PENDING' },
      { $set: { status: 'FAILED', lastError: reason, nextAttemptAt: null, failedAt: now, lockedUntil: null } },
    );
  }

  /**
   * Gives up on the waiting deliveries of a subscription that was disabled. Those another worker
   * is sending are left to it: it gives them up when its try has been logged.
   */
  failPendingOf(subscriptionId: string, reason: string, now: Date) {
    return this.deliveries.updateMany(
      { subscriptionId, status: 'PENDING', ...notLeased(now) },
      { $set: { status: 'FAILED', lastError: reason, nextAttemptAt: null, failedAt: now, lockedUntil: null } },
    );
  }

  deleteOf(subscriptionId: string) {
    return this.deliveries.deleteMany({ subscriptionId });
  }
}
