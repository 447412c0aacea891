import { z } from 'zod';
import { date, externalIdInput, id, text } from '../kit/input-fields';
import { lineItemArrMinor } from './contract-terms';
import { BILLING_INTERVALS, CONTRACT_STATUSES, OPPORTUNITY_STAGES, OPPORTUNITY_TYPES } from './model';

/** The largest amount `Money.amountMinor` (a GraphQL Int) can carry. */
export const MAX_AMOUNT_MINOR = 2_147_483_647;
export const MAX_RENEWAL_WINDOW_DAYS = 730;
/** Three years of the smallest interval: billing systems charge at least that often. */
const MAX_INTERVAL_COUNT = 1_095;

const email = z.email('must be an e-mail address').max(254).transform((value) => value.toLowerCase());
const currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as JPY or USD');
const amountMinor = z
  .number('must be a number')
  .int('must be a whole number of minor units')
  .min(0, 'must be 0 or more')
  .max(MAX_AMOUNT_MINOR, `must be at most ${MAX_AMOUNT_MINOR}`);

export const contractLineItemInput = z.strictObject({
  product: text(200),
  seats: z.number('must be a number').int('must be a whole number').min(1, 'must be at least 1').max(1_000_000, 'must be at most 1000000'),
  unitPriceMinor: amountMinor,
  billingInterval: z.enum(BILLING_INTERVALS),
  billingIntervalCount: z
    .number('must be a number')
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_INTERVAL_COUNT, `must be at most ${MAX_INTERVAL_COUNT}`)
    .optional(),
});

const lineItems = z
  .array(contractLineItemInput)
  .min(1, 'must list at least one line item')
  .max(100, 'must list at most 100 line items')
  // Money.amountMinor is a 32-bit Int: a contract whose ARR cannot be shown is refused up front.
  .refine((items) => items.reduce((sum, item) => sum + lineItemArrMinor(item), 0) <= MAX_AMOUNT_MINOR, {
    message: `must add up to an ARR of at most ${MAX_AMOUNT_MINOR} minor units`,
  });

export const upsertContractInput = z.strictObject({
  id: id.optional(),
  accountId: id.optional(),
  status: z.enum(CONTRACT_STATUSES).optional(),
  startDate: date.optional(),
  renewalDate: date.optional(),
  autoRenew: z.boolean().optional(),
  cancelAtPeriodEnd: z.boolean().optional(),
  cancelledAt: date.optional(),
  currency: currency.optional(),
  lineItems: lineItems.optional(),
  externalIds: z.array(externalIdInput).max(20).optional(),
  sourceUpdatedAt: date.optional(),
});
export type UpsertContractInput = z.output<typeof upsertContractInput>;

export const upsertOpportunityInput = z.strictObject({
  id: id.optional(),
  accountId: id.optional(),
  name: text(200).optional(),
  type: z.enum(OPPORTUNITY_TYPES).optional(),
  stage: z.enum(OPPORTUNITY_STAGES).optional(),
  amountMinor: amountMinor.optional(),
  currency: currency.optional(),
  closeDate: date.optional(),
  owner: z.strictObject({ id, name: text(200), email }).optional(),
  externalIds: z.array(externalIdInput).max(20).optional(),
});
export type UpsertOpportunityInput = z.output<typeof upsertOpportunityInput>;

export const renewalsArguments = z.strictObject({
  withinDays: z
    .number()
    .int('must be a whole number of days')
    .min(1, 'must be at least 1')
    .max(MAX_RENEWAL_WINDOW_DAYS, `must be at most ${MAX_RENEWAL_WINDOW_DAYS}`),
});

export const revenuePeriodArguments = z
  .strictObject({ from: date, to: date })
  .refine((period) => period.to > period.from, { message: 'must be after from', path: ['to'] });
