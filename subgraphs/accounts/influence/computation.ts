/** Money as the graph returns it: an amount in minor units and its ISO 4217 currency. */
export interface Money {
  amountMinor: number;
  currency: string;
}

/** The contract statuses of the graph's `ContractStatus`. */
export type ContractStatus = 'ACTIVE' | 'PENDING' | 'CANCELLED' | 'EXPIRED';

/** The opportunity types that grow an account (a RENEWAL keeps it). */
export const EXPANSION_TYPES: ReadonlySet<string> = new Set(['EXPANSION', 'UPSELL', 'CROSS_SELL']);

/** One contract term of an account, as read from the graph. */
export interface InfluenceContract {
  status: ContractStatus;
  startDate: Date;
  renewalDate: Date;
  cancelledAt: Date | null;
  arr: Money;
}

/** One account with what community influence is computed from. */
export interface InfluenceAccount {
  id: string;
  customerSince: Date | null;
  /** When the account's earliest community member joined; null without members. */
  firstMemberJoinedAt: Date | null;
  activeMembers30d: number;
  contracts: InfluenceContract[];
  /** WON opportunities of any type with their close dates. */
  wonOpportunities: Array<{ type: string; closeDate: Date }>;
}

export interface InfluencePeriod {
  from: Date;
  to: Date;
}

export interface ExpansionCohort {
  accounts: number;
  expanded: number;
  rate: number | null;
  expandedByOpportunity: number;
  expandedByArrGrowth: number;
}

export interface CommunityInfluence {
  from: Date;
  to: Date;
  accountsExamined: number;
  influencedNewBusiness: {
    newCustomers: number;
    accounts: number;
    share: number | null;
    arr: Money[];
    newCustomerArr: Money[];
    accountsWithoutContract: number;
  };
  expansion: {
    withActiveMembers: ExpansionCohort;
    withoutActiveMembers: ExpansionCohort;
    ratio: number | null;
  };
}

/** A share of a sample; null for an empty sample, so no figure is ever NaN. */
export function rateOf(count: number, sample: number): number | null {
  return sample > 0 ? count / sample : null;
}

/**
 * Whether a contract counts towards ARR at `at`, by the graph's `ContractStatus` rules: its term
 * [startDate, renewalDate) covers the moment, PENDING never counts, CANCELLED only until `cancelledAt`.
 */
export function isInForceAt(contract: InfluenceContract, at: Date): boolean {
  const time = at.getTime();
  if (contract.status === 'PENDING') return false;
  if (contract.startDate.getTime() > time || contract.renewalDate.getTime() <= time) return false;
  if (contract.status === 'CANCELLED') return contract.cancelledAt !== null && contract.cancelledAt.getTime() > time;
  return true;
}

/** ARR in force at `at`, per currency. */
export function arrInForceAt(contracts: readonly InfluenceContract[], at: Date): Map<string, number> {
  const byCurrency = new Map<string, number>();
  for (const contract of contracts) {
    if (!isInForceAt(contract, at)) continue;
    byCurrency.set(contract.arr.currency, (byCurrency.get(contract.arr.currency) ?? 0) + contract.arr.amountMinor);
  }
  return byCurrency;
}

/** The new business an account was won with: its earliest-starting booked (not PENDING) contract. */
export function firstBookedContract(contracts: readonly InfluenceContract[]): InfluenceContract | null {
  let first: InfluenceContract | null = null;
  for (const contract of contracts) {
    if (contract.status === 'PENDING') continue;
    if (!first || contract.startDate < first.startDate) first = contract;
  }
  return first;
}

/** Whether ARR in force grew between the period's start and end in a currency the account paid in at the start. */
export function hasArrGrowth(contracts: readonly InfluenceContract[], period: InfluencePeriod): boolean {
  const atStart = arrInForceAt(contracts, period.from);
  const atEnd = arrInForceAt(contracts, period.to);
  return [...atStart].some(([currency, startArr]) => startArr > 0 && (atEnd.get(currency) ?? 0) > startArr);
}

function within(date: Date, period: InfluencePeriod): boolean {
  return date.getTime() >= period.from.getTime() && date.getTime() <= period.to.getTime();
}

function hasWonExpansion(account: InfluenceAccount, period: InfluencePeriod): boolean {
  return account.wonOpportunities.some((opportunity) => EXPANSION_TYPES.has(opportunity.type) && within(opportunity.closeDate, period));
}

function addMoney(totals: Map<string, number>, money: Money): void {
  totals.set(money.currency, (totals.get(money.currency) ?? 0) + money.amountMinor);
}

/** Per-currency totals as a Money list sorted by currency code: amounts in different currencies are never added. */
function toMoneyList(totals: Map<string, number>): Money[] {
  return [...totals]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amountMinor]) => ({ currency, amountMinor }));
}

function cohortOf(accounts: readonly InfluenceAccount[], period: InfluencePeriod): ExpansionCohort {
  let expanded = 0;
  let expandedByOpportunity = 0;
  let expandedByArrGrowth = 0;
  for (const account of accounts) {
    const byOpportunity = hasWonExpansion(account, period);
    const byArrGrowth = hasArrGrowth(account.contracts, period);
    if (byOpportunity) expandedByOpportunity += 1;
    if (byArrGrowth) expandedByArrGrowth += 1;
    if (byOpportunity || byArrGrowth) expanded += 1;
  }
  return { accounts: accounts.length, expanded, rate: rateOf(expanded, accounts.length), expandedByOpportunity, expandedByArrGrowth };
}

/**
 * Community influence over a period, from every account's community and contract data:
 * - influenced new business: of the accounts whose `customerSince` lies in [from, to] (the
 *   sample), those whose earliest member joined strictly before `customerSince`, with the ARR of
 *   their first booked contract per currency;
 * - expansion: customers of the period (`customerSince` on or before `to`) split by whether they
 *   have a member active in the last 30 days; an account expanded when it won an EXPANSION,
 *   UPSELL or CROSS_SELL opportunity closing in [from, to], or when its ARR in force at `to`
 *   exceeds its ARR in force at `from` in the same currency. The ratio compares the two rates.
 */
export function computeCommunityInfluence(accounts: readonly InfluenceAccount[], period: InfluencePeriod): CommunityInfluence {
  const newCustomers = accounts.filter((account) => account.customerSince !== null && within(account.customerSince, period));
  const influenced = newCustomers.filter(
    (account) => account.firstMemberJoinedAt !== null && account.customerSince !== null && account.firstMemberJoinedAt < account.customerSince,
  );
  const influencedArr = new Map<string, number>();
  const newCustomerArr = new Map<string, number>();
  let accountsWithoutContract = 0;
  for (const account of newCustomers) {
    const first = firstBookedContract(account.contracts);
    if (first) addMoney(newCustomerArr, first.arr);
  }
  for (const account of influenced) {
    const first = firstBookedContract(account.contracts);
    if (first) addMoney(influencedArr, first.arr);
    else accountsWithoutContract += 1;
  }

  const customers = accounts.filter((account) => account.customerSince !== null && account.customerSince.getTime() <= period.to.getTime());
  const withActiveMembers = cohortOf(
    customers.filter((account) => account.activeMembers30d > 0),
    period,
  );
  const withoutActiveMembers = cohortOf(
    customers.filter((account) => account.activeMembers30d === 0),
    period,
  );
  const ratio =
    withActiveMembers.rate !== null && withoutActiveMembers.rate !== null && withoutActiveMembers.rate > 0
      ? withActiveMembers.rate / withoutActiveMembers.rate
      : null;

  return {
    from: period.from,
    to: period.to,
    accountsExamined: accounts.length,
    influencedNewBusiness: {
      newCustomers: newCustomers.length,
      accounts: influenced.length,
      share: rateOf(influenced.length, newCustomers.length),
      arr: toMoneyList(influencedArr),
      newCustomerArr: toMoneyList(newCustomerArr),
      accountsWithoutContract,
    },
    expansion: { withActiveMembers, withoutActiveMembers, ratio },
  };
}
