import { z } from 'zod';
import { toInputIssues } from '../../../../kit/validation';
import { InboundRejection } from '../../inbound-source';
import { parseJsonBody } from '../json-body';

/**
 * Stripe's event and subscription objects as its API reference documents them. Objects are loose:
 * Stripe adds fields with every API version, and a field the hub does not read must never make an
 * event invalid.
 */

const unixSeconds = z.number().int().nonnegative();

/** Every event: what is checked before it is stored, so that only the envelope can refuse it. */
export const stripeEvent = z.looseObject({
  id: z.string().regex(/^evt_\w{1,250}$/, 'must be a Stripe event id (evt_…)'),
  object: z.literal('event'),
  type: z.string().min(1).max(200),
  created: unixSeconds,
  data: z.looseObject({ object: z.looseObject({}) }),
});
export type StripeEvent = z.output<typeof stripeEvent>;

export const SUBSCRIPTION_EVENT_TYPES = [
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
] as const;

export const STRIPE_SUBSCRIPTION_STATUSES = [
  'incomplete',
  'incomplete_expired',
  'trialing',
  'active',
  'past_due',
  'canceled',
  'unpaid',
  'paused',
] as const;
export type StripeSubscriptionStatus = (typeof STRIPE_SUBSCRIPTION_STATUSES)[number];

/** Stripe ids are strings, or the object itself when the request expanded it. */
const expandable = z.union([z.string().min(1), z.looseObject({ id: z.string().min(1) })]);

const stripePrice = z.looseObject({
  id: z.string().min(1),
  currency: z.string().regex(/^[a-zA-Z]{3}$/, 'must be a three-letter currency code'),
  unit_amount: z.number().int().nonnegative().nullish(),
  /** The price in minor units with up to 12 decimals, set even when `unit_amount` is not. */
  unit_amount_decimal: z.string().regex(/^\d+(\.\d+)?$/).nullish(),
  nickname: z.string().nullish(),
  product: z.union([z.string().min(1), z.looseObject({ id: z.string().min(1), name: z.string().nullish() })]),
  recurring: z
    .looseObject({
      interval: z.enum(['day', 'week', 'month', 'year']),
      interval_count: z.number().int().min(1).default(1),
      usage_type: z.string().nullish(),
    })
    .nullish(),
});

const stripeSubscriptionItem = z.looseObject({
  id: z.string().min(1),
  price: stripePrice,
  /** Absent on metered prices, whose amount depends on usage. */
  quantity: z.number().int().nonnegative().nullish(),
  /** Where API versions from 2025-03-31 keep the billing period. */
  current_period_start: unixSeconds.nullish(),
  current_period_end: unixSeconds.nullish(),
});
export type StripeSubscriptionItem = z.output<typeof stripeSubscriptionItem>;

export const stripeSubscription = z.looseObject({
  id: z.string().regex(/^sub_\w{1,250}$/, 'must be a Stripe subscription id (sub_…)'),
  object: z.literal('subscription'),
  customer: expandable.transform((customer) => (typeof customer === 'string' ? customer : customer.id)),
  status: z.enum(STRIPE_SUBSCRIPTION_STATUSES),
  items: z.looseObject({ data: z.array(stripeSubscriptionItem).min(1, 'must hold at least one item'), has_more: z.boolean().nullish() }),
  cancel_at_period_end: z.boolean().nullish(),
  cancel_at: unixSeconds.nullish(),
  canceled_at: unixSeconds.nullish(),
  ended_at: unixSeconds.nullish(),
  start_date: unixSeconds.nullish(),
  /** On the subscription itself up to API version 2025-02-24. */
  current_period_start: unixSeconds.nullish(),
  current_period_end: unixSeconds.nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
});
export type StripeSubscription = z.output<typeof stripeSubscription>;

/** The JSON of a verified body, as a Stripe event; a 400 rejection saying what is wrong otherwise. */
export function parseStripeEventBody(rawBody: Buffer): { event: StripeEvent; json: unknown } {
  const json = parseJsonBody(rawBody);
  const parsed = stripeEvent.safeParse(json);
  if (!parsed.success) {
    const [first] = toInputIssues(parsed.error, 'event');
    throw new InboundRejection(400, 'BAD_USER_INPUT', `Invalid ${first?.field ?? 'event'}: ${first?.message ?? 'not a Stripe event'}`);
  }
  return { event: parsed.data, json };
}
