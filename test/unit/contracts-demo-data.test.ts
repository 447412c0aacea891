import { profileAccounts, type DemoScale, type DomainContext } from '../../scripts/demo-data/context';
import { generateContractsDemoData, type ContractsDemoData } from '../../scripts/demo-data/contracts';
import { termBoundaries } from '../../scripts/demo-data/contracts-plans';
import { generateDemoData } from '../../scripts/demo-data/generate';
import { contractArrMinor, contractSeats, currentContract } from '../../subgraphs/contracts/contract-terms';
import type { ContractDocument } from '../../subgraphs/contracts/model';
import { computeRevenueMetrics } from '../../subgraphs/contracts/revenue-metrics';

const NOW = new Date('2026-03-01T09:00:00.000Z');
const DAY_MS = 86_400_000;
const MAX_INT = 2_147_483_647;

function demoContext(seed: number, accounts: number, scale: DemoScale = 'demo'): DomainContext {
  const base = generateDemoData({ seed, now: NOW, accounts });
  return { seed, now: NOW, scale, ...base, profiles: profileAccounts(base.accounts, base.users, NOW) };
}

function groupByAccount(contracts: readonly ContractDocument[]): Map<string, ContractDocument[]> {
  const grouped = new Map<string, ContractDocument[]>();
  for (const contract of contracts) grouped.set(contract.accountId, [...(grouped.get(contract.accountId) ?? []), contract]);
  return grouped;
}

function daysUntil(date: Date): number {
  return (date.getTime() - NOW.getTime()) / DAY_MS;
}

describe('termBoundaries', () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

  it('counts yearly terms back from the renewal date to the first start', () => {
    expect(termBoundaries(day('2024-03-01'), day('2026-02-28'))).toEqual([day('2024-03-01'), day('2025-02-28'), day('2026-02-28')]);
  });

  it('folds a first term shorter than six months into the next one', () => {
    expect(termBoundaries(day('2025-01-01'), day('2026-04-01'))).toEqual([day('2025-01-01'), day('2026-04-01')]);
  });

  it('keeps at most three terms, the first one longer', () => {
    const boundaries = termBoundaries(day('2022-01-01'), day('2026-06-01'));
    expect(boundaries).toHaveLength(4);
    expect(boundaries[0]).toEqual(day('2022-01-01'));
    expect(boundaries.at(-1)).toEqual(day('2026-06-01'));
  });
});

describe.each([42, 1, 3, 1234])('contracts demo data for seed %i', (seed) => {
  const context = demoContext(seed, 40);
  const data = generateContractsDemoData(context);
  const byAccount = groupByAccount(data.contracts);
  const customers = context.profiles.filter((profile) => profile.account.customerSince !== null);
  /** Customers whose current term was cancelled months ago: they have no current contract. */
  const churned = new Set(data.contracts.filter((contract) => contract.status === 'CANCELLED').map((contract) => contract.accountId));
  const staying = customers.filter((profile) => !churned.has(profile.account._id));
  const current = staying.map((profile) => currentContract(byAccount.get(profile.account._id) ?? [], NOW));

  it('is deterministic for the same seed and now, and differs for another seed', () => {
    expect(generateContractsDemoData(demoContext(seed, 40))).toEqual(data);
    expect(generateContractsDemoData(demoContext(seed + 1, 40))).not.toEqual(data);
  });

  it('gives every customer, and no prospect, a history of one to three terms ending in one current ACTIVE contract', () => {
    const accountIds = new Set(context.accounts.map((account) => account._id));
    expect(data.contracts.every((contract) => accountIds.has(contract.accountId))).toBe(true);
    for (const profile of context.profiles) {
      const terms = byAccount.get(profile.account._id) ?? [];
      if (profile.account.customerSince === null) {
        expect(terms).toEqual([]);
        continue;
      }
      expect(terms.length).toBeGreaterThanOrEqual(1);
      expect(terms.length).toBeLessThanOrEqual(3);
      const hasChurned = churned.has(profile.account._id);
      expect(terms.map((term) => term.status)).toEqual([...terms.slice(1).map(() => 'EXPIRED'), hasChurned ? 'CANCELLED' : 'ACTIVE']);
      expect(terms[0]?.startDate).toEqual(profile.account.customerSince);
      terms.slice(1).forEach((term, index) => expect(term.startDate).toEqual(terms[index]?.renewalDate));
      expect(currentContract(terms, NOW)).toBe(hasChurned ? null : terms.at(-1));
    }
  });

  it('holds churn that already happened: a few at-risk customers cancelled their current term months ago', () => {
    expect(churned.size).toBeGreaterThanOrEqual(3);
    const atRisk = new Set(customers.filter((profile) => profile.isAtRisk).map((profile) => profile.account._id));
    for (const contract of data.contracts.filter((candidate) => candidate.status === 'CANCELLED')) {
      expect(atRisk.has(contract.accountId)).toBe(true);
      expect(contract.accountId).not.toBe('acc_0001');
      expect(contract.cancelledAt!.getTime()).toBeGreaterThan(contract.startDate.getTime());
      expect(daysUntil(contract.cancelledAt!)).toBeLessThanOrEqual(-20);
      expect(daysUntil(contract.cancelledAt!)).toBeGreaterThanOrEqual(-150);
      expect(contract).toMatchObject({ autoRenew: false, cancelAtPeriodEnd: false });
    }
  });

  it('uses unique ids with the ctr_ and opp_ prefixes', () => {
    const ids = [...data.contracts, ...data.opportunities].map((document) => document._id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(data.contracts.every((contract) => /^ctr_\d{4}_\d{2}$/.test(contract._id))).toBe(true);
    expect(data.opportunities.every((opportunity) => /^opp_\d{4}_\d{2}$/.test(opportunity._id))).toBe(true);
    const externalKeys = [...data.contracts, ...data.opportunities].flatMap((document) => document.externalKeys ?? []);
    expect(new Set(externalKeys).size).toBe(externalKeys.length);
  });

  it('sells in yen to Japanese accounts and in dollars to the rest', () => {
    const localeOf = new Map(context.accounts.map((account) => [account._id, account.locale]));
    for (const document of [...data.contracts, ...data.opportunities]) {
      expect(document.currency).toBe(localeOf.get(document.accountId) === 'ja-JP' ? 'JPY' : 'USD');
    }
  });

  it('spreads renewal dates over the next twelve months, with several in 60 to 90 days', () => {
    const days = current.map((contract) => daysUntil(contract!.renewalDate));
    expect(Math.min(...days)).toBeGreaterThan(0);
    expect(Math.max(...days)).toBeLessThanOrEqual(366);
    expect(days.filter((value) => value >= 60 && value <= 90).length).toBeGreaterThanOrEqual(3);
    expect(days.filter((value) => value > 180).length).toBeGreaterThanOrEqual(customers.length / 4);
  });

  it('licenses at least as many seats as users for most accounts, and fewer for a few', () => {
    const fewer = staying.filter((profile, index) => contractSeats(current[index]!) < profile.users.length);
    expect(fewer.length).toBeGreaterThanOrEqual(2);
    expect(fewer.length).toBeLessThanOrEqual(staying.length * 0.2);
  });

  it('shows at-risk accounts cancelling at period end or shrinking at the last renewal, and a few expansions', () => {
    const cancelling = data.contracts.filter((contract) => contract.cancelAtPeriodEnd);
    expect(cancelling.length).toBeGreaterThanOrEqual(1);
    expect(cancelling.every((contract) => contract.status === 'ACTIVE' && !contract.autoRenew)).toBe(true);
    const lastRenewalChange = [...byAccount.values()]
      .filter((terms) => terms.length > 1)
      .map((terms) => contractSeats(terms.at(-1)!) - contractSeats(terms.at(-2)!));
    expect(lastRenewalChange.filter((change) => change < 0).length).toBeGreaterThanOrEqual(1);
    expect(lastRenewalChange.filter((change) => change > 0).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps line items valid: seats at least 1, prices at least 0, ARR within a 32-bit Int', () => {
    for (const contract of data.contracts) {
      expect(contract.lineItems.length).toBeGreaterThanOrEqual(1);
      for (const item of contract.lineItems) {
        expect(item.seats).toBeGreaterThanOrEqual(1);
        expect(item.unitPriceMinor).toBeGreaterThanOrEqual(0);
        expect(Number.isInteger(item.unitPriceMinor)).toBe(true);
      }
      expect(contract.renewalDate.getTime()).toBeGreaterThan(contract.startDate.getTime());
      expect(contract.createdAt.getTime()).toBeLessThanOrEqual(contract.updatedAt.getTime());
      expect(contract.updatedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it('gives about 30 % of the customers opportunities, each consistent with its stage and account', () => {
    const withOpportunities = new Set(data.opportunities.map((opportunity) => opportunity.accountId));
    expect(withOpportunities.size).toBe(Math.round(customers.length * 0.3));
    for (const opportunity of data.opportunities) {
      expect(opportunity.amountMinor).toBeGreaterThan(0);
      const isClosed = opportunity.stage === 'WON' || opportunity.stage === 'LOST';
      expect(opportunity.closeDate.getTime() <= NOW.getTime()).toBe(isClosed);
      expect(opportunity.createdAt.getTime()).toBeLessThanOrEqual(opportunity.updatedAt.getTime());
      expect(opportunity.updatedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it('writes Japanese and English text, some of it mixed-script', () => {
    const texts = [...data.opportunities.map((opportunity) => opportunity.name), ...data.contracts.flatMap((contract) => contract.lineItems.map((item) => item.product))];
    const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
    expect(texts.some((text) => japanese.test(text))).toBe(true);
    expect(texts.some((text) => /^[\x20-\x7e]+$/.test(text))).toBe(true);
    expect(texts.some((text) => japanese.test(text) && /[A-Za-z]{3,}/.test(text))).toBe(true);
  });

  it('carries Salesforce ids exactly for accounts that are in Salesforce', () => {
    const inSalesforce = new Set(
      context.accounts.filter((account) => account.externalIds.some((id) => id.source === 'salesforce')).map((account) => account._id),
    );
    for (const document of [...data.contracts, ...data.opportunities]) {
      expect(document.externalIds.length > 0).toBe(inSalesforce.has(document.accountId));
      expect(document.syncedAt !== null).toBe(inSalesforce.has(document.accountId));
    }
  });
});

describe('contracts demo data at bench scale', () => {
  const context = demoContext(42, 2_000, 'bench');
  const data: ContractsDemoData = generateContractsDemoData(context);

  it('makes about 4,000 contracts and 1,000 opportunities for 2,000 accounts', () => {
    expect(data.contracts.length).toBeGreaterThan(3_500);
    expect(data.contracts.length).toBeLessThan(4_500);
    expect(data.opportunities.length).toBeGreaterThan(850);
    expect(data.opportunities.length).toBeLessThan(1_150);
  });

  it('keeps each currency\'s total ARR within what Money can carry', () => {
    const metrics = computeRevenueMetrics(data.contracts, new Date(NOW.getTime() - 365 * DAY_MS), NOW);
    expect(metrics.map((entry) => entry.currency)).toEqual(['JPY', 'USD']);
    for (const entry of metrics) {
      expect(entry.endingArrMinor).toBeLessThan(MAX_INT);
      expect(entry.netRevenueRetention).toBeGreaterThan(0.9);
      expect(entry.grossRevenueRetention).toBeLessThanOrEqual(1);
    }
    const total = (currency: string) =>
      data.contracts.filter((contract) => contract.currency === currency && contract.status === 'ACTIVE').reduce((sum, contract) => sum + contractArrMinor(contract), 0);
    expect(total('JPY')).toBeLessThan(MAX_INT);
    expect(total('USD')).toBeLessThan(MAX_INT);
  });
});
