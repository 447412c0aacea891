import { buildAccount, buildUser } from '../helpers/factories';
import { metricValue, scrapeMetrics } from '../helpers/metrics';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

describe('Prometheus metrics', () => {
  let stack: Stack;
  const account = buildAccount();

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [account], [buildUser(account), buildUser(account)]);
  });
  afterAll(() => stack.stop());

  it('counts store operations per collection and operation in each subgraph', async () => {
    const accountsUrl = stack.subgraphUrls['accounts']!;
    const labels = { service: 'accounts', collection: 'users', operation: 'aggregate' };
    const before = metricValue(await scrapeMetrics(accountsUrl), 'hub_store_operations_total', labels);
    const result = await stack.query<any>(`query($id: ID!) { account(id: $id) { users { totalCount edges { node { id } } } } }`, {
      token: await stack.staffToken(),
      variables: { id: account._id },
    });
    expect(result.data.account.users.totalCount).toBe(2);
    const after = metricValue(await scrapeMetrics(accountsUrl), 'hub_store_operations_total', labels);
    expect(after - before).toBe(2);
  });

  it("counts the gateway's requests by status and records their durations", async () => {
    const text = await scrapeMetrics(stack.gatewayUrl);
    const ok = metricValue(text, 'hub_http_requests_total', { service: 'gateway', route: '/graphql', status: '200' });
    await stack.query(`{ viewer { role } }`, { token: await stack.staffToken() });
    await stack.query(`{ viewer { role } }`, { token: null });
    const later = await scrapeMetrics(stack.gatewayUrl);
    expect(metricValue(later, 'hub_http_requests_total', { service: 'gateway', route: '/graphql', status: '200' })).toBe(ok + 1);
    expect(metricValue(later, 'hub_http_requests_total', { service: 'gateway', route: '/graphql', status: '401' })).toBeGreaterThanOrEqual(1);
    expect(metricValue(later, 'hub_http_request_duration_seconds_count', { service: 'gateway', route: '/graphql' })).toBeGreaterThanOrEqual(2);
  });

  it('labels unknown paths as one route so label values stay bounded', async () => {
    await fetch(stack.gatewayUrl.replace('/graphql', '/no/such/path/123'));
    const text = await scrapeMetrics(stack.gatewayUrl);
    expect(text).not.toContain('/no/such/path');
    expect(metricValue(text, 'hub_http_requests_total', { service: 'gateway', route: 'unmatched', status: '404' })).toBeGreaterThanOrEqual(1);
  });
});
