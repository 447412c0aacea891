import type { HubService } from '../kit/apollo-service';
import { createServiceMetrics } from '../kit/metrics';
import { subgraphTypeDefs } from '../kit/sdl';
import { createSubgraphService, mergeResolverMaps, subgraphDatabase, type SubgraphDeps } from '../kit/subgraph-service';
import { createHealthFeature } from './health/feature';
import type { HealthContext } from './health/resolvers';
import { createInfluenceFeature } from './influence/feature';
import type { InfluenceContext } from './influence/resolvers';
import { AccountsRepository } from './repository';
import { accountsResolvers, type AccountsContext } from './resolvers';
import { AccountsService } from './service';
import { AccountsWriter } from './upserts';
import { createUsageFeature } from './usage/feature';
import type { UsageRequestContext } from './usage/resolvers';

export const ACCOUNTS_SUBGRAPH = 'accounts';

/** One request's context: the accounts services plus each feature's. */
type AccountsRequest = AccountsContext & UsageRequestContext & HealthContext & InfluenceContext;

/** Builds the accounts subgraph with its usage and health features (indexes created, not yet listening). */
export async function createAccountsSubgraph(deps: SubgraphDeps): Promise<HubService> {
  const metrics = createServiceMetrics(ACCOUNTS_SUBGRAPH);
  const database = subgraphDatabase(deps, ACCOUNTS_SUBGRAPH, metrics);
  const repository = new AccountsRepository(database);
  await repository.ensureIndexes();
  const usage = await createUsageFeature({ deps, database, metrics });
  const health = await createHealthFeature({
    deps,
    database,
    metrics,
    usage,
    recomputeIntervalMinutes: deps.config.HUB_HEALTH_RECOMPUTE_MINUTES,
  });
  const influence = await createInfluenceFeature({ deps, database, metrics });
  return createSubgraphService<AccountsRequest>(
    {
      name: ACCOUNTS_SUBGRAPH,
      typeDefs: subgraphTypeDefs(__dirname),
      resolvers: mergeResolverMaps<AccountsRequest>(accountsResolvers, usage.resolvers, health.resolvers, influence.resolvers),
      metrics,
      createContext: (base) => ({
        ...base,
        accounts: new AccountsService(base.identity, repository),
        writer: new AccountsWriter(base.identity, repository),
        ...usage.createContext(base),
        ...health.createContext(base),
        ...influence.createContext(base),
      }),
      onStop: () => {
        usage.onStop?.();
        health.onStop?.();
      },
    },
    deps,
  );
}
