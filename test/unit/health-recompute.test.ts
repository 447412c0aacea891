import { benchmarkOf, collectPeerValues, median, percentileRank } from '../../subgraphs/accounts/health/benchmark';
import { HealthRecomputer } from '../../subgraphs/accounts/health/recompute';
import { HealthRepository } from '../../subgraphs/accounts/health/repository';
import type { GraphAccountSignals } from '../../subgraphs/accounts/health/signals';
import type { AccountUsageSummary, UsageWindow } from '../../subgraphs/accounts/usage/usage-summary';
import type { GraphClient } from '../../subgraphs/kit/graph-client';
import { openStore } from '../../subgraphs/kit/store/open-store';
import type { HubStore } from '../../subgraphs/kit/store/types';
import { buildSignals, copyOfDefaultModel, DAY_MS } from '../helpers/health';

/** A graph that answers the signals query from a fixed list, `first` accounts per page. */
function fakeGraph(accounts: readonly GraphAccountSignals[]): GraphClient & { pagesServed: number } {
  const graph = {
    pagesServed: 0,
    async request<T>(_query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const first = Number(variables['first']);
      const start = variables['after'] ? Number(variables['after']) : 0;
      const page = accounts.slice(start, start + first);
      graph.pagesServed += 1;
      const hasNextPage = start + first < accounts.length;
      return { accounts: { edges: page.map((node) => ({ node })), pageInfo: { hasNextPage, endCursor: hasNextPage ? String(start + first) : null } } } as T;
    },
  };
  return graph;
}

function graphAccount(index: number, overrides: Partial<GraphAccountSignals> = {}): GraphAccountSignals {
  return {
    id: `acc_r${String(index).padStart(3, '0')}`,
    segment: 'SMB',
    seatsLicensed: 10,
    renewalDate: new Date(Date.UTC(2027, 0, 1)).toISOString(),
    support: { urgentOpen: 0, csat90d: 0.9 },
    learning: { enrollmentCount: 4, completionRate: 0.5, certifiedUsers: 1 },
    community: { activeMembers30d: 2 },
    contracts: null,
    ...overrides,
  };
}

function usageOf(accountId: string, activeUsers: number, breadth: number): AccountUsageSummary {
  return { accountId, activeUsers, breadth, depth: activeUsers * 5, frequency: activeUsers ? 3 : 0, keyFeaturesUsed: [] };
}

describe('peer benchmarks', () => {
  it('ranks a value among its peers, ties counting half', () => {
    expect(percentileRank(5, [1, 2, 5, 9])).toBe(62.5);
    expect(percentileRank(1, [1, 2, 5, 9])).toBe(12.5);
    expect(percentileRank(9, [9])).toBe(50);
  });

  it('takes the median of odd and even peer groups', () => {
    expect(median([1, 2, 9])).toBe(2);
    expect(median([1, 2, 5, 9])).toBe(3.5);
    expect(median([])).toBeNull();
  });

  it('compares within the segment and leaves accounts without seats out of seat utilization', () => {
    const accounts = [
      { ...buildSignals('SMB', { SEAT_UTILIZATION: 0.2 }), accountId: 'a' },
      { ...buildSignals('SMB', { SEAT_UTILIZATION: 0.8 }), accountId: 'b' },
      { ...buildSignals('SMB', { SEAT_UTILIZATION: null }), accountId: 'c' },
      { ...buildSignals('ENTERPRISE', { SEAT_UTILIZATION: 0.01 }), accountId: 'd' },
    ];
    const peers = collectPeerValues(accounts);
    const [, , , seats] = benchmarkOf(accounts[0]!, peers);
    expect(seats).toEqual({ metric: 'SEAT_UTILIZATION', value: 0.2, percentile: 25, peerMedian: 0.5, peerCount: 2 });
    expect(benchmarkOf(accounts[2]!, peers)[3]).toEqual({ metric: 'SEAT_UTILIZATION', value: null, percentile: null, peerMedian: 0.5, peerCount: 2 });
  });
});

describe('recomputing health', () => {
  let store: HubStore;
  let repository: HealthRepository;
  const model = copyOfDefaultModel();
  const accounts = Array.from({ length: 230 }, (_, index) => graphAccount(index));
  const dayOne = new Date('2026-03-01T06:00:00Z');
  const dayTwo = new Date(dayOne.getTime() + DAY_MS);

  beforeEach(async () => {
    store = await openStore({});
    repository = new HealthRepository(store.db('health_unit'));
    await repository.ensureIndexes();
  });
  afterEach(() => store.close());

  function recomputer(now: Date, summaries: (accountId: string) => AccountUsageSummary, windows: UsageWindow[] = []) {
    const graph = fakeGraph(accounts);
    const usage = {
      summaries: async (accountIds: readonly string[], window: UsageWindow) => {
        windows.push(window);
        return new Map(accountIds.map((accountId) => [accountId, summaries(accountId)]));
      },
    };
    return { graph, run: () => new HealthRecomputer({ repository, graph, usage, model, now: () => now }).run() };
  }

  it('pages the graph 100 accounts at a time and asks usage for each page over the model window', async () => {
    const windows: UsageWindow[] = [];
    const { graph, run } = recomputer(dayOne, (accountId) => usageOf(accountId, 6, 0.5), windows);
    const summary = await run();
    expect(summary).toMatchObject({ day: '2026-03-01', accountsScored: 230, alertsRaised: 0 });
    expect(graph.pagesServed).toBe(3);
    expect(windows).toHaveLength(3);
    expect(windows[0]!.to).toEqual(dayOne);
    expect(dayOne.getTime() - windows[0]!.from.getTime()).toBe(model.usageWindowDays * DAY_MS);
    expect(await repository.snapshots.countDocuments({ isLatest: true })).toBe(230);
  });

  it('raises an alert explained by usage when seat utilization collapses overnight', async () => {
    const collapsing = accounts[7]!.id;
    await recomputer(dayOne, (accountId) => usageOf(accountId, 6, 0.5)).run();
    const summary = await recomputer(dayTwo, (accountId) => (accountId === collapsing ? usageOf(accountId, 0, 0) : usageOf(accountId, 6, 0.5))).run();
    expect(summary.alertsRaised).toBe(1);
    const [alert] = await repository.alerts.find({}).toArray();
    expect(alert).toMatchObject({ accountId: collapsing, day: '2026-03-02', kinds: expect.arrayContaining(['SCORE_DROP']) });
    expect(alert!.change.components.slice(0, 4).map((component) => component.group)).toEqual(['USAGE', 'USAGE', 'USAGE', 'USAGE']);
    const seats = alert!.change.components.find((component) => component.key === 'SEAT_UTILIZATION')!;
    expect(seats).toMatchObject({ reasonThen: 'Seat utilization 60% — peer median 60%', reasonNow: 'Seat utilization 0% — peer median 60%' });
    expect(await repository.snapshots.countDocuments({ accountId: collapsing })).toBe(2);
    expect(await repository.snapshots.countDocuments({ accountId: collapsing, isLatest: true, day: '2026-03-02' })).toBe(1);
  });

  it('writes nothing when reading the signals fails part way', async () => {
    const { graph, run } = recomputer(dayOne, (accountId) => usageOf(accountId, 6, 0.5));
    const request = graph.request.bind(graph);
    graph.request = async <T>(query: string, variables?: Record<string, unknown>) => {
      if (variables?.['after']) throw new Error('support is down');
      return request<T>(query, variables);
    };
    await expect(run()).rejects.toThrow('support is down');
    expect(await repository.snapshots.countDocuments()).toBe(0);
  });
});
