import { buildContract, contractsRepository, seedContracts } from '../helpers/contracts';
import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

/** The contract fields billing systems need: intervals of several units, and the source's change time. */
const UPSERT_CONTRACT = `mutation($input: UpsertContractInput!) {
  upsertContract(input: $input) {
    id seats sourceUpdatedAt arr { amountMinor currency }
    lineItems { seats billingInterval billingIntervalCount arr { amountMinor } }
  }
}`;
const CONTRACT = `query($id: ID!) { contract(id: $id) { id lineItems { billingIntervalCount } sourceUpdatedAt } }`;

const START = '2020-01-01T00:00:00.000Z';
const RENEWAL = '2021-01-01T00:00:00.000Z';

describe('contract fields for billing systems', () => {
  let stack: Stack;
  const account = buildAccount();
  const person = buildUser(account);
  const legacy = buildContract(account._id);
  const contract = (lineItems: object[], extra: object = {}) => ({ accountId: account._id, startDate: START, renewalDate: RENEWAL, currency: 'EUR', lineItems, ...extra });

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [account], [person]);
    await seedContracts(stack, [legacy]);
  });
  afterAll(() => stack.stop());

  async function upsert(input: object) {
    return stack.query<any>(UPSERT_CONTRACT, { token: await stack.integrationToken(['contracts:write']), variables: { input } });
  }

  it('computes ARR from intervals of several units: every 3 months counts 4 times, every week 52 times', async () => {
    const result = await upsert(
      contract([
        { product: 'Quarterly plan', seats: 4, unitPriceMinor: 45_000, billingInterval: 'MONTH', billingIntervalCount: 3 },
        { product: 'Weekly support', seats: 1, unitPriceMinor: 1_000, billingInterval: 'WEEK' },
        { product: 'Every five months', seats: 1, unitPriceMinor: 1_001, billingInterval: 'MONTH', billingIntervalCount: 5 },
      ]),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.upsertContract.lineItems).toEqual([
      { seats: 4, billingInterval: 'MONTH', billingIntervalCount: 3, arr: { amountMinor: 720_000 } },
      { seats: 1, billingInterval: 'WEEK', billingIntervalCount: 1, arr: { amountMinor: 52_000 } },
      { seats: 1, billingInterval: 'MONTH', billingIntervalCount: 5, arr: { amountMinor: 2_402 } },
    ]);
    expect(result.data.upsertContract.arr).toEqual({ amountMinor: 774_402, currency: 'EUR' });
  });

  it('reads contracts stored before interval counts existed as charged once per interval', async () => {
    const result = await stack.query<any>(CONTRACT, { token: await stack.staffToken(), variables: { id: legacy._id } });
    expect(result.data.contract).toEqual({ id: legacy._id, lineItems: [{ billingIntervalCount: 1 }], sourceUpdatedAt: null });
  });

  it('ignores a write whose source change is older than the stored one, and applies newer ones', async () => {
    const item = { product: 'Plan', seats: 2, unitPriceMinor: 10_000, billingInterval: 'YEAR' };
    const key = { externalIds: [{ source: 'stripe', id: 'sub_order_test' }] };
    const first = await upsert(contract([item], { ...key, sourceUpdatedAt: '2026-02-01T10:00:00.000Z' }));
    const older = await upsert(contract([{ ...item, seats: 9 }], { ...key, sourceUpdatedAt: '2026-02-01T09:59:59.000Z' }));
    expect(older.data.upsertContract).toEqual(first.data.upsertContract);
    const newer = await upsert(contract([{ ...item, seats: 3 }], { ...key, sourceUpdatedAt: '2026-02-01T10:00:01.000Z' }));
    expect(newer.data.upsertContract).toMatchObject({ id: first.data.upsertContract.id, seats: 3, sourceUpdatedAt: '2026-02-01T10:00:01.000Z' });
    const stored = await contractsRepository(stack).findContractById(first.data.upsertContract.id);
    expect(stored?.lineItems[0]?.seats).toBe(3);
  });

  it('shows a contract\'s source change time to staff, never to the account\'s own users', async () => {
    const customer = await stack.customerToken(account._id, person._id);
    const asCustomer = await stack.query<any>(CONTRACT, { token: customer, variables: { id: legacy._id } });
    expect(asCustomer.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(asCustomer.errors?.[0]?.path).toEqual(['contract', 'sourceUpdatedAt']);
    const asStaff = await stack.query<any>(CONTRACT, { token: await stack.staffToken(), variables: { id: legacy._id } });
    expect(asStaff.errors).toBeUndefined();
  });

  it.each([
    ['an interval count of 0', { billingIntervalCount: 0 }, {}, 'input.lineItems.0.billingIntervalCount'],
    ['an interval count over three years of days', { billingIntervalCount: 1_096 }, {}, 'input.lineItems.0.billingIntervalCount'],
    ['a source change time that is no date', {}, { sourceUpdatedAt: 'yesterday' }, 'input.sourceUpdatedAt'],
  ])('refuses %s with BAD_USER_INPUT naming the field, storing nothing', async (_case, itemChange, inputChange, field) => {
    const before = await contractsRepository(stack).contracts.countDocuments();
    const result = await upsert(
      contract([{ product: 'Plan', seats: 1, unitPriceMinor: 100, billingInterval: 'DAY', ...itemChange }], inputChange),
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await contractsRepository(stack).contracts.countDocuments()).toBe(before);
  });

  it('refuses source change times to customers, who may not write contracts at all', async () => {
    const result = await stack.query<any>(UPSERT_CONTRACT, {
      token: await stack.customerToken(account._id, person._id),
      variables: { input: { id: legacy._id, sourceUpdatedAt: '2030-01-01T00:00:00Z' } },
    });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
