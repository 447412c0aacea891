import type { HubService } from '../kit/apollo-service';
import { createServiceMetrics } from '../kit/metrics';
import { subgraphTypeDefs } from '../kit/sdl';
import { createSubgraphService, subgraphDatabase, type SubgraphDeps } from '../kit/subgraph-service';
import { ContractsRepository } from './repository';
import { contractsResolvers, type ContractsContext } from './resolvers';
import { ContractsService } from './service';
import { ContractsWriter } from './upserts';

export const CONTRACTS_SUBGRAPH = 'contracts';

/** Builds the contracts subgraph (indexes created, not yet listening). */
export async function createContractsSubgraph(deps: SubgraphDeps): Promise<HubService> {
  const metrics = createServiceMetrics(CONTRACTS_SUBGRAPH);
  const repository = new ContractsRepository(subgraphDatabase(deps, CONTRACTS_SUBGRAPH, metrics));
  await repository.ensureIndexes();
  return createSubgraphService<ContractsContext>(
    {
      name: CONTRACTS_SUBGRAPH,
      typeDefs: subgraphTypeDefs(__dirname),
      resolvers: contractsResolvers,
      metrics,
      createContext: (base) => ({
        ...base,
        contracts: new ContractsService(base.identity, repository),
        writer: new ContractsWriter(base.identity, repository),
      }),
    },
    deps,
  );
}
