import { contractArrMinor, lineItemArrMinor } from '../../subgraphs/contracts/contract-terms';
import {
  type ContractDocument,
  type OpportunityDocument,
  type OpportunityStage,
  type OpportunityType,
} from '../../subgraphs/contracts/model';
import type { SalesforceIdFactory } from './contracts-external-ids';
import { accountNumberOf, type ContractHistoryPlan } from './contracts-plans';
import { ADD_ONS, NEXT_TIER, PLANS } from './contracts-pricing';
import { DAY_MS, daysAfter, daysBefore, latest } from './dates';
import { withExternalKeys } from './external-ids';
import type { Random } from './random';

/** An account's contract plan and the contracts built from it, oldest term first. */
export interface ContractHistory {
  plan: ContractHistoryPlan;
  contracts: ContractDocument[];
}

const SHARE_OF_ACCOUNTS_WITH_OPPORTUNITIES = 0.3;
/** A renewal is worked as an opportunity from this many days before the renewal date. */
const RENEWAL_HORIZON_DAYS = 120;
const OPEN_STAGES: readonly OpportunityStage[] = ['PROSPECTING', 'PROPOSAL', 'NEGOTIATION'];

/** What an opportunity is about before its dates and ids are settled. */
interface Deal {
  type: OpportunityType;
  name: string;
  amountMinor: number;
}

function daysUntil(date: Date, now: Date): number {
  return (date.getTime() - now.getTime()) / DAY_MS;
}

/** The first opportunity follows the account's situation: renewal due, seats overused, or room to grow. */
function firstType(random: Random, history: ContractHistory, current: ContractDocument, now: Date): OpportunityType {
  if (daysUntil(current.renewalDate, now) <= RENEWAL_HORIZON_DAYS) return 'RENEWAL';
  if (history.plan.currentSeats < history.plan.profile.users.length) return 'EXPANSION';
  return NEXT_TIER[history.plan.lineItems.tier] && random.chance(0.5) ? 'UPSELL' : 'CROSS_SELL';
}

function extraType(random: Random, plan: ContractHistoryPlan): OpportunityType {
  return random.pick<OpportunityType>(NEXT_TIER[plan.lineItems.tier] ? ['EXPANSION', 'UPSELL', 'CROSS_SELL'] : ['EXPANSION', 'CROSS_SELL']);
}

function describeDeal(random: Random, type: OpportunityType, plan: ContractHistoryPlan, current: ContractDocument): Deal {
  const { language, currency } = plan;
  const seats = plan.currentSeats;
  switch (type) {
    case 'RENEWAL': {
      const year = current.renewalDate.getUTCFullYear();
      const isSave = current.cancelAtPeriodEnd;
      const name = language === 'ja' ? `${year}年度 契約更新${isSave ? '（解約阻止）' : ''}` : `FY${year} renewal${isSave ? ' (save)' : ''}`;
      // A customer who has cancelled is won back, if at all, on a smaller deal.
      return { type, name, amountMinor: Math.round(contractArrMinor(current) * (isSave ? 0.6 : 1)) };
    }
    case 'EXPANSION': {
      const [main] = current.lineItems;
      const added = Math.max(0, plan.profile.users.length - seats) + random.int(2, Math.max(2, Math.ceil(seats * 0.3)));
      const perSeat = main ? lineItemArrMinor(main) / main.seats : 0;
      const name = language === 'ja' ? `ライセンス追加（${added}席）` : `Add ${added} seats`;
      return { type, name, amountMinor: Math.round(added * perSeat) };
    }
    case 'UPSELL': {
      const next = PLANS[NEXT_TIER[plan.lineItems.tier] ?? plan.lineItems.tier];
      const increase = next.yearlyPerSeat[currency] - PLANS[plan.lineItems.tier].yearlyPerSeat[currency];
      const name = language === 'ja' ? `${next.names.ja}へのアップグレード` : `Upgrade to ${next.names.en}`;
      return { type, name, amountMinor: seats * increase };
    }
    case 'CROSS_SELL': {
      const addOn = random.pick(ADD_ONS);
      const name = language === 'ja' ? `${addOn.names.ja}の導入` : addOn.names.en;
      return { type, name, amountMinor: seats * addOn.yearlyPerSeat[currency] };
    }
  }
}

/** Renewals close on the renewal date; other deals are open (closing soon) or closed in the past year. */
function scheduleDeal(random: Random, deal: Deal, current: ContractDocument, customerSince: Date, now: Date) {
  if (deal.type === 'RENEWAL') {
    const days = daysUntil(current.renewalDate, now);
    const stage: OpportunityStage = days <= 30 ? 'NEGOTIATION' : days <= 75 ? 'PROPOSAL' : 'PROSPECTING';
    return { stage, closeDate: current.renewalDate, createdAt: daysBefore(now, random.int(3, 60)) };
  }
  const earliestClose = latest(daysBefore(now, 300), daysAfter(customerSince, 14));
  if (earliestClose < daysBefore(now, 7) && random.chance(0.35)) {
    const closeDate = random.dateBetween(earliestClose, daysBefore(now, 7));
    const stage: OpportunityStage = random.chance(0.6) ? 'WON' : 'LOST';
    return { stage, closeDate, createdAt: daysBefore(closeDate, random.int(20, 90)) };
  }
  return { stage: random.pick(OPEN_STAGES), closeDate: daysAfter(now, random.int(14, 180)), createdAt: daysBefore(now, random.int(3, 60)) };
}

function opportunitiesOf(random: Random, history: ContractHistory, salesforceIds: SalesforceIdFactory, now: Date): OpportunityDocument[] {
  const current = history.contracts.at(-1);
  const { account } = history.plan.profile;
  const { customerSince } = account;
  if (!current || !customerSince) return [];
  const roll = random.next();
  const count = roll < 0.45 ? 1 : roll < 0.85 ? 2 : 3;
  const types = [firstType(random, history, current, now), ...Array.from({ length: count - 1 }, () => extraType(random, history.plan))];
  const number = accountNumberOf(account._id);
  return types.map((type, index): OpportunityDocument => {
    const deal = describeDeal(random, type, history.plan, current);
    const schedule = scheduleDeal(random, deal, current, customerSince, now);
    const { stage, closeDate } = schedule;
    // Nothing is sold to a company before it is a customer; earlier drafts count from that day.
    const createdAt = latest(schedule.createdAt, customerSince);
    const externalIds = account.externalIds.some((externalId) => externalId.source === 'salesforce') ? [salesforceIds.opportunity()] : [];
    const syncedAt = externalIds.length ? random.dateBetween(latest(createdAt, daysBefore(now, 7)), now) : null;
    const lastEdit = stage === 'WON' || stage === 'LOST' ? closeDate : random.dateBetween(createdAt, now);
    return {
      _id: `opp_${number}_${String(index + 1).padStart(2, '0')}`,
      accountId: account._id,
      ...deal,
      stage,
      currency: history.plan.currency,
      closeDate,
      owner: account.owner ? { ...account.owner } : null,
      ...withExternalKeys(externalIds),
      syncedAt,
      createdAt,
      updatedAt: latest(lastEdit, syncedAt ?? lastEdit),
    };
  });
}

/**
 * Opportunities for about 30 % of the customers: a renewal when one is due within 120 days, an
 * expansion where seats are overused, upsells and cross-sells otherwise, some already won or lost.
 */
export function generateOpportunities(
  random: Random,
  histories: readonly ContractHistory[],
  salesforceIds: SalesforceIdFactory,
  now: Date,
): OpportunityDocument[] {
  const chosen = new Set(random.shuffle(histories).slice(0, Math.round(histories.length * SHARE_OF_ACCOUNTS_WITH_OPPORTUNITIES)));
  return histories.filter((history) => chosen.has(history)).flatMap((history) => opportunitiesOf(random, history, salesforceIds, now));
}
