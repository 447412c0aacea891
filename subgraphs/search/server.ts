import type { HubService } from '../kit/apollo-service';
import { createServiceMetrics } from '../kit/metrics';
import { subgraphTypeDefs } from '../kit/sdl';
import { createSubgraphService, subgraphDatabase, type SubgraphDeps } from '../kit/subgraph-service';
import { EXTERNAL_DOCUMENTS_COLLECTION } from './external/model';
import { ExternalDocumentRepository } from './external/repository';
import { InvertedIndex } from './index/inverted-index';
import { searchResolvers, type SearchContext } from './resolvers';
import { SearchService } from './service';
import { GRAPH_FEEDS, graphChangeSource, storeChangeSource, type ChangeSource } from './sync/change-sources';
import { IndexSync } from './sync/index-sync';
import { registerSearchMetrics } from './sync/sync-metrics';

export const SEARCH_SUBGRAPH = 'search';

/**
 * Builds the search subgraph (not yet listening): the index, the sync that fills it from every
 * content feed (other subgraphs' through the graph, external documents from its own store), and
 * the API over both.
 */
export async function createSearchSubgraph(deps: SubgraphDeps): Promise<HubService> {
  const metrics = createServiceMetrics(SEARCH_SUBGRAPH);
  const repository = new ExternalDocumentRepository(subgraphDatabase(deps, SEARCH_SUBGRAPH, metrics));
  await repository.ensureIndexes();
  const index = new InvertedIndex();
  const now = () => new Date();
  const sources: ChangeSource[] = [
    ...GRAPH_FEEDS.map((field) => graphChangeSource(deps.graph, field)),
    storeChangeSource(EXTERNAL_DOCUMENTS_COLLECTION, (args) => repository.changes(args)),
  ];
  const sync = new IndexSync({ index, sources, intervalMs: deps.config.HUB_SEARCH_REFRESH_MS, logger: deps.logger.child({ service: SEARCH_SUBGRAPH, feature: 'index-sync' }) });
  registerSearchMetrics(metrics.registry, index, sync);
  if (deps.config.HUB_SEARCH_REFRESH_MS > 0) sync.start();
  return createSubgraphService<SearchContext>(
    {
      name: SEARCH_SUBGRAPH,
      typeDefs: subgraphTypeDefs(__dirname),
      resolvers: searchResolvers,
      metrics,
      createContext: (base) => ({ ...base, search: new SearchService(base.identity, index, repository, repository.createLoaders(), now) }),
      onStop: () => {
        void sync.stop();
      },
    },
    deps,
  );
}
