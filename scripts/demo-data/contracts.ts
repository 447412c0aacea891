import type { ContractDocument, OpportunityDocument } from '../../subgraphs/contracts/model';
import type { DomainContext } from './context';
import { createSalesforceIdFactory, type SalesforceIdFactory } from './contracts-external-ids';
import { generateOpportunities } from './contracts-opportunities';
import { accountNumberOf, planContractHistories, type ContractHistoryPlan } from './contracts-plans';
import { buildLineItems } from './contracts-pricing';
import { daysBefore, latest } from './dates';
import { withExternalKeys } from './external-ids';
import { createRandom, type Random } from './random';

/** The contracts subgraph's demo documents. */
export interface ContractsDemoData {
  contracts: ContractDocument[];
  opportunities: OpportunityDocument[];
}

/** Keeps this domain's randomness apart from every other domain's. */
const SEED_OFFSET = 404;
/** List prices rise by this share a year, so earlier terms were cheaper. */
const YEARLY_PRICE_RISE = 0.05;

function isInSalesforce(plan: ContractHistoryPlan): boolean {
  return plan.profile.account.externalIds.some((externalId) => externalId.source === 'salesforce');
}

/** Seats before the last renewal: the same, fewer (it grew since) or more (it shrank since). */
function previousSeats(random: Random, plan: ContractHistoryPlan): number {
  switch (plan.trajectory) {
    case 'FLAT':
      return plan.currentSeats;
    case 'EXPANSION':
      return Math.max(1, Math.round(plan.currentSeats * (0.55 + random.next() * 0.25)));
    case 'CONTRACTION':
      return Math.round(plan.currentSeats * (1.25 + random.next() * 0.35));
  }
}

/** An account's terms, oldest first: EXPIRED ones, then the ACTIVE one covering `now`. */
function buildContracts(random: Random, plan: ContractHistoryPlan, salesforceIds: SalesforceIdFactory, now: Date): ContractDocument[] {
  const termCount = plan.boundaries.length - 1;
  const earlierSeats = previousSeats(random, plan);
  const number = accountNumberOf(plan.profile.account._id);
  return Array.from({ length: termCount }, (_, term): ContractDocument => {
    const startDate = plan.boundaries[term] ?? now;
    const renewalDate = plan.boundaries[term + 1] ?? now;
    const isCurrent = term === termCount - 1;
    const seats = isCurrent ? plan.currentSeats : earlierSeats;
    const priceFactor = 1 - YEARLY_PRICE_RISE * (termCount - 1 - term);
    const createdAt = daysBefore(startDate, random.int(3, 30));
    const externalIds = isInSalesforce(plan) ? [salesforceIds.contract()] : [];
    const syncedAt = externalIds.length ? random.dateBetween(latest(createdAt, daysBefore(now, 7)), now) : null;
    // A cancellation is an edit made during the current term; an old term last changed when it expired.
    const lastEdit = isCurrent ? (plan.cancelAtPeriodEnd ? random.dateBetween(startDate, now) : createdAt) : renewalDate;
    return {
      _id: `ctr_${number}_${String(term + 1).padStart(2, '0')}`,
      accountId: plan.profile.account._id,
      status: isCurrent ? 'ACTIVE' : 'EXPIRED',
      startDate,
      renewalDate,
      autoRenew: isCurrent ? !plan.cancelAtPeriodEnd && random.chance(0.9) : true,
      cancelAtPeriodEnd: isCurrent && plan.cancelAtPeriodEnd,
      cancelledAt: null,
      currency: plan.currency,
      lineItems: buildLineItems(plan.lineItems, seats, plan.currency, plan.language, priceFactor),
      ...withExternalKeys(externalIds),
      syncedAt,
      createdAt,
      updatedAt: latest(lastEdit, syncedAt ?? lastEdit),
    };
  });
}

/** Customers whose current term was cancelled in the past months: outcomes a backtest can score. */
const REALIZED_CHURN = { share: 0.08, minimum: 3, termStartedDaysAgo: 200, cancelledDaysAgo: [20, 150] } as const;

/**
 * Cancels the current term of a few at-risk customers some months ago, so the demo holds churn
 * that has already happened (not only cancellations at the end of the term). Uses its own random
 * stream so every other account's data stays as it was.
 */
function realizeChurn(histories: Array<{ plan: ContractHistoryPlan; contracts: ContractDocument[] }>, context: DomainContext): void {
  const random = createRandom(context.seed + SEED_OFFSET + 1);
  const customers = histories.filter((history) => history.contracts.length > 0).length;
  const wanted = Math.max(REALIZED_CHURN.minimum, Math.round(customers * REALIZED_CHURN.share));
  const candidates = histories.filter(({ plan, contracts }) => {
    const current = contracts.at(-1);
    return (
      plan.profile.isAtRisk &&
      plan.profile.account._id !== 'acc_0001' &&
      current !== undefined &&
      current.startDate.getTime() <= daysBefore(context.now, REALIZED_CHURN.termStartedDaysAgo).getTime()
    );
  });
  for (const { contracts } of candidates.slice(0, wanted)) {
    const current = contracts.at(-1)!;
    const [latestDays, earliestDays] = REALIZED_CHURN.cancelledDaysAgo;
    const cancelledAt = random.dateBetween(latest(current.startDate, daysBefore(context.now, earliestDays)), daysBefore(context.now, latestDays));
    Object.assign(current, { status: 'CANCELLED', cancelledAt, autoRenew: false, cancelAtPeriodEnd: false, updatedAt: cancelledAt });
  }
}

/**
 * Deterministic contracts demo data for the accounts in `context`: every customer's contract
 * history (1–3 yearly terms, the current one ACTIVE) and opportunities for about 30 % of them.
 * Linear in the number of accounts.
 */
export function generateContractsDemoData(context: DomainContext): ContractsDemoData {
  const random = createRandom(context.seed + SEED_OFFSET);
  const salesforceIds = createSalesforceIdFactory(random);
  const plans = planContractHistories(random, context.profiles, context.now);
  const histories = plans.map((plan) => ({ plan, contracts: buildContracts(random, plan, salesforceIds, context.now) }));
  realizeChurn(histories, context);
  return {
    contracts: histories.flatMap((history) => history.contracts),
    opportunities: generateOpportunities(random, histories, salesforceIds, context.now),
  };
}
