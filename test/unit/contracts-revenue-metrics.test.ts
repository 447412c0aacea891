import type { ContractTerm } from '../../subgraphs/contracts/contract-terms';
import { arrByCurrencyAndAccount, computeRevenueMetrics } from '../../subgraphs/contracts/revenue-metrics';

const FROM = new Date('2025-01-01T00:00:00Z');
const TO = new Date('2026-01-01T00:00:00Z');

/** A yearly term of one line item whose ARR is `arrMinor`, covering [start, end). */
function term(accountId: string, arrMinor: number, start: string, end: string, overrides: Partial<ContractTerm> = {}): ContractTerm {
  return {
    accountId,
    status: 'ACTIVE',
    startDate: new Date(start),
    renewalDate: new Date(end),
    cancelledAt: null,
    currency: 'USD',
    lineItems: [{ product: 'Plan', seats: 1, unitPriceMinor: arrMinor, billingInterval: 'YEAR' }],
    ...overrides,
  };
}

/** Terms covering FROM (2024-07 → 2025-07) and TO (2025-07 → 2026-07) for one account. */
function history(accountId: string, arrAtFrom: number, arrAtTo: number, overrides: Partial<ContractTerm> = {}): ContractTerm[] {
  const terms = [term(accountId, arrAtFrom, '2024-07-01T00:00:00Z', '2025-07-01T00:00:00Z', { status: 'EXPIRED', ...overrides })];
  if (arrAtTo > 0) terms.push(term(accountId, arrAtTo, '2025-07-01T00:00:00Z', '2026-07-01T00:00:00Z', overrides));
  return terms;
}

describe('computeRevenueMetrics', () => {
  it('computes NRR, GRR and the bridge from starting to ending ARR for a hand-checked book', () => {
    const contracts = [
      ...history('acc_a', 1_000, 1_200), // grew by 200
      ...history('acc_b', 2_000, 1_500), // shrank by 500
      ...history('acc_c', 500, 0), // churned 500
      term('acc_d', 800, '2025-03-01T00:00:00Z', '2026-03-01T00:00:00Z'), // new after FROM: not in the cohort
    ];
    const [usd, ...others] = computeRevenueMetrics(contracts, FROM, TO);
    expect(others).toEqual([]);
    // starting 1000 + 2000 + 500 = 3500; ending 1200 + 1500 + 0 = 2700 (acc_d's 800 left out).
    // NRR = 2700 / 3500; GRR = (min(1000,1200) + min(2000,1500) + min(500,0)) / 3500 = 2500 / 3500.
    expect(usd).toEqual({
      currency: 'USD',
      from: FROM,
      to: TO,
      accountCount: 3,
      startingArrMinor: 3_500,
      endingArrMinor: 2_700,
      expansionArrMinor: 200,
      contractionArrMinor: 500,
      churnedArrMinor: 500,
      churnedAccountCount: 1,
      netRevenueRetention: 2_700 / 3_500,
      grossRevenueRetention: 2_500 / 3_500,
    });
    expect(usd!.netRevenueRetention).toBeCloseTo(0.7714, 4);
    expect(usd!.grossRevenueRetention).toBeCloseTo(0.7143, 4);
    expect(usd!.startingArrMinor + usd!.expansionArrMinor - usd!.contractionArrMinor - usd!.churnedArrMinor).toBe(usd!.endingArrMinor);
  });

  it('reports each currency on its own and never adds yen to dollars', () => {
    const contracts = [
      ...history('acc_us', 10_000, 11_000),
      ...history('acc_jp', 1_200_000, 1_200_000, { currency: 'JPY' }),
      ...history('acc_jp2', 600_000, 300_000, { currency: 'JPY' }),
    ];
    const metrics = computeRevenueMetrics(contracts, FROM, TO);
    expect(metrics.map((entry) => entry.currency)).toEqual(['JPY', 'USD']);
    const [jpy, usd] = metrics;
    // JPY: starting 1,800,000, ending 1,500,000 → NRR 5/6; GRR (1,200,000 + 300,000) / 1,800,000 → 5/6.
    expect(jpy).toMatchObject({ startingArrMinor: 1_800_000, endingArrMinor: 1_500_000, contractionArrMinor: 300_000, expansionArrMinor: 0 });
    expect(jpy!.netRevenueRetention).toBeCloseTo(5 / 6, 10);
    expect(jpy!.grossRevenueRetention).toBeCloseTo(5 / 6, 10);
    // USD: 10,000 → 11,000 → NRR 1.1, GRR 1.
    expect(usd).toMatchObject({ startingArrMinor: 10_000, endingArrMinor: 11_000, expansionArrMinor: 1_000 });
    expect(usd!.netRevenueRetention).toBeCloseTo(1.1, 10);
    expect(usd!.grossRevenueRetention).toBe(1);
  });

  it('sums every contract in force for an account, and annualizes monthly prices', () => {
    const monthly = term('acc_a', 0, '2024-10-01T00:00:00Z', '2025-10-01T00:00:00Z', {
      lineItems: [{ product: 'Starter', seats: 5, unitPriceMinor: 2_000, billingInterval: 'MONTH' }],
    });
    const addOn = term('acc_a', 30_000, '2024-12-01T00:00:00Z', '2025-12-01T00:00:00Z');
    // At FROM: 5 seats × 2,000 × 12 = 120,000 plus 30,000 = 150,000. At TO neither is in force: churned.
    const [usd] = computeRevenueMetrics([monthly, addOn], FROM, TO);
    expect(usd).toMatchObject({ accountCount: 1, startingArrMinor: 150_000, endingArrMinor: 0, churnedArrMinor: 150_000, churnedAccountCount: 1 });
    expect(usd!.netRevenueRetention).toBe(0);
    expect(usd!.grossRevenueRetention).toBe(0);
  });

  it('counts PENDING contracts never, CANCELLED ones until cancelledAt, and a term from its start up to (not at) its end', () => {
    const contracts = [
      term('acc_pending', 1_000, '2024-01-01T00:00:00Z', '2027-01-01T00:00:00Z', { status: 'PENDING' }),
      term('acc_cancelled', 1_000, '2024-06-01T00:00:00Z', '2026-06-01T00:00:00Z', {
        status: 'CANCELLED',
        cancelledAt: new Date('2025-09-01T00:00:00Z'),
      }),
      term('acc_ends_at_to', 1_000, '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
    ];
    const [usd] = computeRevenueMetrics(contracts, FROM, TO);
    // The cohort: acc_cancelled (in force at FROM) and acc_ends_at_to (starts exactly at FROM); both gone at TO.
    expect(usd).toMatchObject({ accountCount: 2, startingArrMinor: 2_000, endingArrMinor: 0, churnedAccountCount: 2 });
  });

  it('treats a move to another currency as churn in the old one and leaves the new one out', () => {
    const contracts = [
      term('acc_a', 5_000, '2024-07-01T00:00:00Z', '2025-07-01T00:00:00Z', { status: 'EXPIRED' }),
      term('acc_a', 700_000, '2025-07-01T00:00:00Z', '2026-07-01T00:00:00Z', { currency: 'JPY' }),
    ];
    expect(computeRevenueMetrics(contracts, FROM, TO)).toEqual([
      expect.objectContaining({ currency: 'USD', startingArrMinor: 5_000, endingArrMinor: 0, churnedArrMinor: 5_000 }),
    ]);
  });

  it('returns nothing when no account paid at the start, and leaves out free accounts', () => {
    expect(computeRevenueMetrics([], FROM, TO)).toEqual([]);
    const free = history('acc_free', 0, 1_000);
    expect(computeRevenueMetrics(free, FROM, TO)).toEqual([]);
  });
});

describe('arrByCurrencyAndAccount', () => {
  it('groups the ARR in force on a date by currency and account', () => {
    const contracts = [
      term('acc_a', 100, '2024-06-01T00:00:00Z', '2025-06-01T00:00:00Z'),
      term('acc_a', 50, '2024-06-01T00:00:00Z', '2025-06-01T00:00:00Z'),
      term('acc_b', 9_000, '2024-06-01T00:00:00Z', '2025-06-01T00:00:00Z', { currency: 'JPY' }),
    ];
    const arr = arrByCurrencyAndAccount(contracts, FROM);
    expect(Object.fromEntries([...arr].map(([currency, byAccount]) => [currency, Object.fromEntries(byAccount)]))).toEqual({
      USD: { acc_a: 150 },
      JPY: { acc_b: 9_000 },
    });
  });
});
