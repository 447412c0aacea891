import { buildContract, buildOpportunity, daysFromNow, seatLicence, seedContracts } from '../helpers/contracts';
import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

const ACCOUNT_CONTRACTS = `query($id: ID!) {
  account(id: $id) {
    name
    contract {
      id status currency seats autoRenew cancelAtPeriodEnd
      arr { amountMinor currency }
      lineItems { product seats billingInterval unitPrice { amountMinor currency } arr { amountMinor currency } }
      account { id name }
    }
    arr { amountMinor currency }
    renewalDate
    seatsLicensed
    contracts(first: 10) { totalCount edges { node { id status } } }
  }
}`;

describe('reading contracts through the gateway', () => {
  let stack: Stack;
  const us = buildAccount({ name: 'Northwind Analytics' });
  const jp = buildAccount({ name: '株式会社さくらロジスティクス', locale: 'ja-JP' });
  const prospect = buildAccount({ name: 'Prospect Inc', customerSince: null });
  const renewing = Array.from({ length: 5 }, (_, index) => buildAccount({ name: `Renewing ${index}` }));

  const usExpired = buildContract(us._id, {
    status: 'EXPIRED',
    startDate: daysFromNow(-465),
    renewalDate: daysFromNow(-100),
    lineItems: [seatLicence({ seats: 8, unitPriceMinor: 45_000 })],
  });
  const usCurrent = buildContract(us._id, {
    startDate: daysFromNow(-100),
    renewalDate: daysFromNow(265),
    lineItems: [
      seatLicence({ seats: 10, unitPriceMinor: 48_000 }),
      { product: 'Viewer licence', seats: 5, unitPriceMinor: 1_000, billingInterval: 'MONTH' },
    ],
  });
  const jpCurrent = buildContract(jp._id, {
    currency: 'JPY',
    startDate: daysFromNow(-320),
    renewalDate: daysFromNow(45),
    autoRenew: false,
    cancelAtPeriodEnd: true,
    lineItems: [seatLicence({ product: 'Customer Hub プロフェッショナルプラン', seats: 20, unitPriceMinor: 60_000 })],
  });
  const jpNextTerm = buildContract(jp._id, { currency: 'JPY', status: 'PENDING', startDate: daysFromNow(45), renewalDate: daysFromNow(410) });
  // Renewal dates 10, 20, 30, 50 and 100 days out; a cancelled contract due in 15 days is not a renewal.
  const renewalContracts = [10, 20, 30, 50, 100].map((days, index) =>
    buildContract(renewing[index]!._id, { startDate: daysFromNow(days - 365), renewalDate: daysFromNow(days) }),
  );
  const cancelled = buildContract(renewing[0]!._id, {
    status: 'CANCELLED',
    cancelledAt: daysFromNow(-5),
    startDate: daysFromNow(-350),
    renewalDate: daysFromNow(15),
  });
  const opportunities = [
    buildOpportunity(us._id, { stage: 'PROPOSAL', closeDate: daysFromNow(20), name: 'Add 20 seats' }),
    buildOpportunity(us._id, { stage: 'WON', closeDate: daysFromNow(-30), type: 'CROSS_SELL' }),
    buildOpportunity(us._id, { stage: 'PROPOSAL', closeDate: daysFromNow(40), type: 'UPSELL' }),
    buildOpportunity(us._id, { stage: 'PROPOSAL', closeDate: daysFromNow(60), type: 'RENEWAL', amountMinor: 1_200_000 }),
  ];

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [us, jp, prospect, ...renewing], [buildUser(us)]);
    await seedContracts(stack, [usExpired, usCurrent, jpCurrent, jpNextTerm, ...renewalContracts, cancelled], opportunities);
  });
  afterAll(() => stack.stop());

  it("shows staff an account's current contract, its ARR from yearly and monthly line items, and its history", async () => {
    const result = await stack.query<any>(ACCOUNT_CONTRACTS, { token: await stack.staffToken(), variables: { id: us._id } });
    expect(result.errors).toBeUndefined();
    const account = result.data.account;
    // 10 seats × 48,000 a year + 5 seats × 1,000 a month × 12 = 480,000 + 60,000.
    expect(account.contract).toEqual({
      id: usCurrent._id,
      status: 'ACTIVE',
      currency: 'USD',
      seats: 15,
      autoRenew: true,
      cancelAtPeriodEnd: false,
      arr: { amountMinor: 540_000, currency: 'USD' },
      lineItems: [
        {
          product: 'Customer Hub Professional',
          seats: 10,
          billingInterval: 'YEAR',
          unitPrice: { amountMinor: 48_000, currency: 'USD' },
          arr: { amountMinor: 480_000, currency: 'USD' },
        },
        {
          product: 'Viewer licence',
          seats: 5,
          billingInterval: 'MONTH',
          unitPrice: { amountMinor: 1_000, currency: 'USD' },
          arr: { amountMinor: 60_000, currency: 'USD' },
        },
      ],
      account: { id: us._id, name: 'Northwind Analytics' },
    });
    expect(account.arr).toEqual({ amountMinor: 540_000, currency: 'USD' });
    expect(account.renewalDate).toBe(usCurrent.renewalDate.toISOString());
    expect(account.seatsLicensed).toBe(15);
    expect(account.contracts.totalCount).toBe(2);
    expect(account.contracts.edges.map((edge: any) => edge.node)).toEqual([
      { id: usCurrent._id, status: 'ACTIVE' },
      { id: usExpired._id, status: 'EXPIRED' },
    ]);
  });

  it('keeps a signed next term that has not started out of the current contract and ARR', async () => {
    const result = await stack.query<any>(ACCOUNT_CONTRACTS, { token: await stack.staffToken(), variables: { id: jp._id } });
    expect(result.data.account.contract).toMatchObject({ id: jpCurrent._id, currency: 'JPY', cancelAtPeriodEnd: true, autoRenew: false });
    expect(result.data.account.arr).toEqual({ amountMinor: 1_200_000, currency: 'JPY' });
    expect(result.data.account.contracts.edges.map((edge: any) => edge.node.id)).toEqual([jpNextTerm._id, jpCurrent._id]);
  });

  it('returns no contract and no ARR for an account without contracts', async () => {
    const result = await stack.query<any>(ACCOUNT_CONTRACTS, { token: await stack.staffToken(), variables: { id: prospect._id } });
    expect(result.errors).toBeUndefined();
    expect(result.data.account).toMatchObject({ contract: null, arr: null, renewalDate: null, seatsLicensed: null, contracts: { totalCount: 0, edges: [] } });
  });

  it('lists current contracts renewing within the window, soonest first, page by page', async () => {
    const token = await stack.staffToken();
    const query = `query($after: String) {
      renewals(withinDays: 60, first: 2, after: $after) {
        totalCount
        edges { node { id renewalDate account { name } } }
        pageInfo { hasNextPage endCursor }
      }
    }`;
    const seen: Array<{ id: string; account: string }> = [];
    let after: string | null = null;
    do {
      const result: { data?: any; errors?: unknown } = await stack.query(query, { token, variables: { after } });
      expect(result.errors).toBeUndefined();
      expect(result.data.renewals.totalCount).toBe(5);
      seen.push(...result.data.renewals.edges.map((edge: any) => ({ id: edge.node.id, account: edge.node.account.name })));
      after = result.data.renewals.pageInfo.hasNextPage ? result.data.renewals.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual([
      { id: renewalContracts[0]!._id, account: 'Renewing 0' },
      { id: renewalContracts[1]!._id, account: 'Renewing 1' },
      { id: renewalContracts[2]!._id, account: 'Renewing 2' },
      { id: jpCurrent._id, account: '株式会社さくらロジスティクス' },
      { id: renewalContracts[3]!._id, account: 'Renewing 3' },
    ]);
  });

  it('computes NRR and GRR per currency over the accounts paying at the start', async () => {
    const result = await stack.query<any>(
      `query($from: DateTime!, $to: DateTime!) {
        revenueMetrics(from: $from, to: $to) {
          currency accountCount churnedAccountCount netRevenueRetention grossRevenueRetention
          startingArr { amountMinor currency } endingArr { amountMinor } expansionArr { amountMinor }
          contractionArr { amountMinor } churnedArr { amountMinor }
        }
      }`,
      { token: await stack.staffToken(), variables: { from: daysFromNow(-200).toISOString(), to: daysFromNow(1).toISOString() } },
    );
    expect(result.errors).toBeUndefined();
    // At −200 days: Northwind's expired term (8 × 45,000 = 360,000); each renewing account's
    // 480,000 contract, plus Renewing 0's cancelled 480,000 (cancelled only 5 days ago).
    // At +1 day: Northwind 540,000; each renewing account 480,000; the cancelled contract is gone.
    const usd = result.data.revenueMetrics.find((entry: any) => entry.currency === 'USD');
    const starting = 360_000 + 5 * 480_000 + 480_000;
    const ending = 540_000 + 5 * 480_000;
    expect(usd).toMatchObject({
      accountCount: 6,
      churnedAccountCount: 0,
      startingArr: { amountMinor: starting, currency: 'USD' },
      endingArr: { amountMinor: ending },
      expansionArr: { amountMinor: 180_000 },
      contractionArr: { amountMinor: 480_000 },
      churnedArr: { amountMinor: 0 },
    });
    expect(usd.netRevenueRetention).toBeCloseTo(ending / starting, 10);
    expect(usd.grossRevenueRetention).toBeCloseTo((360_000 + 5 * 480_000) / starting, 10);
    const jpy = result.data.revenueMetrics.find((entry: any) => entry.currency === 'JPY');
    expect(jpy).toMatchObject({ accountCount: 1, startingArr: { amountMinor: 1_200_000, currency: 'JPY' }, endingArr: { amountMinor: 1_200_000 } });
    expect(jpy.netRevenueRetention).toBe(1);
  });

  it("pages an account's opportunities by close date, optionally of one stage", async () => {
    const token = await stack.staffToken();
    const result = await stack.query<any>(
      `query($id: ID!) {
        account(id: $id) {
          all: opportunities(first: 2) { totalCount edges { node { id } } pageInfo { hasNextPage } }
          proposals: opportunities(stage: PROPOSAL, first: 10) { totalCount edges { node { id name stage type amount { amountMinor currency } owner { name } account { name } } } }
        }
      }`,
      { token, variables: { id: us._id } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.account.all).toEqual({
      totalCount: 4,
      edges: [{ node: { id: opportunities[1]!._id } }, { node: { id: opportunities[0]!._id } }],
      pageInfo: { hasNextPage: true },
    });
    expect(result.data.account.proposals.totalCount).toBe(3);
    expect(result.data.account.proposals.edges.map((edge: any) => edge.node.id)).toEqual([opportunities[0]!._id, opportunities[2]!._id, opportunities[3]!._id]);
    expect(result.data.account.proposals.edges[0].node).toMatchObject({
      name: 'Add 20 seats',
      stage: 'PROPOSAL',
      amount: { amountMinor: 100_000, currency: 'USD' },
      owner: { name: 'Test Owner' },
      account: { name: 'Northwind Analytics' },
    });
  });

  it('looks up one contract and one opportunity by id for staff, and null for unknown ids', async () => {
    const token = await stack.staffToken();
    const result = await stack.query<any>(
      `query($contract: ID!, $opportunity: ID!) {
        contract(id: $contract) { id account { name } }
        opportunity(id: $opportunity) { id type }
        missing: contract(id: "ctr_missing") { id }
        missingOpportunity: opportunity(id: "opp_missing") { id }
      }`,
      { token, variables: { contract: jpCurrent._id, opportunity: opportunities[3]!._id } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      contract: { id: jpCurrent._id, account: { name: '株式会社さくらロジスティクス' } },
      opportunity: { id: opportunities[3]!._id, type: 'RENEWAL' },
      missing: null,
      missingOpportunity: null,
    });
  });

  it.each([
    ['a zero-day renewal window', `{ renewals(withinDays: 0) { totalCount } }`, 'withinDays'],
    ['a renewal window above two years', `{ renewals(withinDays: 731) { totalCount } }`, 'withinDays'],
    ['a page above 100', `{ renewals(withinDays: 30, first: 101) { totalCount } }`, 'first'],
    ['a period that ends before it starts', `{ revenueMetrics(from: "2026-01-01T00:00:00Z", to: "2025-01-01T00:00:00Z") { currency } }`, 'to'],
  ])('rejects %s with BAD_USER_INPUT naming the argument', async (_name, query, field) => {
    const result = await stack.query(query, { token: await stack.staffToken() });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
