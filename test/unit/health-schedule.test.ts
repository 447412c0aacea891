import { createHealthFeature } from '../../subgraphs/accounts/health/feature';
import { createLogger } from '../../subgraphs/kit/logger';
import { createServiceMetrics } from '../../subgraphs/kit/metrics';
import { openStore } from '../../subgraphs/kit/store/open-store';
import type { HubStore } from '../../subgraphs/kit/store/types';
import type { SubgraphDeps } from '../../subgraphs/kit/subgraph-service';

describe('the health recompute schedule', () => {
  let store: HubStore;
  const request = jest.fn(async () => ({ accounts: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } }));

  beforeEach(async () => {
    store = await openStore({});
    request.mockClear();
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  });
  afterEach(async () => {
    jest.useRealTimers();
    await store.close();
  });

  async function startFeature(recomputeIntervalMinutes?: number) {
    const deps = { logger: createLogger({ level: 'silent' }), graph: { request } } as unknown as SubgraphDeps;
    return createHealthFeature({
      deps,
      database: store.db('health_schedule'),
      metrics: createServiceMetrics('accounts'),
      usage: { summaries: async () => new Map() },
      ...(recomputeIntervalMinutes === undefined ? {} : { recomputeIntervalMinutes }),
    });
  }

  it('recomputes once per interval and never again after the service stops', async () => {
    const feature = await startFeature(15);
    expect(request).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(15 * 60_000);
    expect(request).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(15 * 60_000);
    expect(request).toHaveBeenCalledTimes(2);
    feature.onStop?.();
    await jest.advanceTimersByTimeAsync(60 * 60_000);
    expect(request).toHaveBeenCalledTimes(2);
  });

  it('runs hourly by default and not at all with an interval of 0', async () => {
    const hourly = await startFeature();
    await jest.advanceTimersByTimeAsync(59 * 60_000);
    expect(request).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(request).toHaveBeenCalledTimes(1);
    hourly.onStop?.();
    request.mockClear();
    const off = await startFeature(0);
    await jest.advanceTimersByTimeAsync(24 * 60 * 60_000);
    expect(request).not.toHaveBeenCalled();
    off.onStop?.();
  });
});
