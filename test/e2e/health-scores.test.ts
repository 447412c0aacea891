import { HEALTH_COMPONENTS } from '../../subgraphs/accounts/health/components';
import { buildAccount, buildUser } from '../helpers/factories';
import { buildContract, seedContracts } from '../helpers/contracts';
import { sumOfContributions } from '../helpers/health';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';
import { buildTicket, seedSupport } from '../helpers/support';

const HEALTH_FIELDS = `score band day computedAt modelVersion components { key name group hasData value score weight contribution reason }`;

const AT_RISK_LIST = `query($band: HealthBand, $segment: Segment, $first: Int, $after: String) {
  accountsByHealth(band: $band, segment: $segment, first: $first, after: $after) {
    totalCount
    edges { cursor node { id name } health { ${HEALTH_FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('health scores through the gateway', () => {
  let stack: Stack;
  const troubled = buildAccount({ name: 'Troubled Co', segment: 'SMB' });
  const steady = buildAccount({ name: 'Steady Co', segment: 'SMB' });
  const large = buildAccount({ name: 'Large Co', segment: 'ENTERPRISE' });
  const prospects = Array.from({ length: 4 }, () => buildAccount({ segment: 'MID_MARKET', customerSince: null }));
  const troubledUser = buildUser(troubled);
  const steadyUser = buildUser(steady);

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [troubled, steady, large, ...prospects], [troubledUser, steadyUser]);
    await seedSupport(stack, {
      tickets: [
        buildTicket(troubledUser, { priority: 'URGENT' }),
        buildTicket(troubledUser, { priority: 'URGENT' }),
        buildTicket(troubledUser, { priority: 'URGENT' }),
        buildTicket(steadyUser, { status: 'SOLVED', satisfaction: { rating: 'GOOD', comment: null }, solvedAt: new Date() }),
      ],
    });
    await seedContracts(stack, [buildContract(troubled._id), buildContract(steady._id), buildContract(large._id)]);
  });
  afterAll(() => stack.stop());

  it('has no score before the first recompute', async () => {
    const result = await stack.query<any>(`query($id: ID!) { account(id: $id) { health { score } } }`, { token: await stack.staffToken(), variables: { id: steady._id } });
    expect(result.errors).toBeUndefined();
    expect(result.data.account.health).toBeNull();
  });

  it('scores every account on recompute and reports counts and duration', async () => {
    const result = await stack.query<any>(`mutation { recomputeHealth { day computedAt accountsScored alertsRaised durationMs } }`, { token: await stack.staffToken() });
    expect(result.errors).toBeUndefined();
    expect(result.data.recomputeHealth).toMatchObject({ accountsScored: 7, alertsRaised: 0, day: new Date().toISOString().slice(0, 10) });
    expect(result.data.recomputeHealth.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('explains a score with components whose contributions add up to it', async () => {
    const result = await stack.query<any>(`query($id: ID!) { account(id: $id) { health { ${HEALTH_FIELDS} } } }`, { token: await stack.staffToken(), variables: { id: troubled._id } });
    const health = result.data.account.health;
    expect(health.components).toHaveLength(HEALTH_COMPONENTS.length);
    expect(health.components.find((component: any) => component.key === 'SEAT_UTILIZATION').name).toBe('Seat utilization');
    expect(sumOfContributions(health.components)).toBeCloseTo(health.score, 6);
    const byKey = Object.fromEntries(health.components.map((component: any) => [component.key, component]));
    expect(byKey.URGENT_TICKETS).toMatchObject({ group: 'SUPPORT', hasData: true, value: 3, score: 0, contribution: 0, reason: '3 urgent tickets open' });
    // No rated tickets, no enrollments: missing, left out, the rest re-weighted.
    expect(byKey.CSAT).toMatchObject({ hasData: false, value: null, score: null, weight: 0, contribution: 0 });
    expect(byKey.LEARNING_COMPLETION).toMatchObject({ hasData: false, weight: 0 });
    expect(byKey.DAYS_TO_RENEWAL).toMatchObject({ group: 'CONTRACT', hasData: true });
    expect(byKey.DAYS_TO_RENEWAL.value).toBeGreaterThanOrEqual(263);
    expect(byKey.SEAT_UTILIZATION.reason).toMatch(/^Seat utilization \d+% — peer median \d+%$/);
    const weights = health.components.reduce((sum: number, component: any) => sum + component.weight, 0);
    expect(weights).toBeCloseTo(1, 6);
  });

  it('scores three urgent tickets below an account without any, whatever usage says', async () => {
    const result = await stack.query<any>(`{ a: account(id: "${troubled._id}") { health { score } } b: account(id: "${steady._id}") { health { score } } }`, { token: await stack.staffToken() });
    expect(result.data.a.health.score).toBeLessThan(result.data.b.health.score);
  });

  it('lists accounts worst first, with the health the list was ordered by', async () => {
    const result = await stack.query<any>(AT_RISK_LIST, { token: await stack.staffToken(), variables: { first: 100 } });
    expect(result.errors).toBeUndefined();
    const { edges, totalCount } = result.data.accountsByHealth;
    expect(totalCount).toBe(7);
    const scores = edges.map((edge: any) => edge.health.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    for (const edge of edges) expect(sumOfContributions(edge.health.components)).toBeCloseTo(edge.health.score, 6);
    const troubledIndex = edges.findIndex((edge: any) => edge.node.id === troubled._id);
    const steadyIndex = edges.findIndex((edge: any) => edge.node.id === steady._id);
    expect(troubledIndex).toBeLessThan(steadyIndex);
  });

  it('filters the list by band and segment and pages through it without overlap', async () => {
    const token = await stack.staffToken();
    const all = await stack.query<any>(AT_RISK_LIST, { token, variables: { first: 100 } });
    const atRisk = all.data.accountsByHealth.edges.filter((edge: any) => edge.health.band === 'AT_RISK').map((edge: any) => edge.node.id);
    const filtered = await stack.query<any>(AT_RISK_LIST, { token, variables: { band: 'AT_RISK', first: 100 } });
    expect(filtered.data.accountsByHealth.edges.map((edge: any) => edge.node.id)).toEqual(atRisk);
    expect(filtered.data.accountsByHealth.totalCount).toBe(atRisk.length);

    const bySegment = await stack.query<any>(AT_RISK_LIST, { token, variables: { segment: 'MID_MARKET', first: 100 } });
    expect(bySegment.data.accountsByHealth.totalCount).toBe(4);

    const first = await stack.query<any>(AT_RISK_LIST, { token, variables: { first: 3 } });
    const second = await stack.query<any>(AT_RISK_LIST, { token, variables: { first: 100, after: first.data.accountsByHealth.pageInfo.endCursor } });
    expect(first.data.accountsByHealth.pageInfo.hasNextPage).toBe(true);
    const paged = [...first.data.accountsByHealth.edges, ...second.data.accountsByHealth.edges].map((edge: any) => edge.node.id);
    expect(paged).toEqual(all.data.accountsByHealth.edges.map((edge: any) => edge.node.id));
  });

  it('counts accounts per band and per score bucket', async () => {
    const token = await stack.staffToken();
    const list = await stack.query<any>(AT_RISK_LIST, { token, variables: { first: 100 } });
    const result = await stack.query<any>(`{ healthDistribution { segment total bands { band count } histogram { from to count } } }`, { token });
    const distribution = result.data.healthDistribution;
    expect(distribution.total).toBe(7);
    expect(distribution.segment).toBeNull();
    const edges = list.data.accountsByHealth.edges;
    for (const { band, count } of distribution.bands) expect(count).toBe(edges.filter((edge: any) => edge.health.band === band).length);
    expect(distribution.histogram).toHaveLength(10);
    expect(distribution.histogram.reduce((sum: number, bucket: any) => sum + bucket.count, 0)).toBe(7);
    for (const bucket of distribution.histogram) {
      const inBucket = edges.filter((edge: any) => edge.health.score >= bucket.from && (edge.health.score < bucket.to || (bucket.to === 100 && edge.health.score === 100)));
      expect(bucket.count).toBe(inBucket.length);
    }
    const smb = await stack.query<any>(`{ healthDistribution(segment: SMB) { segment total } }`, { token });
    expect(smb.data.healthDistribution).toEqual({ segment: 'SMB', total: 2 });
  });

  it("benchmarks an account's usage within its segment with the peer median", async () => {
    const result = await stack.query<any>(`query($id: ID!) { account(id: $id) { usageBenchmark { segment computedAt metrics { metric value percentile peerMedian peerCount } } } }`, {
      token: await stack.staffToken(),
      variables: { id: large._id },
    });
    const benchmark = result.data.account.usageBenchmark;
    expect(benchmark.segment).toBe('ENTERPRISE');
    expect(benchmark.metrics.map((entry: any) => entry.metric)).toEqual(['USAGE_BREADTH', 'USAGE_DEPTH', 'USAGE_FREQUENCY', 'SEAT_UTILIZATION']);
    // The only enterprise account is its own peer group: the middle of it.
    for (const entry of benchmark.metrics) expect(entry).toMatchObject({ percentile: 50, peerCount: 1, peerMedian: entry.value });
  });

  it('keeps one snapshot per account and day when recomputed again', async () => {
    const token = await stack.staffToken();
    await stack.query(`mutation { recomputeHealth { accountsScored } }`, { token });
    const result = await stack.query<any>(`query($id: ID!) { account(id: $id) { healthHistory(days: 30) { day score band } } }`, { token, variables: { id: troubled._id } });
    expect(result.data.account.healthHistory).toHaveLength(1);
    expect(result.data.account.healthHistory[0].day).toBe(new Date().toISOString().slice(0, 10));
  });
});
