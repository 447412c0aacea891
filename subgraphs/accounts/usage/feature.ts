import type { ServiceMetrics } from '../../kit/metrics';
import type { HubDatabase } from '../../kit/store/types';
import type { SubgraphDeps, SubgraphFeature } from '../../kit/subgraph-service';
import type { AccountUsageSummary, UsageWindow } from './usage-summary';

/** What the usage feature offers the rest of the subgraph (health reads it). */
export interface UsageFeature extends SubgraphFeature<object> {
  summaries(accountIds: readonly string[], window: UsageWindow): Promise<Map<string, AccountUsageSummary>>;
}

/** Product usage: Segment-style events in, daily rollups, usage reports. */
export async function createUsageFeature(_options: { deps: SubgraphDeps; database: HubDatabase; metrics: ServiceMetrics }): Promise<UsageFeature> {
  return {
    resolvers: {},
    createContext: () => ({}),
    summaries: async (accountIds) =>
      new Map(accountIds.map((accountId) => [accountId, { accountId, activeUsers: 0, breadth: 0, depth: 0, frequency: 0, keyFeaturesUsed: [] }])),
  };
}
