import { createHash, randomUUID } from 'node:crypto';
import type { OutboundEventDocument, WebhookDeliveryDocument, WebhookSubscriptionDocument } from './documents';
import type { WebhookDeliveriesRepository } from './deliveries-repository';
import { TEST_EVENT_NAME, WEBHOOK_EVENT_TYPES, type WebhookBody, type WebhookEventType } from './event-types';
import type { OutboundEventsRepository } from './events-repository';
import type { WebhookSubscriptionsRepository } from './subscriptions-repository';

/** A fact a scan found, to be announced once. */
export interface DetectedFact {
  eventType: WebhookEventType;
  /** Names the fact, e.g. `user.dormant|usr_1|2026-01-02T09:00:00.000Z`: the same fact found again has the same key. */
  factKey: string;
  data: Record<string, unknown>;
}

export interface AnnounceResult {
  announced: number;
  deliveriesQueued: number;
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 24);

/** The `webhook-id` of a fact: derived from its key, so finding it twice gives the same id. */
export function eventIdFor(factKey: string): string {
  return `msg_${digest(factKey)}`;
}

function newDelivery(event: OutboundEventDocument, subscriptionId: string, now: Date): WebhookDeliveryDocument {
  return {
    _id: `dlv_${digest(`${event._id}|${subscriptionId}`)}`,
    eventId: event._id,
    subscriptionId,
    eventType: event.type,
    body: event.body,
    status: 'PENDING',
    attempts: [],
    attemptCount: 0,
    nextAttemptAt: now,
    lockedUntil: null,
    lastError: null,
    createdAt: now,
    deliveredAt: null,
    failedAt: null,
  };
}

/**
 * Turns facts into events and events into deliveries, before anything is sent: every step is
 * keyed by the fact, so a scan that stops half-way and runs again queues each delivery once.
 */
export class Outbox {
  constructor(
    private readonly events: OutboundEventsRepository,
    private readonly subscriptions: WebhookSubscriptionsRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    /** Called when deliveries were queued, so the worker sends them now rather than at its next look. */
    private readonly onQueued: () => void,
  ) {}

  /** Stores each fact not yet announced with one delivery per enabled subscription that takes its type. */
  async announce(facts: readonly DetectedFact[], now: Date): Promise<AnnounceResult> {
    const result: AnnounceResult = { announced: 0, deliveriesQueued: 0 };
    if (!facts.length) return result;
    const alreadyQueued = await this.events.findQueued(facts.map((fact) => eventIdFor(fact.factKey)));
    const fresh = facts.filter((fact) => !alreadyQueued.has(eventIdFor(fact.factKey)));
    if (!fresh.length) return result;
    const subscribers = await this.subscriptions.listEnabled();
    for (const fact of fresh) {
      const body: WebhookBody = { type: WEBHOOK_EVENT_TYPES[fact.eventType], timestamp: now.toISOString(), data: fact.data };
      const recipients = subscribers.filter((subscription) => subscription.events.includes(fact.eventType));
      result.deliveriesQueued += await this.store(fact.factKey, body, recipients, now);
      result.announced += 1;
    }
    if (result.deliveriesQueued > 0) this.onQueued();
    return result;
  }

  /** Queues a `webhook.test` event for one subscription, whatever types it takes. */
  async queueTest(subscription: WebhookSubscriptionDocument, now: Date): Promise<WebhookDeliveryDocument> {
    const body: WebhookBody = {
      type: TEST_EVENT_NAME,
      timestamp: now.toISOString(),
      data: { subscriptionId: subscription._id, message: 'A test event sent on request; it announces nothing.' },
    };
    const event = await this.events.insertIfNew(this.newEvent(`${TEST_EVENT_NAME}|${subscription._id}|${randomUUID()}`, body, now));
    const delivery = newDelivery(event, subscription._id, now);
    await this.deliveries.queue([delivery]);
    await this.events.markQueued(event._id, 1, now);
    this.onQueued();
    return delivery;
  }

  private async store(factKey: string, body: WebhookBody, recipients: readonly WebhookSubscriptionDocument[], now: Date): Promise<number> {
    // An event stored by an earlier, interrupted scan keeps its body: its bytes are what was signed.
    const event = await this.events.insertIfNew(this.newEvent(factKey, body, now));
    await this.deliveries.queue(recipients.map((subscription) => newDelivery(event, subscription._id, now)));
    await this.events.markQueued(event._id, recipients.length, now);
    return recipients.length;
  }

  private newEvent(factKey: string, body: WebhookBody, now: Date): OutboundEventDocument {
    return { _id: eventIdFor(factKey), type: body.type, factKey, body: JSON.stringify(body), detectedAt: now, queuedAt: null, deliveryCount: 0 };
  }
}
