import { buildContract, buildOpportunity, contractsRepository, daysFromNow, seedContracts } from '../helpers/contracts';
import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

const UPSERT_CONTRACT = `mutation($input: UpsertContractInput!) {
  upsertContract(input: $input) {
    id status startDate renewalDate autoRenew cancelAtPeriodEnd cancelledAt currency seats
    arr { amountMinor currency } lineItems { product seats billingInterval }
    account { id name } externalIds { source id } syncedAt
  }
}`;
const UPSERT_OPPORTUNITY = `mutation($input: UpsertOpportunityInput!) {
  upsertOpportunity(input: $input) { id name type stage amount { amountMinor currency } closeDate owner { id email } account { name } externalIds { id } syncedAt }
}`;

// A past term, so contracts created here never become an account's current contract.
const START = '2020-01-01T00:00:00.000Z';
const RENEWAL = '2021-01-01T00:00:00.000Z';
const LINE_ITEM = { product: 'Customer Hub Professional', seats: 25, unitPriceMinor: 48_000, billingInterval: 'YEAR' };
const NEW_CONTRACT = { accountId: 'acc_placeholder', startDate: START, renewalDate: RENEWAL, currency: 'USD', lineItems: [LINE_ITEM] };

describe('writing contracts and opportunities through the gateway', () => {
  let stack: Stack;
  const account = buildAccount({ name: 'Northwind Analytics' });
  const person = buildUser(account);
  const stored = buildContract(account._id, { externalIds: [{ source: 'salesforce', id: '800STORED' }], externalKeys: ['salesforce:800STORED'] });
  const storedOpportunity = buildOpportunity(account._id, { externalIds: [{ source: 'salesforce', id: '006STORED' }], externalKeys: ['salesforce:006STORED'] });
  const newContract = { ...NEW_CONTRACT, accountId: account._id };
  const newOpportunity = { accountId: account._id, name: 'Add 20 seats', type: 'EXPANSION', amountMinor: 960_000, currency: 'USD', closeDate: RENEWAL };

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [account], [person]);
    await seedContracts(stack, [stored], [storedOpportunity]);
  });
  afterAll(() => stack.stop());

  async function counts() {
    const repository = contractsRepository(stack);
    return { contracts: await repository.contracts.countDocuments(), opportunities: await repository.opportunities.countDocuments() };
  }

  it('creates a contract with defaults and stamps syncedAt for integrations', async () => {
    const result = await stack.query<any>(UPSERT_CONTRACT, {
      token: await stack.integrationToken(['contracts:write', 'accounts:read']),
      variables: { input: { ...newContract, externalIds: [{ source: 'salesforce', id: '800NEW' }] } },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.upsertContract).toMatchObject({
      status: 'ACTIVE',
      startDate: START,
      renewalDate: RENEWAL,
      autoRenew: true,
      cancelAtPeriodEnd: false,
      cancelledAt: null,
      currency: 'USD',
      seats: 25,
      arr: { amountMinor: 1_200_000, currency: 'USD' },
      account: { id: account._id, name: 'Northwind Analytics' },
      externalIds: [{ source: 'salesforce', id: '800NEW' }],
    });
    expect(result.data.upsertContract.id).toMatch(/^ctr_/);
    expect(Date.parse(result.data.upsertContract.syncedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('updates the contract matched by external id, replacing its line items, instead of creating another', async () => {
    const before = await counts();
    const result = await stack.query<any>(UPSERT_CONTRACT, {
      token: await stack.staffToken(),
      variables: {
        input: {
          externalIds: [{ source: 'salesforce', id: '800STORED' }],
          lineItems: [{ product: 'Customer Hub Enterprise', seats: 12, unitPriceMinor: 7_500, billingInterval: 'MONTH' }],
        },
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.upsertContract).toMatchObject({
      id: stored._id,
      seats: 12,
      arr: { amountMinor: 12 * 7_500 * 12 },
      lineItems: [{ product: 'Customer Hub Enterprise', seats: 12, billingInterval: 'MONTH' }],
    });
    expect(await counts()).toEqual(before);
  });

  it('records when a contract is cancelled, and stops counting it towards the account\'s ARR', async () => {
    const contract = buildContract(account._id, { startDate: daysFromNow(-10), renewalDate: daysFromNow(300) });
    await seedContracts(stack, [contract]);
    const token = await stack.staffToken();
    const result = await stack.query<any>(UPSERT_CONTRACT, { token, variables: { input: { id: contract._id, status: 'CANCELLED' } } });
    expect(result.errors).toBeUndefined();
    expect(Date.parse(result.data.upsertContract.cancelledAt)).toBeGreaterThan(Date.now() - 60_000);
    const current = await stack.query<any>(`query($id: ID!) { account(id: $id) { contract { id } } }`, { token, variables: { id: account._id } });
    expect(current.data.account.contract.id).toBe(stored._id);
  });

  it('creates an opportunity at PROSPECTING and moves it between stages', async () => {
    const token = await stack.staffToken();
    const created = await stack.query<any>(UPSERT_OPPORTUNITY, {
      token,
      variables: { input: { ...newOpportunity, owner: { id: 'staff_1', name: 'Aiko Tanaka', email: 'Aiko@CustomerHub.example' } } },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data.upsertOpportunity).toMatchObject({
      name: 'Add 20 seats',
      type: 'EXPANSION',
      stage: 'PROSPECTING',
      amount: { amountMinor: 960_000, currency: 'USD' },
      closeDate: RENEWAL,
      owner: { id: 'staff_1', email: 'aiko@customerhub.example' },
      account: { name: 'Northwind Analytics' },
      syncedAt: null,
    });
    const id = created.data.upsertOpportunity.id;
    expect(id).toMatch(/^opp_/);
    const won = await stack.query<any>(UPSERT_OPPORTUNITY, { token, variables: { input: { id, stage: 'WON' } } });
    expect(won.data.upsertOpportunity.stage).toBe('WON');
    const listed = await stack.query<any>(
      `query($id: ID!) { account(id: $id) { won: opportunities(stage: WON) { edges { node { id } } } prospecting: opportunities(stage: PROSPECTING) { edges { node { id } } } } }`,
      { token, variables: { id: account._id } },
    );
    expect(listed.data.account.won.edges).toEqual([{ node: { id } }]);
    expect(listed.data.account.prospecting.edges.map((edge: any) => edge.node.id)).toEqual([storedOpportunity._id]);
  });

  it('updates the opportunity matched by external id', async () => {
    const before = await counts();
    const result = await stack.query<any>(UPSERT_OPPORTUNITY, {
      token: await stack.integrationToken(['contracts:write', 'accounts:read']),
      variables: { input: { externalIds: [{ source: 'salesforce', id: '006STORED' }], amountMinor: 5_000 } },
    });
    expect(result.data.upsertOpportunity).toMatchObject({ id: storedOpportunity._id, amount: { amountMinor: 5_000 } });
    expect(result.data.upsertOpportunity.syncedAt).not.toBeNull();
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['a renewal date before the start', UPSERT_CONTRACT, { ...NEW_CONTRACT, renewalDate: '2019-12-31T00:00:00Z' }, 'input.renewalDate'],
    ['a renewal date equal to the start', UPSERT_CONTRACT, { ...NEW_CONTRACT, renewalDate: START }, 'input.renewalDate'],
    ['no line items', UPSERT_CONTRACT, { ...NEW_CONTRACT, lineItems: [] }, 'input.lineItems'],
    ['zero seats', UPSERT_CONTRACT, { ...NEW_CONTRACT, lineItems: [{ ...LINE_ITEM, seats: 0 }] }, 'input.lineItems.0.seats'],
    ['a negative price', UPSERT_CONTRACT, { ...NEW_CONTRACT, lineItems: [{ ...LINE_ITEM, unitPriceMinor: -1 }] }, 'input.lineItems.0.unitPriceMinor'],
    ['an ARR that Money cannot carry', UPSERT_CONTRACT, { ...NEW_CONTRACT, lineItems: [{ ...LINE_ITEM, seats: 100_000 }] }, 'input.lineItems'],
    ['a product name over 200 characters', UPSERT_CONTRACT, { ...NEW_CONTRACT, lineItems: [{ ...LINE_ITEM, product: 'x'.repeat(201) }] }, 'input.lineItems.0.product'],
    ['a currency that is not ISO 4217', UPSERT_CONTRACT, { ...NEW_CONTRACT, currency: 'yen' }, 'input.currency'],
    ['a cancellation date on an active contract', UPSERT_CONTRACT, { ...NEW_CONTRACT, cancelledAt: START }, 'input.cancelledAt'],
    ['a missing account on create', UPSERT_CONTRACT, { ...NEW_CONTRACT, accountId: undefined }, 'input.accountId'],
    ['a bad account id', UPSERT_CONTRACT, { ...NEW_CONTRACT, accountId: 'acc 1; drop' }, 'input.accountId'],
    ['an external id of 201 characters', UPSERT_CONTRACT, { ...NEW_CONTRACT, externalIds: [{ source: 'salesforce', id: 'x'.repeat(201) }] }, 'input.externalIds.0.id'],
    ['a negative amount', UPSERT_OPPORTUNITY, { ...newOpportunity, amountMinor: -5 }, 'input.amountMinor'],
    ['an empty name', UPSERT_OPPORTUNITY, { ...newOpportunity, name: '   ' }, 'input.name'],
    ['a name over 200 characters', UPSERT_OPPORTUNITY, { ...newOpportunity, name: '商'.repeat(201) }, 'input.name'],
    ['a missing close date on create', UPSERT_OPPORTUNITY, { ...newOpportunity, closeDate: undefined }, 'input.closeDate'],
    ['a bad owner e-mail', UPSERT_OPPORTUNITY, { ...newOpportunity, owner: { id: 'staff_1', name: 'A', email: 'nope' } }, 'input.owner.email'],
  ])('rejects %s with BAD_USER_INPUT naming the field, storing nothing', async (_name, mutation, input, field) => {
    const before = await counts();
    const result = await stack.query(mutation, { token: await stack.staffToken(), variables: { input } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await counts()).toEqual(before);
  });

  it('checks the term against the stored start date on update, changing nothing', async () => {
    const repository = contractsRepository(stack);
    const before = await repository.findContractById(stored._id);
    const result = await stack.query(UPSERT_CONTRACT, {
      token: await stack.staffToken(),
      variables: { input: { id: stored._id, renewalDate: daysFromNow(-200).toISOString(), autoRenew: false } },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.renewalDate' });
    expect(await repository.findContractById(stored._id)).toEqual(before);
  });

  it.each([
    ['an unknown field', UPSERT_CONTRACT, { ...NEW_CONTRACT, discount: 10 }, /discount/],
    ['an unknown field in a line item', UPSERT_CONTRACT, { ...NEW_CONTRACT, lineItems: [{ ...LINE_ITEM, color: 'red' }] }, /color/],
    ['an operator object where a string belongs', UPSERT_CONTRACT, { ...NEW_CONTRACT, currency: { $ne: '' } }, /currency/],
    ['an operator object where an id belongs', UPSERT_OPPORTUNITY, { ...newOpportunity, accountId: { $ne: '' } }, /accountId/],
    ['a string where seats belong', UPSERT_CONTRACT, { ...NEW_CONTRACT, lineItems: [{ ...LINE_ITEM, seats: 'ten' }] }, /seats/],
    ['a fractional price', UPSERT_CONTRACT, { ...NEW_CONTRACT, lineItems: [{ ...LINE_ITEM, unitPriceMinor: 12.5 }] }, /unitPriceMinor/],
    ['an unknown billing interval', UPSERT_CONTRACT, { ...NEW_CONTRACT, lineItems: [{ ...LINE_ITEM, billingInterval: 'FORTNIGHT' }] }, /billingInterval|FORTNIGHT/],
    ['an unknown contract status', UPSERT_CONTRACT, { ...NEW_CONTRACT, status: 'OPEN' }, /status|OPEN/],
    ['an unknown opportunity type', UPSERT_OPPORTUNITY, { ...newOpportunity, type: 'NEW_LOGO' }, /type|NEW_LOGO/],
    ['an unknown opportunity stage', UPSERT_OPPORTUNITY, { ...newOpportunity, stage: 'MAYBE' }, /stage|MAYBE/],
  ])('rejects %s in variables with BAD_USER_INPUT, storing nothing', async (_name, mutation, input, message) => {
    const before = await counts();
    const result = await stack.query(mutation, { token: await stack.staffToken(), variables: { input } });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('rejects a date that is not ISO 8601 with BAD_USER_INPUT naming the field, storing nothing', async () => {
    const before = await counts();
    // Asked of the subgraph itself: the gateway passes custom scalars through unparsed.
    const result = await stack.query(`mutation($input: UpsertContractInput!) { upsertContract(input: $input) { id } }`, {
      token: await stack.staffToken(),
      variables: { input: { ...NEW_CONTRACT, startDate: 'next tuesday' } },
      url: stack.subgraphUrls['contracts'],
    });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/input\.startDate.*ISO 8601/);
    expect(await counts()).toEqual(before);
  });

  it('rejects an external id that belongs to another contract with CONFLICT, changing nothing', async () => {
    const repository = contractsRepository(stack);
    const other = buildContract(account._id);
    await seedContracts(stack, [other]);
    const result = await stack.query(UPSERT_CONTRACT, {
      token: await stack.staffToken(),
      variables: { input: { id: other._id, externalIds: [{ source: 'salesforce', id: '800STORED' }] } },
    });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    expect(await repository.findContractById(other._id)).toEqual(other);
  });

  it('refuses writes from customers and from integrations without contracts:write', async () => {
    const before = await counts();
    const customer = await stack.customerToken(account._id, person._id);
    const reader = await stack.integrationToken(['contracts:read']);
    for (const token of [customer, reader]) {
      const contract = await stack.query(UPSERT_CONTRACT, { token, variables: { input: { id: stored._id, autoRenew: false } } });
      expect(contract.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      const opportunity = await stack.query(UPSERT_OPPORTUNITY, { token, variables: { input: newOpportunity } });
      expect(opportunity.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
    expect(await counts()).toEqual(before);
    expect((await contractsRepository(stack).findContractById(stored._id))?.autoRenew).toBe(true);
  });
});
