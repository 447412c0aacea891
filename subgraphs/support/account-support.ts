import type { AccountSignals } from './signals-repository';

/** `Account.support`: what the schema's `AccountSupport` returns. */
export interface AccountSupport {
  openTickets: number;
  urgentOpen: number;
  csat90d: number | null;
  medianFirstResponseMinutes: number | null;
  selfServiceRate: number | null;
}

const MINUTE_MS = 60_000;

/** The middle value (the mean of the two middle values for an even count); null for none. */
export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * An account's support signals as the schema reports them. Shares are null, not zero, when there
 * is nothing to divide: "no rated tickets" is not "every customer unhappy".
 */
export function accountSupportFrom(signals: AccountSignals): AccountSupport {
  const medianMs = medianOf(signals.firstResponseMs);
  const helpNeeds = signals.articleViews30d + signals.ticketsCreated30d;
  return {
    openTickets: signals.openTickets,
    urgentOpen: signals.urgentOpen,
    csat90d: signals.rated90d > 0 ? signals.good90d / signals.rated90d : null,
    medianFirstResponseMinutes: medianMs === null ? null : Math.round(medianMs / MINUTE_MS),
    selfServiceRate: helpNeeds > 0 ? signals.articleViews30d / helpNeeds : null,
  };
}
