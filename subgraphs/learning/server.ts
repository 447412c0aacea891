import { join } from 'node:path';
import type { HubService } from '../kit/apollo-service';
import { createServiceMetrics } from '../kit/metrics';
import { subgraphTypeDefs } from '../kit/sdl';
import { createSubgraphService, type SubgraphDeps } from '../kit/subgraph-service';

export const LEARNING_SUBGRAPH = 'learning';

/** Builds the learning subgraph (not yet listening). */
export async function createLearningSubgraph(deps: SubgraphDeps): Promise<HubService> {
  return createSubgraphService(
    {
      name: LEARNING_SUBGRAPH,
      typeDefs: subgraphTypeDefs(join(__dirname, 'schema.graphql')),
      resolvers: { Query: { learningPlaceholder: () => null } },
      metrics: createServiceMetrics(LEARNING_SUBGRAPH),
      createContext: (base) => base,
    },
    deps,
  );
}
