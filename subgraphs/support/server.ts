import type { HubService } from '../kit/apollo-service';
import { createServiceMetrics } from '../kit/metrics';
import { subgraphTypeDefs } from '../kit/sdl';
import { createSubgraphService, subgraphDatabase, type SubgraphDeps } from '../kit/subgraph-service';
import { ArticleWriter } from './article-writes';
import { SupportRepository } from './repository';
import { supportResolvers, type SupportContext } from './resolvers';
import { SupportService } from './service';
import { TicketWriter } from './ticket-upserts';

export const SUPPORT_SUBGRAPH = 'support';

/** Builds the support subgraph (indexes created, not yet listening). */
export async function createSupportSubgraph(deps: SubgraphDeps): Promise<HubService> {
  const metrics = createServiceMetrics(SUPPORT_SUBGRAPH);
  const repository = new SupportRepository(subgraphDatabase(deps, SUPPORT_SUBGRAPH, metrics));
  await repository.ensureIndexes();
  return createSubgraphService<SupportContext>(
    {
      name: SUPPORT_SUBGRAPH,
      typeDefs: subgraphTypeDefs(__dirname),
      resolvers: supportResolvers,
      metrics,
      createContext: (base) => ({
        ...base,
        support: new SupportService(base.identity, repository),
        tickets: new TicketWriter(base.identity, repository),
        articles: new ArticleWriter(base.identity, repository),
      }),
    },
    deps,
  );
}
