import type { BillingInterval, ContractDocument, ContractLineItem } from './model';

/** An amount in a currency's minor unit, as the shared `Money` type returns it. */
export interface Money {
  amountMinor: number;
  currency: string;
}

/** What the ARR rules need of a contract; lets callers fetch contracts with a projection. */
export type ContractTerm = Pick<ContractDocument, 'accountId' | 'status' | 'startDate' | 'renewalDate' | 'cancelledAt' | 'currency' | 'lineItems'>;

/** How many intervals of each kind fit in a year (52 weeks and 365 days, as billing systems count). */
const INTERVALS_PER_YEAR: Record<BillingInterval, number> = { DAY: 365, WEEK: 52, MONTH: 12, YEAR: 1 };

/**
 * Annual value of one line item: unit price × seats × charges per year (12 for monthly, 4 for
 * every 3 months), rounded to a whole minor unit when the charges do not divide the year evenly.
 */
export function lineItemArrMinor(item: ContractLineItem): number {
  const intervalCount = item.billingIntervalCount ?? 1;
  return Math.round((item.unitPriceMinor * item.seats * INTERVALS_PER_YEAR[item.billingInterval]) / intervalCount);
}

/** Annual recurring revenue of a contract: the sum over its line items, in its currency. */
export function contractArrMinor(contract: Pick<ContractDocument, 'lineItems'>): number {
  return contract.lineItems.reduce((sum, item) => sum + lineItemArrMinor(item), 0);
}

/** Total seats across a contract's line items. */
export function contractSeats(contract: Pick<ContractDocument, 'lineItems'>): number {
  return contract.lineItems.reduce((sum, item) => sum + item.seats, 0);
}

/**
 * Whether a contract counts towards ARR on `date`: its term [startDate, renewalDate) covers the
 * date and it was booked. PENDING contracts are not booked yet; a CANCELLED one counts only
 * until `cancelledAt` (never, when that is unknown); EXPIRED ones count during their old term.
 */
export function isInForceOn(contract: Pick<ContractDocument, 'status' | 'startDate' | 'renewalDate' | 'cancelledAt'>, date: Date): boolean {
  const at = date.getTime();
  if (contract.status === 'PENDING') return false;
  if (contract.startDate.getTime() > at || contract.renewalDate.getTime() <= at) return false;
  if (contract.status === 'CANCELLED') return contract.cancelledAt !== null && contract.cancelledAt.getTime() > at;
  return true;
}

/** The current contract: the ACTIVE one whose term covers `now`; the latest-starting if several do. */
export function currentContract<T extends Pick<ContractDocument, 'status' | 'startDate' | 'renewalDate'>>(
  contracts: readonly T[],
  now: Date,
): T | null {
  const at = now.getTime();
  let current: T | null = null;
  for (const contract of contracts) {
    const covers = contract.startDate.getTime() <= at && contract.renewalDate.getTime() > at;
    if (contract.status !== 'ACTIVE' || !covers) continue;
    if (!current || contract.startDate > current.startDate) current = contract;
  }
  return current;
}

/** Sum of the ARR of the contracts in force on `date` in one currency. */
export function arrInForceOn(contracts: readonly ContractTerm[], date: Date, currency: string): number {
  return contracts
    .filter((contract) => contract.currency === currency && isInForceOn(contract, date))
    .reduce((sum, contract) => sum + contractArrMinor(contract), 0);
}

/** What `Account.contract`, `arr`, `renewalDate` and `seatsLicensed` show. */
export interface AccountContractSummary<T> {
  current: T | null;
  /** ARR in force at `now` in the current contract's currency; null when nothing is in force. */
  arr: Money | null;
  renewalDate: Date | null;
  seatsLicensed: number | null;
}

/**
 * An account's contract figures at `now` from its contracts (any subset that includes those in
 * force). ARR is summed in one currency, never across currencies: the current contract's, or
 * that of the latest-starting contract still in force when none is current.
 */
export function summarizeAccountContracts<T extends ContractTerm>(contracts: readonly T[], now: Date): AccountContractSummary<T> {
  const current = currentContract(contracts, now);
  const inForce = contracts.filter((contract) => isInForceOn(contract, now));
  const latestInForce = inForce.reduce<T | null>((latest, contract) => (!latest || contract.startDate > latest.startDate ? contract : latest), null);
  const currency = current?.currency ?? latestInForce?.currency;
  return {
    current,
    arr: currency ? { amountMinor: arrInForceOn(inForce, now, currency), currency } : null,
    renewalDate: current?.renewalDate ?? null,
    seatsLicensed: current ? contractSeats(current) : null,
  };
}
