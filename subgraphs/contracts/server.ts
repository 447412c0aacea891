import { join } from 'node:path';
import type { HubService } from '../kit/apollo-service';
import { createServiceMetrics } from '../kit/metrics';
import { subgraphTypeDefs } from '../kit/sdl';
import { createSubgraphService, type SubgraphDeps } from '../kit/subgraph-service';

export const CONTRACTS_SUBGRAPH = 'contracts';

/** Builds the contracts subgraph (not yet listening). */
export async function createContractsSubgraph(deps: SubgraphDeps): Promise<HubService> {
  return createSubgraphService(
    {
      name: CONTRACTS_SUBGRAPH,
      typeDefs: subgraphTypeDefs(join(__dirname, 'schema.graphql')),
      resolvers: { Query: { contractsPlaceholder: () => null } },
      metrics: createServiceMetrics(CONTRACTS_SUBGRAPH),
      createContext: (base) => base,
    },
    deps,
  );
}
