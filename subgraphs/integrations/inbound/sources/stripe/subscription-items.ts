import type { StripeSubscription, StripeSubscriptionItem } from './payloads';

/** One `ContractLineItemInput`. */
export interface ContractLineItemFields {
  product: string;
  seats: number;
  unitPriceMinor: number;
  billingInterval: 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';
  billingIntervalCount: number;
}

const INTERVAL_OF = { day: 'DAY', week: 'WEEK', month: 'MONTH', year: 'YEAR' } as const;

/** Why a subscription cannot become a contract; the event is kept and can be replayed after a fix. */
export class UnmappableSubscription extends Error {
  override name = 'UnmappableSubscription';
}

/** The price of one unit in minor units: `unit_amount`, else the decimal one rounded (tiered prices have neither). */
function unitAmountOf(item: StripeSubscriptionItem): number {
  const { price } = item;
  if (typeof price.unit_amount === 'number') return price.unit_amount;
  if (price.unit_amount_decimal) return Math.round(Number(price.unit_amount_decimal));
  throw new UnmappableSubscription(`price ${price.id} has no unit amount (tiered prices are not mapped to contracts)`);
}

/** What the contract shows as the product: its name when the event expanded it, else the price's nickname, else its id. */
function productNameOf(item: StripeSubscriptionItem): string {
  const { product, nickname } = item.price;
  if (typeof product !== 'string' && product.name) return product.name;
  return nickname || (typeof product === 'string' ? product : product.id);
}

/**
 * Line items with a fixed recurring charge. Metered items (their amount depends on usage) and
 * items of quantity 0 add nothing to ARR and are left out.
 */
export function lineItemsOf(subscription: StripeSubscription): ContractLineItemFields[] {
  const items = subscription.items.data.filter((item) => item.price.recurring?.usage_type !== 'metered' && item.quantity !== 0);
  if (items.length === 0) throw new UnmappableSubscription(`subscription ${subscription.id} has no licensed item with a quantity`);
  return items.map((item) => {
    const { recurring } = item.price;
    if (!recurring) throw new UnmappableSubscription(`price ${item.price.id} is not recurring`);
    return {
      product: productNameOf(item).slice(0, 200),
      seats: item.quantity ?? 1,
      unitPriceMinor: unitAmountOf(item),
      billingInterval: INTERVAL_OF[recurring.interval],
      billingIntervalCount: recurring.interval_count,
    };
  });
}

/** The contract's currency, upper-cased: Stripe bills every item of a subscription in one. */
export function currencyOf(subscription: StripeSubscription): string {
  const currencies = new Set(subscription.items.data.map((item) => item.price.currency.toUpperCase()));
  const [currency] = currencies;
  if (!currency || currencies.size > 1) {
    throw new UnmappableSubscription(`subscription ${subscription.id} mixes currencies (${[...currencies].join(', ')})`);
  }
  return currency;
}
