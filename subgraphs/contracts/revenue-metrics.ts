import { contractArrMinor, isInForceOn, type ContractTerm } from './contract-terms';

/** Retention of one currency's revenue between two dates, over the accounts paying at the start. */
export interface RevenueMetrics {
  currency: string;
  from: Date;
  to: Date;
  /** Accounts with ARR > 0 in this currency at `from`: the cohort every other figure is about. */
  accountCount: number;
  startingArrMinor: number;
  /** The cohort's ARR at `to`; accounts that started paying later are not in it. */
  endingArrMinor: number;
  /** Sum of the increases of the accounts that grew. */
  expansionArrMinor: number;
  /** Sum of the decreases of the accounts that shrank but still pay. */
  contractionArrMinor: number;
  /** Starting ARR of the accounts that pay nothing at `to`. */
  churnedArrMinor: number;
  churnedAccountCount: number;
  /** Net revenue retention: ending ÷ starting ARR. */
  netRevenueRetention: number;
  /** Gross revenue retention: Σ min(ending, starting) ÷ starting ARR; never above 1. */
  grossRevenueRetention: number;
}

/** ARR in force on `date`, per currency and then per account. */
export function arrByCurrencyAndAccount(contracts: readonly ContractTerm[], date: Date): Map<string, Map<string, number>> {
  const byCurrency = new Map<string, Map<string, number>>();
  for (const contract of contracts) {
    if (!isInForceOn(contract, date)) continue;
    const byAccount = byCurrency.get(contract.currency) ?? new Map<string, number>();
    byAccount.set(contract.accountId, (byAccount.get(contract.accountId) ?? 0) + contractArrMinor(contract));
    byCurrency.set(contract.currency, byAccount);
  }
  return byCurrency;
}

/**
 * Net and gross revenue retention from `from` to `to`, one entry per currency (sorted by code),
 * because amounts in different currencies are never added. ARR at a date is the sum of the ARR
 * of the contracts in force on that date (see `isInForceOn`). The cohort is every account with
 * ARR > 0 in that currency at `from`; an account that moved to another currency counts as
 * churned in the old one. Currencies with no starting ARR have no entry (retention of nothing
 * is undefined).
 */
export function computeRevenueMetrics(contracts: readonly ContractTerm[], from: Date, to: Date): RevenueMetrics[] {
  const starting = arrByCurrencyAndAccount(contracts, from);
  const ending = arrByCurrencyAndAccount(contracts, to);
  const metrics: RevenueMetrics[] = [];
  for (const currency of [...starting.keys()].sort()) {
    const endingByAccount = ending.get(currency) ?? new Map<string, number>();
    const totals = { accountCount: 0, start: 0, end: 0, kept: 0, expansion: 0, contraction: 0, churned: 0, churnedAccounts: 0 };
    for (const [accountId, startArr] of starting.get(currency) ?? []) {
      if (startArr <= 0) continue;
      const endArr = endingByAccount.get(accountId) ?? 0;
      totals.accountCount += 1;
      totals.start += startArr;
      totals.end += endArr;
      totals.kept += Math.min(startArr, endArr);
      if (endArr > startArr) totals.expansion += endArr - startArr;
      else if (endArr === 0) {
        totals.churned += startArr;
        totals.churnedAccounts += 1;
      } else totals.contraction += startArr - endArr;
    }
    if (totals.start === 0) continue;
    metrics.push({
      currency,
      from,
      to,
      accountCount: totals.accountCount,
      startingArrMinor: totals.start,
      endingArrMinor: totals.end,
      expansionArrMinor: totals.expansion,
      contractionArrMinor: totals.contraction,
      churnedArrMinor: totals.churned,
      churnedAccountCount: totals.churnedAccounts,
      netRevenueRetention: totals.end / totals.start,
      grossRevenueRetention: totals.kept / totals.start,
    });
  }
  return metrics;
}
