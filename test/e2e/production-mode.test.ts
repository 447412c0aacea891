import type { HubStore } from '../../subgraphs/kit/store/types';
import { openTestStore, postGraphql, startStack, testConfig, type GraphqlResult, type Stack } from '../helpers/stack';

const INTROSPECTION = `{ __schema { types { name } } }`;

function expectNoStackTrace(result: GraphqlResult<unknown>): void {
  expect(JSON.stringify(result)).not.toMatch(/stacktrace/i);
}

describe('a hub started with NODE_ENV=production', () => {
  // The stack does not own this store, so the last test can close it and stop() still works.
  let store: HubStore;
  let stack: Stack;

  beforeAll(async () => {
    store = await openTestStore();
    stack = await startStack({ store, config: testConfig({ NODE_ENV: 'production' }) });
  });
  afterAll(async () => {
    await stack.stop();
    await store.close();
  });

  it('runs with production settings', () => {
    expect(stack.config.isProduction).toBe(true);
  });

  it('refuses introspection through the gateway', async () => {
    const result = await stack.query(INTROSPECTION, { token: await stack.staffToken() });
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).toMatch(/introspection/i);
    expectNoStackTrace(result);
  });

  it('refuses introspection straight at the accounts subgraph, even with a valid staff token', async () => {
    const result = await postGraphql(stack.subgraphUrls['accounts']!, INTROSPECTION, { token: await stack.staffToken() });
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it("keeps a registry error's code and message, without a stack trace", async () => {
    const result = await stack.query<any>(`{ accounts { totalCount } }`, { token: await stack.customerToken('acc_1', 'usr_1') });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toBe('Not allowed: listing accounts needs staff or one of the scopes accounts:read, accounts:write');
    expectNoStackTrace(result);
  });

  // Runs last: it closes the store under the running hub to make every resolver fail unexpectedly.
  it('masks an unexpected resolver error as "Internal server error", at the gateway and at the subgraph', async () => {
    await store.close();
    const token = await stack.staffToken();

    for (const url of [stack.gatewayUrl, stack.subgraphUrls['accounts']!]) {
      const result = await postGraphql<any>(url, `{ accounts { totalCount } }`, { token });
      expect(result.data ?? null).toBeNull();
      expect(result.errors).toEqual([{ message: 'Internal server error', path: ['accounts'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
      expect(JSON.stringify(result)).not.toMatch(/store|closed|mongo/i);
      expectNoStackTrace(result);
    }
  });
});

describe('a hub outside production (the default test stack)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());

  it('allows introspection', async () => {
    const result = await stack.query<any>(INTROSPECTION, { token: await stack.staffToken() });
    expect(result.errors).toBeUndefined();
    expect(result.data.__schema.types.map((type: { name: string }) => type.name)).toContain('Account');
  });

  it("keeps a registry error's code and message", async () => {
    const result = await stack.query(`{ accounts { totalCount } }`, { token: await stack.customerToken('acc_1', 'usr_1') });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toBe('Not allowed: listing accounts needs staff or one of the scopes accounts:read, accounts:write');
  });
});
