import type { Segment } from '../../subgraphs/accounts/model';
import type { BillingInterval, ContractLineItem } from '../../subgraphs/contracts/model';
import type { Language } from './names';

/** The currencies demo contracts are sold in: yen for Japanese accounts, dollars for the rest. */
export type DemoCurrency = 'JPY' | 'USD';

export type PlanTier = 'STARTER' | 'PROFESSIONAL' | 'ENTERPRISE';

interface PricedProduct {
  names: Record<Language, string>;
  /** Price of one seat per year in minor units (cents, yen). */
  yearlyPerSeat: Record<DemoCurrency, number>;
}

/**
 * The demo price list. Prices keep a 2,000-account dataset's total ARR per currency well below
 * the 2^31 − 1 that `Money.amountMinor` can carry.
 */
export const PLANS: Readonly<Record<PlanTier, PricedProduct>> = {
  STARTER: { names: { ja: 'Customer Hub スタータープラン', en: 'Customer Hub Starter' }, yearlyPerSeat: { USD: 30_000, JPY: 36_000 } },
  PROFESSIONAL: {
    names: { ja: 'Customer Hub プロフェッショナルプラン', en: 'Customer Hub Professional' },
    yearlyPerSeat: { USD: 48_000, JPY: 60_000 },
  },
  ENTERPRISE: {
    names: { ja: 'Customer Hub エンタープライズプラン', en: 'Customer Hub Enterprise' },
    yearlyPerSeat: { USD: 90_000, JPY: 110_000 },
  },
};

const VIEWER_LICENCE: PricedProduct = { names: { ja: '閲覧専用ライセンス', en: 'Viewer licence' }, yearlyPerSeat: { USD: 12_000, JPY: 15_000 } };

/** Add-ons offered as cross-sells, priced per seat per year. */
export const ADD_ONS: readonly PricedProduct[] = [
  { names: { ja: 'Salesforce連携オプション', en: 'Salesforce integration add-on' }, yearlyPerSeat: { USD: 6_000, JPY: 7_200 } },
  { names: { ja: 'Slack通知アドオン', en: 'Slack alerts add-on' }, yearlyPerSeat: { USD: 3_600, JPY: 4_800 } },
  { names: { ja: 'アナリティクス拡張パック', en: 'Advanced analytics pack' }, yearlyPerSeat: { USD: 9_600, JPY: 12_000 } },
];

export const TIER_OF_SEGMENT: Readonly<Record<Segment, PlanTier>> = { SMB: 'STARTER', MID_MARKET: 'PROFESSIONAL', ENTERPRISE: 'ENTERPRISE' };

/** The next plan up, for upsells; null at the top. */
export const NEXT_TIER: Readonly<Record<PlanTier, PlanTier | null>> = { STARTER: 'PROFESSIONAL', PROFESSIONAL: 'ENTERPRISE', ENTERPRISE: null };

/** What an account buys in every term; seats and prices change from term to term. */
export interface LineItemPlan {
  tier: PlanTier;
  billingInterval: BillingInterval;
  /** Share of seats sold as cheaper viewer licences; 0 for none. */
  viewerShare: number;
}

/** Rounds a price to a whole hundred minor units: whole dollars, hundreds of yen. */
function roundPrice(amountMinor: number): number {
  return Math.max(100, Math.round(amountMinor / 100) * 100);
}

/**
 * The line items of one term with `seats` seats in total. `priceFactor` scales list prices
 * (earlier terms were a little cheaper: yearly price rises).
 */
export function buildLineItems(
  plan: LineItemPlan,
  seats: number,
  currency: DemoCurrency,
  language: Language,
  priceFactor: number,
): ContractLineItem[] {
  const viewerSeats = Math.min(seats - 1, Math.floor(seats * plan.viewerShare));
  const main = PLANS[plan.tier];
  const yearly = main.yearlyPerSeat[currency] * priceFactor;
  const items: ContractLineItem[] = [
    {
      product: main.names[language],
      seats: seats - viewerSeats,
      unitPriceMinor: roundPrice(plan.billingInterval === 'MONTH' ? yearly / 12 : yearly),
      billingInterval: plan.billingInterval,
    },
  ];
  if (viewerSeats > 0) {
    items.push({
      product: VIEWER_LICENCE.names[language],
      seats: viewerSeats,
      unitPriceMinor: roundPrice(VIEWER_LICENCE.yearlyPerSeat[currency] * priceFactor),
      billingInterval: 'YEAR',
    });
  }
  return items;
}
