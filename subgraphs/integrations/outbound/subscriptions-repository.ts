import type { UpdateFilter } from 'mongodb';
import { paginate, type KeysetSort, type PageArgs } from '../../kit/pagination';
import type { HubCollection, HubDatabase } from '../../kit/store/types';
import type { WebhookSubscriptionDocument } from './documents';

/** Newest subscription first. */
export const SUBSCRIPTION_ORDER: KeysetSort = [
  ['createdAt', -1],
  ['_id', -1],
];

/** The only code that touches `webhook_subscriptions`. */
export class WebhookSubscriptionsRepository {
  readonly subscriptions: HubCollection<WebhookSubscriptionDocument>;

  constructor(db: HubDatabase) {
    this.subscriptions = db.collection<WebhookSubscriptionDocument>('webhook_subscriptions');
  }

  async ensureIndexes(): Promise<void> {
    await Promise.all([this.subscriptions.createIndex({ createdAt: -1, _id: -1 }), this.subscriptions.createIndex({ enabled: 1 })]);
  }

  insert(subscription: WebhookSubscriptionDocument) {
    return this.subscriptions.insertOne(subscription);
  }

  findById(id: string) {
    return this.subscriptions.findOne({ _id: id });
  }

  list(page: PageArgs) {
    return paginate(this.subscriptions, { filter: {}, sort: SUBSCRIPTION_ORDER, page });
  }

  /** Who receives a new event now: enabled subscriptions (few; each picks its types itself). */
  listEnabled(): Promise<WebhookSubscriptionDocument[]> {
    return this.subscriptions.find({ enabled: true }).toArray();
  }

  update(id: string, update: UpdateFilter<WebhookSubscriptionDocument>) {
    return this.subscriptions.findOneAndUpdate({ _id: id }, update, { returnDocument: 'after' });
  }

  async delete(id: string): Promise<boolean> {
    return (await this.subscriptions.deleteOne({ _id: id })).deletedCount === 1;
  }

  recordSuccess(id: string) {
    return this.subscriptions.updateOne({ _id: id, consecutiveFailures: { $gt: 0 } }, { $set: { consecutiveFailures: 0 } });
  }

  /** Counts one more failed try in a row; resolves to the subscription as it now is (null when it is gone). */
  recordFailure(id: string) {
    return this.subscriptions.findOneAndUpdate({ _id: id }, { $inc: { consecutiveFailures: 1 } }, { returnDocument: 'after' });
  }

  /** Disables a subscription that is still enabled; null when another worker (or a person) got there first. */
  disable(id: string, reason: string, now: Date) {
    return this.subscriptions.findOneAndUpdate(
      { _id: id, enabled: true },
      { $set: { enabled: false, disabledReason: reason, disabledAt: now, updatedAt: now } },
      { returnDocument: 'after' },
    );
  }
}
