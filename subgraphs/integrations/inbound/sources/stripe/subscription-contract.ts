import type { StripeSubscription, StripeSubscriptionStatus } from './payloads';
import { currencyOf, lineItemsOf, UnmappableSubscription, type ContractLineItemFields } from './subscription-items';

/** Contract statuses of the graph's `ContractStatus`. */
type ContractStatus = 'ACTIVE' | 'PENDING' | 'CANCELLED';

/** The `UpsertContractInput` a subscription event becomes, without the account. */
export interface ContractFields {
  externalIds: Array<{ source: 'stripe'; id: string }>;
  status: ContractStatus;
  startDate: Date;
  renewalDate: Date;
  autoRenew: boolean;
  cancelAtPeriodEnd: boolean;
  cancelledAt?: Date;
  currency: string;
  lineItems: ContractLineItemFields[];
  sourceUpdatedAt: Date;
}

/**
 * Stripe's subscription states on the contract's. A subscription that is past due or unpaid is
 * still in force (Stripe keeps it and its invoices open), so its ARR still counts; one not paid
 * for yet (`incomplete`) or paused is not in force yet.
 */
const STATUS_OF: Readonly<Record<StripeSubscriptionStatus, ContractStatus>> = {
  trialing: 'ACTIVE',
  active: 'ACTIVE',
  past_due: 'ACTIVE',
  unpaid: 'ACTIVE',
  incomplete: 'PENDING',
  paused: 'PENDING',
  incomplete_expired: 'CANCELLED',
  canceled: 'CANCELLED',
};

const dateOf = (unixSeconds: number) => new Date(unixSeconds * 1000);

/**
 * The term: from the subscription's start to the end of its current period. Newer API versions
 * keep the period on each item; with items on different periods the contract runs to the latest
 * end, the date by which every item has come up for renewal.
 */
function termOf(subscription: StripeSubscription): { startDate: Date; renewalDate: Date } {
  const itemStarts = subscription.items.data.map((item) => item.current_period_start).filter((value) => typeof value === 'number');
  const itemEnds = subscription.items.data.map((item) => item.current_period_end).filter((value) => typeof value === 'number');
  const start = subscription.start_date ?? subscription.current_period_start ?? (itemStarts.length ? Math.min(...itemStarts) : undefined);
  const end = subscription.current_period_end ?? (itemEnds.length ? Math.max(...itemEnds) : undefined);
  if (start === undefined || end === undefined) {
    throw new UnmappableSubscription(`subscription ${subscription.id} has no start_date or current_period_end`);
  }
  return { startDate: dateOf(start), renewalDate: dateOf(end) };
}

/**
 * The contract a subscription event describes, matched by the subscription's id. A deleted
 * subscription is CANCELLED whatever its status says. It stops counting when it ended (`ended_at`:
 * for a cancellation at period end, `canceled_at` is when the customer asked, not when it stopped),
 * and one that never started (`incomplete_expired`) never counted.
 */
export function contractFromSubscription(subscription: StripeSubscription, event: { type: string; created: number }): ContractFields {
  const status = event.type === 'customer.subscription.deleted' ? 'CANCELLED' : STATUS_OF[subscription.status];
  const term = termOf(subscription);
  const cancelAtPeriodEnd = Boolean(subscription.cancel_at_period_end);
  const fields: ContractFields = {
    externalIds: [{ source: 'stripe', id: subscription.id }],
    status,
    ...term,
    autoRenew: status !== 'CANCELLED' && !cancelAtPeriodEnd && !subscription.cancel_at,
    cancelAtPeriodEnd,
    currency: currencyOf(subscription),
    lineItems: lineItemsOf(subscription),
    sourceUpdatedAt: dateOf(event.created),
  };
  if (status === 'CANCELLED') {
    const stoppedAt = subscription.status === 'incomplete_expired' ? term.startDate.getTime() / 1000 : (subscription.ended_at ?? subscription.canceled_at ?? event.created);
    fields.cancelledAt = dateOf(stoppedAt);
  }
  return fields;
}
