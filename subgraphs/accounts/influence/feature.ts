import type { ServiceMetrics } from '../../kit/metrics';
import type { HubDatabase } from '../../kit/store/types';
import type { RequestBase, SubgraphDeps, SubgraphFeature } from '../../kit/subgraph-service';
import { influenceResolvers, type InfluenceContext } from './resolvers';
import { InfluenceService } from './service';

export interface InfluenceFeatureOptions {
  deps: SubgraphDeps;
  /** Unused: influence stores nothing and reads other domains through the graph; kept for the features' common shape. */
  database: HubDatabase;
  metrics: ServiceMetrics;
}

export interface InfluenceFeature extends SubgraphFeature<InfluenceContext> {
  createContext(base: RequestBase): InfluenceContext;
}

/** Community influence on new business and expansion (`Query.communityInfluence`). */
export async function createInfluenceFeature(options: InfluenceFeatureOptions): Promise<InfluenceFeature> {
  const { graph } = options.deps;
  return {
    resolvers: influenceResolvers,
    createContext: (base) => ({ influence: new InfluenceService(base.identity, graph, base.logger) }),
  };
}
