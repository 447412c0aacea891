import { join } from 'node:path';
import type { HubService } from '../kit/apollo-service';
import { createServiceMetrics } from '../kit/metrics';
import { subgraphTypeDefs } from '../kit/sdl';
import { createSubgraphService, type SubgraphDeps } from '../kit/subgraph-service';

export const SUPPORT_SUBGRAPH = 'support';

/** Builds the support subgraph (not yet listening). */
export async function createSupportSubgraph(deps: SubgraphDeps): Promise<HubService> {
  return createSubgraphService(
    {
      name: SUPPORT_SUBGRAPH,
      typeDefs: subgraphTypeDefs(join(__dirname, 'schema.graphql')),
      resolvers: { Query: { supportPlaceholder: () => null } },
      metrics: createServiceMetrics(SUPPORT_SUBGRAPH),
      createContext: (base) => base,
    },
    deps,
  );
}
