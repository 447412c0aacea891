import { HEALTH_COMPONENTS } from '../../subgraphs/accounts/health/components';
import { buildAccount, buildUser } from '../helpers/factories';
import { DAY_MS } from '../helpers/health';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';
import { storeCallRecorder } from '../helpers/store-calls';

const OWN_HEALTH = `query($id: ID!) {
  account(id: $id) {
    id
    health { score band }
    healthHistory(days: 30) { day score }
    healthChange(since: "2020-01-01T00:00:00Z") { delta }
    usageBenchmark { metrics { metric value percentile peerMedian peerCount } }
  }
}`;

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Account { id health { score } usageBenchmark { segment } } }
}`;

describe('who may read health, bad input and store calls', () => {
  let stack: Stack;
  const storeCalls = storeCallRecorder();
  const mine = buildAccount({ name: 'Mine Co' });
  const theirs = buildAccount({ name: 'Theirs Co' });
  const others = Array.from({ length: 20 }, () => buildAccount());
  const me = buildUser(mine);

  beforeAll(async () => {
    stack = await startStack({ store: await storeCalls.openStore() });
    await seedAccounts(stack, [mine, theirs, ...others], [me]);
    const result = await stack.query<any>(`mutation { recomputeHealth { accountsScored } }`, { token: await stack.staffToken() });
    expect(result.data.recomputeHealth.accountsScored).toBe(22);
  });
  afterAll(async () => {
    await stack.stop();
    await stack.store.close();
  });

  const customer = () => stack.customerToken(mine._id, me._id);

  describe('a customer', () => {
    it("reads their own account's health, history, change and benchmark", async () => {
      const result = await stack.query<any>(OWN_HEALTH, { token: await customer(), variables: { id: mine._id } });
      expect(result.errors).toBeUndefined();
      expect(result.data.account.health.score).toEqual(expect.any(Number));
      expect(result.data.account.healthHistory).toHaveLength(1);
      expect(result.data.account.healthChange).toBeNull();
      // Their own values and the peers' medians, never a peer's own values.
      expect(Object.keys(result.data.account.usageBenchmark.metrics[0]).sort()).toEqual(['metric', 'peerCount', 'peerMedian', 'percentile', 'value']);
    });

    it("gets FORBIDDEN for another account's health through the root field", async () => {
      const result = await stack.query<any>(`query($id: ID!) { account(id: $id) { health { score } } }`, { token: await customer(), variables: { id: theirs._id } });
      expect(result.data?.account ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    });

    it("gets FORBIDDEN for another account's health through _entities, at the subgraph itself", async () => {
      const result = await stack.query<any>(ENTITIES, {
        token: await customer(),
        url: stack.subgraphUrls['accounts'],
        variables: { representations: [{ __typename: 'Account', id: theirs._id }] },
      });
      expect(result.data?._entities?.[0] ?? null).toBeNull();
      expect(result.errors?.map((error) => error.extensions?.['code'])).toContain('FORBIDDEN');
      expect(JSON.stringify(result.data ?? null)).not.toContain('score');
    });

    it('reads their own account through _entities', async () => {
      const result = await stack.query<any>(ENTITIES, {
        token: await customer(),
        url: stack.subgraphUrls['accounts'],
        variables: { representations: [{ __typename: 'Account', id: mine._id }] },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data._entities[0].health.score).toEqual(expect.any(Number));
    });

    it.each([
      ['accountsByHealth', '{ accountsByHealth { totalCount } }'],
      ['healthDistribution', '{ healthDistribution { total } }'],
      ['healthAlerts', '{ healthAlerts { totalCount } }'],
      ['recomputeHealth', 'mutation { recomputeHealth { accountsScored } }'],
    ])('gets FORBIDDEN for %s', async (_name, operation) => {
      const result = await stack.query<any>(operation, { token: await customer() });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect(result.data ?? null).toBeNull();
    });
  });

  describe('an integration with accounts:read', () => {
    it('reads the lists, the distribution and the alerts', async () => {
      const token = await stack.integrationToken(['accounts:read']);
      const result = await stack.query<any>(`{ accountsByHealth(first: 5) { totalCount } healthDistribution { total } healthAlerts { totalCount } }`, { token });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ accountsByHealth: { totalCount: 22 }, healthDistribution: { total: 22 }, healthAlerts: { totalCount: 0 } });
    });

    it('may not start a recompute', async () => {
      const result = await stack.query<any>(`mutation { recomputeHealth { accountsScored } }`, { token: await stack.integrationToken(['accounts:read', 'accounts:write']) });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    });

    it('without an accounts scope reads none of it', async () => {
      const result = await stack.query<any>(`{ accountsByHealth { totalCount } }`, { token: await stack.integrationToken(['support:read']) });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    });
  });

  it.each([
    ['the gateway', () => undefined],
    ['the accounts subgraph', () => stack.subgraphUrls['accounts']],
  ])('refuses a request without a token at %s', async (_name, url) => {
    const target = url();
    const result = await stack.query<any>(`{ accountsByHealth { totalCount } }`, { token: null, ...(target ? { url: target } : {}) });
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  describe('bad input', () => {
    it.each([0, 366, -1])('refuses healthHistory(days: %s) naming the argument', async (days) => {
      const result = await stack.query<any>(`query($id: ID!, $days: Int!) { account(id: $id) { healthHistory(days: $days) { day } } }`, {
        token: await stack.staffToken(),
        variables: { id: mine._id, days },
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'days' });
      expect(result.data?.account?.healthHistory ?? null).toBeNull();
    });

    it('accepts healthHistory(days: 365)', async () => {
      const result = await stack.query<any>(`query($id: ID!) { account(id: $id) { healthHistory(days: 365) { day } } }`, { token: await stack.staffToken(), variables: { id: mine._id } });
      expect(result.errors).toBeUndefined();
    });

    it.each(['yesterday', '2026-13-45T00:00:00Z', '2026-01-01 10:00'])('refuses healthChange(since: %j)', async (since) => {
      const result = await stack.query<any>(`query($id: ID!, $since: DateTime!) { account(id: $id) { healthChange(since: $since) { delta } } }`, {
        token: await stack.staffToken(),
        variables: { id: mine._id, since },
      });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(result.data?.account?.healthChange ?? null).toBeNull();
    });

    it('refuses a healthChange since a moment in the future', async () => {
      const result = await stack.query<any>(`query($id: ID!, $since: DateTime!) { account(id: $id) { healthChange(since: $since) { delta } } }`, {
        token: await stack.staffToken(),
        variables: { id: mine._id, since: new Date(Date.now() + 2 * DAY_MS).toISOString() },
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'since' });
    });

    it('refuses an unknown band, a page over 100 and a cursor from elsewhere', async () => {
      const token = await stack.staffToken();
      const band = await stack.query<any>(`{ accountsByHealth(band: DOOMED) { totalCount } }`, { token });
      expect(band.errors?.[0]?.extensions?.['code']).toMatch(/GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
      const page = await stack.query<any>(`{ accountsByHealth(first: 101) { totalCount } }`, { token });
      expect(page.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      const cursor = await stack.query<any>(`{ healthAlerts(after: "bm90LWEtY3Vyc29y") { totalCount } }`, { token });
      expect(cursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });
  });

  describe('store calls', () => {
    it('do not grow with the number of accounts whose health is read', async () => {
      const token = await stack.staffToken();
      const query = `query($first: Int!) { accounts(first: $first) { edges { node { id health { score components { key } } usageBenchmark { segment } } } } }`;
      let many: any;
      const fewCalls = await storeCalls.count(() => stack.query(query, { token, variables: { first: 2 } }));
      const manyCalls = await storeCalls.count(async () => {
        many = await stack.query<any>(query, { token, variables: { first: 20 } });
      });
      expect(many.data.accounts.edges).toHaveLength(20);
      expect(many.data.accounts.edges.every((edge: any) => edge.node.health.components.length === HEALTH_COMPONENTS.length)).toBe(true);
      expect(manyCalls).toBe(fewCalls);
    });

    it('for the health list are the same for 2 and for 20 accounts with their names', async () => {
      const token = await stack.staffToken();
      const query = `query($first: Int!) { accountsByHealth(first: $first) { edges { node { name health { score } } health { band } } } }`;
      const fewCalls = await storeCalls.count(() => stack.query(query, { token, variables: { first: 2 } }));
      const manyCalls = await storeCalls.count(() => stack.query(query, { token, variables: { first: 20 } }));
      expect(manyCalls).toBe(fewCalls);
      expect(manyCalls).toBeLessThanOrEqual(2);
    });
  });
});
