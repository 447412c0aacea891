import type { ServiceMetrics } from '../../kit/metrics';
import type { HubDatabase } from '../../kit/store/types';
import type { SubgraphDeps, SubgraphFeature } from '../../kit/subgraph-service';
import type { UsageFeature } from '../usage/feature';

/** Explainable health scores, their history and the lists built on them. */
export async function createHealthFeature(_options: {
  deps: SubgraphDeps;
  database: HubDatabase;
  metrics: ServiceMetrics;
  usage: UsageFeature;
}): Promise<SubgraphFeature<object>> {
  return { resolvers: {}, createContext: () => ({}) };
}
