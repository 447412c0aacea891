const DAY_MS = 86_400_000;
/** A term that starts at most this long after the previous one ended still renews it. */
export const RENEWAL_GRACE_DAYS = 30;

export const RENEWAL_OUTCOMES = ['RENEWED', 'CHURNED'] as const;
export type RenewalOutcome = (typeof RENEWAL_OUTCOMES)[number];

/** What the outcome rules need of one contract term, as `Account.contracts` returns it. */
export interface ContractTermFacts {
  status: 'ACTIVE' | 'PENDING' | 'CANCELLED' | 'EXPIRED';
  startDate: Date;
  renewalDate: Date;
  autoRenew: boolean;
  cancelAtPeriodEnd: boolean;
  cancelledAt: Date | null;
}

function isInForceAt(term: ContractTermFacts, at: number): boolean {
  if (term.status === 'PENDING') return false;
  if (term.startDate.getTime() > at || term.renewalDate.getTime() <= at) return false;
  return term.status !== 'CANCELLED' || (term.cancelledAt !== null && term.cancelledAt.getTime() > at);
}

/**
 * How the account's renewal after `asOf` turned out, from its contract terms: the term in force at
 * `asOf` (the latest-starting one if several) is RENEWED when a following term started by `now`
 * (within the grace period after its end) or when it is still ACTIVE and auto-renewed past its
 * renewal date; CHURNED when it expired or was cancelled (at period end or outright) with no
 * following term. Unknown (null) when nothing was in force, the renewal date has not passed yet
 * (unless the term was cancelled outright before `now`) or the terms do not say.
 */
export function renewalOutcomeAt(terms: readonly ContractTermFacts[], asOf: Date, now: Date): RenewalOutcome | null {
  const at = asOf.getTime();
  const term = terms
    .filter((candidate) => isInForceAt(candidate, at))
    .reduce<ContractTermFacts | null>((latest, candidate) => (!latest || candidate.startDate > latest.startDate ? candidate : latest), null);
  if (!term) return null;
  const graceEnd = term.renewalDate.getTime() + RENEWAL_GRACE_DAYS * DAY_MS;
  const hasFollowingTerm = terms.some(
    (next) =>
      next !== term &&
      next.status !== 'PENDING' &&
      next.startDate > term.startDate &&
      next.startDate.getTime() <= Math.min(now.getTime(), graceEnd) &&
      !(next.status === 'CANCELLED' && next.cancelledAt !== null && next.cancelledAt <= next.startDate),
  );
  if (hasFollowingTerm) return 'RENEWED';
  const wasCancelledOutright = term.status === 'CANCELLED' && term.cancelledAt !== null && term.cancelledAt <= now;
  if (wasCancelledOutright) return 'CHURNED';
  if (term.renewalDate >= now) return null;
  if (term.status === 'EXPIRED' || term.status === 'CANCELLED' || term.cancelAtPeriodEnd) return 'CHURNED';
  return term.autoRenew ? 'RENEWED' : null;
}
