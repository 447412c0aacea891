import type { TEST_EVENT_NAME, WebhookEventName, WebhookEventType } from './event-types';

/** Where a delivery stands: waiting (first try or a retry), delivered, or given up on. */
export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A receiver of webhooks (`webhook_subscriptions`). */
export interface WebhookSubscriptionDocument {
  _id: string;
  url: string;
  events: WebhookEventType[];
  /** The `whsec_…` signing secret: stored to sign, never returned after creation. */
  secret: string;
  description: string | null;
  enabled: boolean;
  /** Failed attempts in a row across its deliveries; a success resets it. */
  consecutiveFailures: number;
  disabledReason: string | null;
  disabledAt: Date | null;
  /** The token subject that created it. */
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * One announced fact (`outbound_events`). Its id is derived from the fact (`factKey`), so a fact
 * found again, by a later scan or another process, is recognised and announced once.
 */
export interface OutboundEventDocument {
  /** `msg_…`: the `webhook-id` of every delivery of this event. */
  _id: string;
  type: WebhookEventName | typeof TEST_EVENT_NAME;
  factKey: string;
  /** The JSON body exactly as sent: the same bytes on every retry. */
  body: string;
  detectedAt: Date;
  /** When its deliveries were queued; null between storing the event and queuing them. */
  queuedAt: Date | null;
  deliveryCount: number;
}

/** One try to deliver. */
export interface DeliveryAttempt {
  attemptedAt: Date;
  /** The receiver's HTTP status; null when no answer came (refused, timed out). */
  httpStatus: number | null;
  /** Why the try failed; null on success. */
  error: string | null;
  durationMs: number;
}

/** One event on its way to one subscription (`webhook_deliveries`): the outbox and the delivery log. */
export interface WebhookDeliveryDocument {
  /** Derived from the event and the subscription, so queuing twice stores one delivery. */
  _id: string;
  eventId: string;
  subscriptionId: string;
  eventType: OutboundEventDocument['type'];
  body: string;
  status: DeliveryStatus;
  attempts: DeliveryAttempt[];
  attemptCount: number;
  /** When the next try is due; null once delivered or failed. */
  nextAttemptAt: Date | null;
  /** While a worker sends it, no other one takes it; a crashed worker's lease runs out. */
  lockedUntil: Date | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
  failedAt: Date | null;
}

/** What the last scan saw of an account's health (`outbound_health_states`), to diff the next one against. */
export interface HealthStateDocument {
  /** The account's id. */
  _id: string;
  band: string;
  score: number;
  /**
   * The score drops are measured from: the highest score since the last announced drop, so a
   * slow slide over several scans is announced once it adds up to the threshold.
   */
  dropReferenceScore: number;
  /** Counts the changes; part of the fact keys, so the same change found twice is announced once. */
  version: number;
  seenAt: Date;
}
