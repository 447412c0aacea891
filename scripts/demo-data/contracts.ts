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
  return {
    contracts: histories.flatMap((history) => history.contracts),
    opportunities: generateOpportunities(random, histories, salesforceIds, context.now),
  };
}
