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
}

/** The date part of an instant in UTC: the day a usage event counts for. */
export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
