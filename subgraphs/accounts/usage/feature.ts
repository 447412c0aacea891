import type { ServiceMetrics } from '../../kit/metrics';
import type { HubDatabase } from '../../kit/store/types';
import type { SubgraphDeps, SubgraphFeature } from '../../kit/subgraph-service';
import { AccountsRepository } from '../repository';
import { UsageIngestor } from './ingest';
import { UsageReports } from './report';
import { UsageRepository } from './repository';
import { usageResolvers, type UsageRequestContext } from './resolvers';
import { createSeatsLoader, readSeatsLicensed } from './seats';
import { summarizeUsage, type AccountUsageSummary, type UsageWindow } from './usage-summary';

/** What the usage feature offers the rest of the subgraph (health reads it). */
export interface UsageFeature extends SubgraphFeature<UsageRequestContext> {
  /** Usage of many accounts over a window in one aggregation; accounts without usage get zeros. */
  summaries(accountIds: readonly string[], window: UsageWindow): Promise<Map<string, AccountUsageSummary>>;
  /**
   * Licensed seats of many accounts (null without a current contract), read from contracts
   * through the graph in one request per 200 accounts. Rejects when the graph cannot answer.
   */
  seatsLicensed(accountIds: readonly string[]): Promise<Map<string, number | null>>;
}

/** Product usage: Segment-style events in, daily rollups, usage reports. */
export async function createUsageFeature(options: { deps: SubgraphDeps; database: HubDatabase; metrics: ServiceMetrics }): Promise<UsageFeature> {
  const { deps, database } = options;
  const repository = new UsageRepository(database, new AccountsRepository(database));
  await repository.ensureIndexes();
  return {
    resolvers: usageResolvers,
    createContext: (base): UsageRequestContext => ({
      usageIngest: new UsageIngestor(base.identity, repository),
      usageReports: new UsageReports(base.identity, repository, createSeatsLoader(deps.graph, base.logger)),
    }),
    summaries: (accountIds, window) => summarizeUsage(repository.days, accountIds, window),
    seatsLicensed: (accountIds) => readSeatsLicensed(deps.graph, accountIds),
  };
}
