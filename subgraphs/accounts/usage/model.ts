/**
 * Product-usage documents of the accounts subgraph. Raw events are kept for idempotency and
 * audit; health and usage reports read the daily rollups.
 */

/** One user's activity on one UTC day: what every usage metric is computed from. */
export interface UsageDayDocument {
  /** `accountId|userId|YYYY-MM-DD`, so a late event updates the right day in place. */
  _id: string;
  accountId: string;
  userId: string;
  /** The UTC day, `YYYY-MM-DD`. */
  day: string;
  /** Events that day. */
  events: number;
  /** Distinct event names that day (key features and others). */
  features: string[];
  /** The latest event of that day; absent on rollups written before it was recorded. */
  lastEventAt?: Date;
}

/** Segment's two call types the hub understands: product activity and who the user is. */
export const USAGE_EVENT_TYPES = ['TRACK', 'IDENTIFY'] as const;
export type UsageEventType = (typeof USAGE_EVENT_TYPES)[number];

/**
 * One ingested call, stored as received: the unique `messageId` makes ingest idempotent (the
 * same call sent twice is stored, and counted in the rollups, once).
 */
export interface UsageEventDocument {
  _id: string;
  messageId: string;
  type: UsageEventType;
  accountId: string;
  userId: string;
  /** The `track` event name; null for `identify`. */
  event: string | null;
  /** When it happened (the sender's clock), which decides the day it counts for. */
  timestamp: Date;
  properties: Record<string, unknown>;
  /** `identify` traits (name, e-mail …) as sent; kept, not applied to the user record. */
  traits: Record<string, unknown> | null;
  receivedAt: Date;
}

/** The date part of an instant in UTC: the day a usage event counts for. */
export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** The rollup id of one user's day. */
export function usageDayId(accountId: string, userId: string, day: string): string {
  return `${accountId}|${userId}|${day}`;
}
