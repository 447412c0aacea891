import { join } from 'node:path';
import type { HubService } from '../kit/apollo-service';
import { createServiceMetrics } from '../kit/metrics';
import { subgraphTypeDefs } from '../kit/sdl';
import { createSubgraphService, type SubgraphDeps } from '../kit/subgraph-service';

export const COMMUNITY_SUBGRAPH = 'community';

/** Builds the community subgraph (not yet listening). */
export async function createCommunitySubgraph(deps: SubgraphDeps): Promise<HubService> {
  return createSubgraphService(
    {
      name: COMMUNITY_SUBGRAPH,
      typeDefs: subgraphTypeDefs(join(__dirname, 'schema.graphql')),
      resolvers: { Query: { communityPlaceholder: () => null } },
      metrics: createServiceMetrics(COMMUNITY_SUBGRAPH),
      createContext: (base) => base,
    },
    deps,
  );
}
