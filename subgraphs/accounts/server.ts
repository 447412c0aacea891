import { createServiceMetrics } from '../kit/metrics';
import { subgraphTypeDefs } from '../kit/sdl';
import type { HubService } from '../kit/apollo-service';
import { createSubgraphService, subgraphDatabase, type SubgraphDeps } from '../kit/subgraph-service';
import { AccountsRepository } from './repository';
import { accountsResolvers, type AccountsContext } from './resolvers';
import { AccountsService } from './service';
import { AccountsWriter } from './upserts';

export const ACCOUNTS_SUBGRAPH = 'accounts';

/** Builds the accounts subgraph (indexes created, not yet listening). */
export async function createAccountsSubgraph(deps: SubgraphDeps): Promise<HubService> {
  const metrics = createServiceMetrics(ACCOUNTS_SUBGRAPH);
  const repository = new AccountsRepository(subgraphDatabase(deps, ACCOUNTS_SUBGRAPH, metrics));
  await repository.ensureIndexes();
  return createSubgraphService<AccountsContext>(
    {
      name: ACCOUNTS_SUBGRAPH,
      typeDefs: subgraphTypeDefs(__dirname),
      resolvers: accountsResolvers,
      metrics,
      createContext: (base) => ({
        ...base,
        accounts: new AccountsService(base.identity, repository),
        writer: new AccountsWriter(base.identity, repository),
      }),
    },
    deps,
  );
}
