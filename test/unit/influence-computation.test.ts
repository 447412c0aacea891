import {
  computeCommunityInfluence,
  hasArrGrowth,
  isInForceAt,
  type InfluenceAccount,
  type InfluenceContract,
} from '../../subgraphs/accounts/influence/computation';

const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
const period = { from: at('2023-01-01'), to: at('2025-12-31') };

function contract(startDate: string, renewalDate: string, amountMinor: number, currency = 'USD', overrides: Partial<InfluenceContract> = {}): InfluenceContract {
  return { status: 'ACTIVE', startDate: at(startDate), renewalDate: at(renewalDate), cancelledAt: null, arr: { amountMinor, currency }, ...overrides };
}

function account(id: string, overrides: Partial<InfluenceAccount> = {}): InfluenceAccount {
  return { id, customerSince: null, firstMemberJoinedAt: null, activeMembers30d: 0, contracts: [], wonOpportunities: [], ...overrides };
}

/** Nine accounts whose figures are worked out by hand in the test below. */
const accounts: InfluenceAccount[] = [
  // New, influenced, active; its upsell closed in the period; no ARR at `from` so no ARR growth.
  account('A', {
    customerSince: at('2024-03-01'),
    firstMemberJoinedAt: at('2023-06-01'),
    activeMembers30d: 2,
    contracts: [contract('2024-03-01', '2025-03-01', 1_200_000, 'USD', { status: 'EXPIRED' }), contract('2025-03-01', '2026-03-01', 1_500_000)],
    wonOpportunities: [{ type: 'UPSELL', closeDate: at('2025-02-20') }],
  }),
  // New, first member joined after it became a customer: not influenced.
  account('B', { customerSince: at('2024-06-01'), firstMemberJoinedAt: at('2024-07-01'), contracts: [contract('2024-06-01', '2026-06-01', 3_000_000, 'JPY')] }),
  // New, influenced, active; a won renewal is not an expansion.
  account('C', {
    customerSince: at('2025-01-10'),
    firstMemberJoinedAt: at('2024-12-01'),
    activeMembers30d: 1,
    contracts: [contract('2025-01-10', '2026-01-10', 600_000, 'JPY')],
    wonOpportunities: [{ type: 'RENEWAL', closeDate: at('2025-06-01') }],
  }),
  // Customer since before the period, active; ARR 500,000 at `from` and 800,000 at `to`.
  account('D', {
    customerSince: at('2020-01-01'),
    firstMemberJoinedAt: at('2019-05-01'),
    activeMembers30d: 3,
    contracts: [contract('2022-06-01', '2023-06-01', 500_000, 'USD', { status: 'EXPIRED' }), contract('2023-06-01', '2026-06-01', 800_000)],
  }),
  // Inactive; one expansion won before the period (ignored) and a cross-sell won in it.
  account('E', {
    customerSince: at('2021-01-01'),
    contracts: [contract('2021-01-01', '2027-01-01', 400_000)],
    wonOpportunities: [
      { type: 'EXPANSION', closeDate: at('2022-12-31') },
      { type: 'CROSS_SELL', closeDate: at('2025-06-01') },
    ],
  }),
  // Inactive, flat.
  account('F', { customerSince: at('2021-05-01'), contracts: [contract('2021-05-01', '2027-05-01', 400_000)] }),
  // A prospect with members: in no sample.
  account('G', { firstMemberJoinedAt: at('2024-01-01'), activeMembers30d: 4 }),
  // Became a customer after the period: in no sample.
  account('H', { customerSince: at('2026-02-01'), firstMemberJoinedAt: at('2024-01-01'), activeMembers30d: 1 }),
  // New, influenced, no contract booked yet.
  account('I', { customerSince: at('2024-09-01'), firstMemberJoinedAt: at('2024-01-01') }),
];

describe('computeCommunityInfluence', () => {
  const result = computeCommunityInfluence(accounts, period);

  it('counts the new customers whose first member joined before they became customers, with their first contract ARR per currency', () => {
    expect(result.accountsExamined).toBe(9);
    expect(result.influencedNewBusiness).toEqual({
      newCustomers: 4, // A, B, C, I
      accounts: 3, // A, C, I
      share: 0.75,
      arr: [
        { currency: 'JPY', amountMinor: 600_000 },
        { currency: 'USD', amountMinor: 1_200_000 },
      ],
      newCustomerArr: [
        { currency: 'JPY', amountMinor: 3_600_000 },
        { currency: 'USD', amountMinor: 1_200_000 },
      ],
      accountsWithoutContract: 1, // I
    });
  });

  it('compares the expansion rates of customers with and without active members', () => {
    expect(result.expansion.withActiveMembers).toEqual({ accounts: 3, expanded: 2, rate: 2 / 3, expandedByOpportunity: 1, expandedByArrGrowth: 1 });
    expect(result.expansion.withoutActiveMembers).toEqual({ accounts: 4, expanded: 1, rate: 0.25, expandedByOpportunity: 1, expandedByArrGrowth: 0 });
    expect(result.expansion.ratio).toBeCloseTo(8 / 3, 10);
  });

  it('gives null rates, share and ratio for empty samples, never NaN', () => {
    const empty = computeCommunityInfluence([], period);
    expect(empty.influencedNewBusiness).toEqual({ newCustomers: 0, accounts: 0, share: null, arr: [], newCustomerArr: [], accountsWithoutContract: 0 });
    expect(empty.expansion).toEqual({
      withActiveMembers: { accounts: 0, expanded: 0, rate: null, expandedByOpportunity: 0, expandedByArrGrowth: 0 },
      withoutActiveMembers: { accounts: 0, expanded: 0, rate: null, expandedByOpportunity: 0, expandedByArrGrowth: 0 },
      ratio: null,
    });
  });

  it('gives no ratio when no account without active members expanded', () => {
    const onlyActiveGrew = computeCommunityInfluence(
      accounts.filter((candidate) => ['A', 'F'].includes(candidate.id)),
      period,
    );
    expect(onlyActiveGrew.expansion.withActiveMembers.rate).toBe(1);
    expect(onlyActiveGrew.expansion.withoutActiveMembers.rate).toBe(0);
    expect(onlyActiveGrew.expansion.ratio).toBeNull();
  });

  it('counts a customer from the first moment of the period, and a member joining the same moment as not earlier', () => {
    const sameMoment = account('J', { customerSince: period.from, firstMemberJoinedAt: period.from });
    const justBefore = account('K', { customerSince: period.from, firstMemberJoinedAt: new Date(period.from.getTime() - 1) });
    const figures = computeCommunityInfluence([sameMoment, justBefore], period).influencedNewBusiness;
    expect(figures.newCustomers).toBe(2);
    expect(figures.accounts).toBe(1);
  });
});

describe('contract terms', () => {
  it('counts a cancelled contract only until it was cancelled, and a pending one never', () => {
    const cancelled = contract('2023-01-01', '2024-01-01', 100, 'USD', { status: 'CANCELLED', cancelledAt: at('2023-06-01') });
    expect(isInForceAt(cancelled, at('2023-05-31'))).toBe(true);
    expect(isInForceAt(cancelled, at('2023-06-01'))).toBe(false);
    expect(isInForceAt(contract('2023-01-01', '2024-01-01', 100, 'USD', { status: 'PENDING' }), at('2023-06-01'))).toBe(false);
    expect(isInForceAt(contract('2023-01-01', '2024-01-01', 100), at('2024-01-01'))).toBe(false);
  });

  it('sees no ARR growth in a move to another currency, and none without ARR at the start', () => {
    expect(hasArrGrowth([contract('2022-01-01', '2024-01-01', 100, 'USD'), contract('2024-01-01', '2026-06-01', 50_000, 'JPY')], period)).toBe(false);
    expect(hasArrGrowth([contract('2024-01-01', '2026-06-01', 50_000)], period)).toBe(false);
    expect(hasArrGrowth([contract('2022-01-01', '2024-01-01', 100), contract('2024-01-01', '2026-06-01', 101)], period)).toBe(true);
  });
});
