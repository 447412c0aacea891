import type { HubCollection, HubDatabase } from '../../kit/store/types';
import { isDuplicateKeyError } from '../../kit/store/types';
import type { HealthStateDocument, OutboundEventDocument } from './documents';

/** The only code that touches what the scans remember: announced events and last seen health. */
export class OutboundEventsRepository {
  readonly events: HubCollection<OutboundEventDocument>;
  readonly healthStates: HubCollection<HealthStateDocument>;

  constructor(db: HubDatabase) {
    this.events = db.collection<OutboundEventDocument>('outbound_events');
    this.healthStates = db.collection<HealthStateDocument>('outbound_health_states');
  }

  async ensureIndexes(): Promise<void> {
    await this.events.createIndex({ detectedAt: -1 });
  }

  /** Which of these events are already stored with their deliveries queued. */
  async findQueued(ids: readonly string[]): Promise<Set<string>> {
    const found = await this.events.find({ _id: { $in: [...ids] }, queuedAt: { $ne: null } }, { projection: { _id: 1 } }).toArray();
    return new Set(found.map((event) => event._id));
  }

  /** Stores the event unless it is stored already; resolves to the stored one (whose body is what gets sent). */
  async insertIfNew(event: OutboundEventDocument): Promise<OutboundEventDocument> {
    try {
      await this.events.insertOne(event);
      return event;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return (await this.events.findOne({ _id: event._id })) ?? event;
    }
  }

  markQueued(id: string, deliveryCount: number, now: Date) {
    return this.events.updateOne({ _id: id }, { $set: { queuedAt: now, deliveryCount } });
  }

  findHealthStates(accountIds: readonly string[]): Promise<HealthStateDocument[]> {
    return this.healthStates.find({ _id: { $in: [...accountIds] } }).toArray();
  }

  async saveHealthStates(states: readonly HealthStateDocument[]): Promise<void> {
    if (!states.length) return;
    await this.healthStates.bulkWrite(states.map((state) => ({ replaceOne: { filter: { _id: state._id }, replacement: state, upsert: true } })));
  }
}
