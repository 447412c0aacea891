import { stripeSubscription } from '../../subgraphs/integrations/inbound/sources/stripe/payloads';
import { contractFromSubscription } from '../../subgraphs/integrations/inbound/sources/stripe/subscription-contract';
import { UnmappableSubscription } from '../../subgraphs/integrations/inbound/sources/stripe/subscription-items';
import { lineItemArrMinor } from '../../subgraphs/contracts/contract-terms';
import { FIXTURE_ANCHOR_SECONDS, stripeEvent, type StripeFixtureName, type StripeItemFixture, type StripeSubscriptionFixture } from '../fixtures/stripe/stripe-events';

const DAY = 86_400;
const at = (unixSeconds: number) => new Date(unixSeconds * 1000);

function mapped(name: StripeFixtureName, change: (subscription: StripeSubscriptionFixture) => void = () => undefined) {
  const event = stripeEvent(name, FIXTURE_ANCHOR_SECONDS);
  change(event.data.object);
  return contractFromSubscription(stripeSubscription.parse(event.data.object), event);
}

/** The subscription's first item, which every fixture has. */
function firstItem(subscription: StripeSubscriptionFixture): StripeItemFixture {
  const [item] = subscription.items.data;
  if (!item) throw new Error('the fixture has no item');
  return item;
}

const arrOf = (fields: ReturnType<typeof mapped>) => fields.lineItems.reduce((sum, item) => sum + lineItemArrMinor(item), 0);

describe('a Stripe subscription as a contract', () => {
  it('maps a monthly subscription: 2 × ¥50,000 a month is an ARR of ¥1,200,000, renewing at the period end', () => {
    const fields = mapped('customer.subscription.created');
    expect(fields).toEqual({
      externalIds: [{ source: 'stripe', id: 'sub_1QbHx2LkdIwHu7ixSakura01' }],
      status: 'ACTIVE',
      startDate: at(FIXTURE_ANCHOR_SECONDS),
      renewalDate: at(FIXTURE_ANCHOR_SECONDS + 31 * DAY),
      autoRenew: true,
      cancelAtPeriodEnd: false,
      currency: 'JPY',
      lineItems: [
        { product: 'Customer Hub Professional (monthly)', seats: 2, unitPriceMinor: 50_000, billingInterval: 'MONTH', billingIntervalCount: 1 },
      ],
      sourceUpdatedAt: at(FIXTURE_ANCHOR_SECONDS),
    });
    expect(arrOf(fields)).toBe(1_200_000);
  });

  it('takes the period from the items on newer API versions, and the expanded product\'s name', () => {
    const fields = mapped('customer.subscription.created.yearly-basil');
    expect(fields.renewalDate).toEqual(at(FIXTURE_ANCHOR_SECONDS + 365 * DAY));
    expect(fields.lineItems).toEqual([
      { product: 'Customer Hub Enterprise', seats: 5, unitPriceMinor: 1_200_000, billingInterval: 'YEAR', billingIntervalCount: 1 },
    ]);
    expect(fields.currency).toBe('USD');
    expect(arrOf(fields)).toBe(6_000_000);
  });

  it('runs a contract whose items renew at different times to the latest period end', () => {
    const fields = mapped('customer.subscription.created.yearly-basil', (subscription) => {
      subscription.items.data.push({ ...firstItem(subscription), id: 'si_monthly', current_period_end: FIXTURE_ANCHOR_SECONDS + 31 * DAY });
    });
    expect(fields.renewalDate).toEqual(at(FIXTURE_ANCHOR_SECONDS + 365 * DAY));
  });

  it('counts a price every 3 months four times a year', () => {
    const fields = mapped('customer.subscription.created.quarterly');
    expect(fields.lineItems[0]).toMatchObject({ billingInterval: 'MONTH', billingIntervalCount: 3, seats: 4, unitPriceMinor: 45_000 });
    expect(arrOf(fields)).toBe(720_000);
  });

  it('keeps a cancellation at period end: the contract stays active, does not renew', () => {
    const fields = mapped('customer.subscription.updated');
    expect(fields).toMatchObject({ status: 'ACTIVE', cancelAtPeriodEnd: true, autoRenew: false, sourceUpdatedAt: at(FIXTURE_ANCHOR_SECONDS + 5 * DAY) });
    expect(fields.lineItems[0]?.seats).toBe(3);
    expect(fields).not.toHaveProperty('cancelledAt');
  });

  it('cancels a deleted subscription as of when it ended, not when the customer asked', () => {
    const fields = mapped('customer.subscription.deleted');
    expect(fields).toMatchObject({ status: 'CANCELLED', cancelledAt: at(FIXTURE_ANCHOR_SECONDS + 31 * DAY), autoRenew: false });
  });

  it.each([
    ['trialing', 'ACTIVE'],
    ['past_due', 'ACTIVE'],
    ['unpaid', 'ACTIVE'],
    ['incomplete', 'PENDING'],
    ['paused', 'PENDING'],
    ['canceled', 'CANCELLED'],
  ])('maps the status %s to %s', (status, expected) => {
    expect(mapped('customer.subscription.created', (subscription) => (subscription.status = status)).status).toBe(expected);
  });

  it('lets an expired incomplete subscription never count: cancelled at its start', () => {
    const fields = mapped('customer.subscription.created', (subscription) => (subscription.status = 'incomplete_expired'));
    expect(fields).toMatchObject({ status: 'CANCELLED', cancelledAt: at(FIXTURE_ANCHOR_SECONDS) });
  });

  it('uses the decimal unit amount when the integer one is absent, and leaves metered items out', () => {
    const fields = mapped('customer.subscription.created', (subscription) => {
      const licensed = firstItem(subscription);
      licensed.price.unit_amount = null;
      licensed.price.unit_amount_decimal = '49999.6';
      subscription.items.data.push({
        ...licensed,
        id: 'si_metered',
        quantity: undefined,
        price: { ...licensed.price, id: 'price_metered', recurring: { interval: 'month', interval_count: 1, usage_type: 'metered' } },
      });
    });
    expect(fields.lineItems).toEqual([expect.objectContaining({ unitPriceMinor: 50_000, seats: 2 })]);
  });

  it('refuses clearly what a contract cannot hold: tiered prices, mixed currencies', () => {
    expect(() =>
      mapped('customer.subscription.created', (subscription) => {
        firstItem(subscription).price.unit_amount = null;
        firstItem(subscription).price.unit_amount_decimal = null;
      }),
    ).toThrow(new UnmappableSubscription('price price_1QZoFvLkdIwHu7ixHubProJp has no unit amount (tiered prices are not mapped to contracts)'));
    expect(() =>
      mapped('customer.subscription.created', (subscription) => {
        const first = firstItem(subscription);
        subscription.items.data.push({ ...first, id: 'si_usd', price: { ...first.price, currency: 'usd' } });
      }),
    ).toThrow(/mixes currencies \(JPY, USD\)/);
  });
});
