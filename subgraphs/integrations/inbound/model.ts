import type { InboundSourceName } from './inbound-source';

export const INBOUND_EVENT_STATUSES = ['PENDING', 'APPLIED', 'FAILED'] as const;
export type InboundEventStatus = (typeof INBOUND_EVENT_STATUSES)[number];

/** One received event in the inbox (`inbound_events`): kept as received, with every try to apply it. */
export interface InboundEventDocument {
  _id: string;
  source: InboundSourceName;
  /** Unique per source: a delivery sent again is recognised by it and stored once. */
  deliveryId: string;
  eventType: string;
  payload: unknown;
  /** The request body exactly as it arrived (UTF-8), for audit and for re-parsing after a fix. */
  rawBody: string;
  receivedAt: Date;
  /** The id of the request that carried it, to find its log lines. */
  requestId: string;
  status: InboundEventStatus;
  /** Tries so far, successful or not. */
  attempts: number;
  /** When the next try is due; null once applied or failed. */
  nextAttemptAt: Date | null;
  lastError: string | null;
  appliedAt: Date | null;
  /** The source's account of what applying it changed. */
  result: string | null;
  /** While a processor applies it, no other one takes it; a crashed processor's lease runs out. */
  lockedUntil: Date | null;
}
