import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { storeCallRecorder } from '../helpers/store-calls';
import { startStack, type Stack } from '../helpers/stack';

const ACCOUNTS_WITH_USERS = `query($first: Int!) {
  accounts(first: $first) {
    edges { node { name users(first: 3) { totalCount edges { node { name account { name } } } } } }
  }
}`;

/** Store calls per operation must not grow with list length: each list is one batched query. */
describe('store calls per operation', () => {
  let stack: Stack;
  const storeCalls = storeCallRecorder();
  const accounts = Array.from({ length: 30 }, () => buildAccount());
  const users = accounts.flatMap((account) => Array.from({ length: 5 }, () => buildUser(account)));

  beforeAll(async () => {
    stack = await startStack({ store: await storeCalls.openStore() });
    await seedAccounts(stack, accounts, users);
  });
  afterAll(async () => {
    await stack.stop();
    await stack.store.close();
  });

  it('does not grow with the number of accounts and their users', async () => {
    const token = await stack.staffToken();
    let small: any;
    let large: any;
    const fewCalls = await storeCalls.count(async () => {
      small = await stack.query<any>(ACCOUNTS_WITH_USERS, { token, variables: { first: 2 } });
    });
    const manyCalls = await storeCalls.count(async () => {
      large = await stack.query<any>(ACCOUNTS_WITH_USERS, { token, variables: { first: 30 } });
    });
    expect(small.data.accounts.edges).toHaveLength(2);
    expect(large.data.accounts.edges).toHaveLength(30);
    for (const edge of large.data.accounts.edges) {
      expect(edge.node.users.totalCount).toBe(5);
      expect(edge.node.users.edges).toHaveLength(3);
      expect(edge.node.users.edges.every((user: any) => user.node.account.name === edge.node.name)).toBe(true);
    }
    expect(manyCalls).toBe(fewCalls);
    expect(manyCalls).toBeLessThanOrEqual(4);
  });

  it('returns the same first pages as paging one account at a time', async () => {
    const token = await stack.staffToken();
    const batched = await stack.query<any>(ACCOUNTS_WITH_USERS, { token, variables: { first: 30 } });
    const account = accounts[7]!;
    const single = await stack.query<any>(`query($id: ID!) { account(id: $id) { users(first: 3) { edges { node { name } } pageInfo { endCursor } } } }`, {
      token,
      variables: { id: account._id },
    });
    const fromBatch = batched.data.accounts.edges.find((edge: any) => edge.node.name === account.name).node.users.edges;
    expect(fromBatch.map((edge: any) => edge.node.name)).toEqual(single.data.account.users.edges.map((edge: any) => edge.node.name));
    const next = await stack.query<any>(`query($id: ID!, $after: String) { account(id: $id) { users(first: 3, after: $after) { edges { node { name } } pageInfo { hasNextPage } } } }`, {
      token,
      variables: { id: account._id, after: single.data.account.users.pageInfo.endCursor },
    });
    const expected = users.filter((user) => user.accountId === account._id).map((user) => user.name).sort();
    expect(next.data.account.users.edges.map((edge: any) => edge.node.name)).toEqual(expected.slice(3));
    expect(next.data.account.users.pageInfo.hasNextPage).toBe(false);
  });

  it('resolves many entity references with one store call', async () => {
    const representations = accounts.map((account) => ({ __typename: 'Account', id: account._id }));
    const token = await stack.staffToken();
    let result: any;
    const calls = await storeCalls.count(async () => {
      result = await stack.query<any>(
        `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Account { id } } }`,
        { token, variables: { representations }, url: stack.subgraphUrls['accounts'] },
      );
    });
    expect(result.data._entities.map((entity: { id: string }) => entity.id)).toEqual(accounts.map((account) => account._id));
    expect(calls).toBe(1);
  });

  it('rejects a cursor that did not come from the list', async () => {
    const result = await stack.query(`{ accounts(first: 2, after: "bm90LWEtY3Vyc29y") { totalCount } }`, { token: await stack.staffToken() });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
