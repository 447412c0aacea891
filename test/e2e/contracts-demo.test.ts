import { profileAccounts } from '../../scripts/demo-data/context';
import { generateContractsDemoData } from '../../scripts/demo-data/contracts';
import { generateDemoData, pickDemoCustomer } from '../../scripts/demo-data/generate';
import { loadAccountsDemoData } from '../../subgraphs/accounts/demo';
import { loadContractsDemoData } from '../../subgraphs/contracts/demo';
import { contractsRepository } from '../helpers/contracts';
import { startStack, type Stack } from '../helpers/stack';

describe('the contracts demo data in a running hub', () => {
  let stack: Stack;
  const now = new Date();
  const base = generateDemoData({ seed: 42, now });
  const data = generateContractsDemoData({ seed: 42, now, scale: 'demo', ...base, profiles: profileAccounts(base.accounts, base.users, now) });
  const customer = pickDemoCustomer(base);

  beforeAll(async () => {
    stack = await startStack();
    await loadAccountsDemoData(stack, base);
  });
  afterAll(() => stack.stop());

  it('loads into an empty database once, and leaves a database with data alone', async () => {
    expect(await loadContractsDemoData(stack, data)).toBe(true);
    expect(await loadContractsDemoData(stack, { contracts: data.contracts.slice(0, 1), opportunities: [] })).toBe(false);
    const repository = contractsRepository(stack);
    expect(await repository.contracts.countDocuments()).toBe(data.contracts.length);
    expect(await repository.opportunities.countDocuments()).toBe(data.opportunities.length);
  });

  it("shows the demo customer their company's current contract in yen", async () => {
    const token = await stack.customerToken(customer.accountId, customer.userId);
    const result = await stack.query<any>(`{ viewer { account { seatsLicensed renewalDate arr { currency } contract { status lineItems { product } } } } }`, { token });
    expect(result.errors).toBeUndefined();
    const account = result.data.viewer.account;
    expect(account.arr.currency).toBe('JPY');
    expect(account.contract.status).toBe('ACTIVE');
    expect(account.contract.lineItems[0].product).toMatch(/Customer Hub .*プラン/);
    expect(account.seatsLicensed).toBeGreaterThan(0);
    expect(Date.parse(account.renewalDate)).toBeGreaterThan(now.getTime());
  });

  it('gives staff renewals due within 90 days and retention in both currencies', async () => {
    const token = await stack.staffToken();
    const from = new Date(now.getTime() - 365 * 86_400_000).toISOString();
    const result = await stack.query<any>(
      `query($from: DateTime!, $to: DateTime!) {
        renewals(withinDays: 90, first: 100) { totalCount edges { node { renewalDate account { name } } } }
        revenueMetrics(from: $from, to: $to) { currency netRevenueRetention grossRevenueRetention }
      }`,
      { token, variables: { from, to: now.toISOString() } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.renewals.totalCount).toBeGreaterThanOrEqual(3);
    const dates = result.data.renewals.edges.map((edge: any) => edge.node.renewalDate);
    expect(dates).toEqual([...dates].sort());
    expect(result.data.revenueMetrics.map((entry: any) => entry.currency)).toEqual(['JPY', 'USD']);
    for (const entry of result.data.revenueMetrics) expect(entry.grossRevenueRetention).toBeLessThanOrEqual(1);
  });
});
