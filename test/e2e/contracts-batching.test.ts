import { buildContract, buildOpportunity, daysFromNow, seedContracts } from '../helpers/contracts';
import { buildAccount } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { storeCallRecorder } from '../helpers/store-calls';
import { postGraphql, startStack, type Stack } from '../helpers/stack';

const ACCOUNTS_WITH_CONTRACTS = `query($first: Int!) {
  accounts(first: $first) {
    edges { node {
      name
      contract { id seats arr { amountMinor } lineItems { arr { amountMinor } } }
      arr { amountMinor currency }
      renewalDate
      seatsLicensed
      contracts(first: 1) { totalCount edges { node { id } } }
      opportunities(first: 1) { totalCount edges { node { id amount { amountMinor } } } }
      won: opportunities(stage: WON, first: 1) { totalCount }
    } }
  }
}`;

/** Store calls per operation must not grow with the number of accounts: each collection is one batched query. */
describe('contracts store calls per operation', () => {
  let stack: Stack;
  const storeCalls = storeCallRecorder();
  const accounts = Array.from({ length: 20 }, (_, index) => buildAccount({ name: `Batch ${String(index).padStart(2, '0')}` }));
  const contracts = accounts.flatMap((account, index) => [
    buildContract(account._id, { status: 'EXPIRED', startDate: daysFromNow(-465), renewalDate: daysFromNow(-100) }),
    buildContract(account._id, { startDate: daysFromNow(-100), renewalDate: daysFromNow(10 + index) }),
  ]);
  const opportunities = accounts.flatMap((account) => [
    buildOpportunity(account._id, { stage: 'WON', closeDate: daysFromNow(-20) }),
    buildOpportunity(account._id, { stage: 'PROPOSAL' }),
  ]);

  beforeAll(async () => {
    stack = await startStack({ store: await storeCalls.openStore() });
    await seedAccounts(stack, accounts);
    await seedContracts(stack, contracts, opportunities);
  });
  afterAll(async () => {
    await stack.stop();
    await stack.store.close();
  });

  it("does not grow with the number of accounts whose contract fields are asked for", async () => {
    const token = await stack.staffToken();
    let small: any;
    let large: any;
    const fewCalls = await storeCalls.count(async () => {
      small = await stack.query<any>(ACCOUNTS_WITH_CONTRACTS, { token, variables: { first: 2 } });
    }, 'contracts');
    const manyCalls = await storeCalls.count(async () => {
      large = await stack.query<any>(ACCOUNTS_WITH_CONTRACTS, { token, variables: { first: 20 } });
    }, 'contracts');
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(small.data.accounts.edges).toHaveLength(2);
    expect(large.data.accounts.edges).toHaveLength(20);
    for (const edge of large.data.accounts.edges) {
      expect(edge.node).toMatchObject({
        arr: { amountMinor: 480_000, currency: 'USD' },
        seatsLicensed: 10,
        contract: { seats: 10, arr: { amountMinor: 480_000 } },
        contracts: { totalCount: 2 },
        opportunities: { totalCount: 2 },
        won: { totalCount: 1 },
      });
    }
    expect(manyCalls).toBe(fewCalls);
    // Contracts in force (1); first pages and counts of the history (2), of all opportunities (2)
    // and of the WON ones (2).
    expect(manyCalls).toBeLessThanOrEqual(7);
  });

  it('resolves many account and contract references with one store call per collection', async () => {
    const token = await stack.staffToken();
    const representations = [
      ...accounts.map((account) => ({ __typename: 'Account', id: account._id })),
      ...contracts.map((contract) => ({ __typename: 'Contract', id: contract._id })),
    ];
    let result: any;
    const calls = await storeCalls.count(async () => {
      result = await postGraphql<any>(
        stack.subgraphUrls['contracts']!,
        `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Account { seatsLicensed } ... on Contract { id } } }`,
        { token, variables: { representations } },
      );
    }, 'contracts');
    expect(result.errors).toBeUndefined();
    expect(result.data._entities).toHaveLength(accounts.length + contracts.length);
    expect(result.data._entities.slice(0, accounts.length).every((entity: any) => entity.seatsLicensed === 10)).toBe(true);
    // One `$in` for the contracts by id, one for the contracts in force of every account.
    expect(calls).toBe(2);
  });

  it('lists renewals with their accounts in a fixed number of calls', async () => {
    const token = await stack.staffToken();
    const query = `query($first: Int!) { renewals(withinDays: 60, first: $first) { totalCount edges { node { id account { name seatsLicensed } } } } }`;
    let large: any;
    const fewCalls = await storeCalls.count(() => stack.query(query, { token, variables: { first: 2 } }), 'contracts');
    const manyCalls = await storeCalls.count(async () => {
      large = await stack.query<any>(query, { token, variables: { first: 20 } });
    }, 'contracts');
    expect(large.data.renewals.totalCount).toBe(20);
    expect(large.data.renewals.edges.map((edge: any) => edge.node.account.name)).toEqual(accounts.map((account) => account.name));
    expect(manyCalls).toBe(fewCalls);
  });
});
