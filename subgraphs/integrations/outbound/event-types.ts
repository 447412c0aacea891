/**
 * The events the hub announces to webhook subscribers: the GraphQL enum values and the names
 * they carry on the wire (the body's `type`), as receivers filter on them.
 */
export const WEBHOOK_EVENT_TYPES = {
  HEALTH_BAND_CHANGED: 'health.band_changed',
  HEALTH_DROPPED: 'health.dropped',
  USER_DORMANT: 'user.dormant',
  RENEWAL_UPCOMING: 'renewal.upcoming',
  COMMUNITY_PROMOTER: 'community.promoter',
} as const;

export type WebhookEventType = keyof typeof WEBHOOK_EVENT_TYPES;
export type WebhookEventName = (typeof WEBHOOK_EVENT_TYPES)[WebhookEventType];

export const WEBHOOK_EVENT_TYPE_KEYS = Object.keys(WEBHOOK_EVENT_TYPES) as [WebhookEventType, ...WebhookEventType[]];

/** What `sendTestWebhook` sends: not subscribable, delivered only to the subscription tested. */
export const TEST_EVENT_NAME = 'webhook.test';

/** The body of every webhook, as Standard Webhooks suggests: the type, when it happened, and its data. */
export interface WebhookBody {
  type: WebhookEventName | typeof TEST_EVENT_NAME;
  /** ISO 8601: when the hub detected the fact, the same on every retry. */
  timestamp: string;
  data: Record<string, unknown>;
}
