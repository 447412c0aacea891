import { INTERNAL_READ_SCOPES } from '../../kit/graph-client';
import type { RouteHandler } from '../../kit/http';
import type { HubDatabase } from '../../kit/store/types';
import type { SubgraphDeps, SubgraphFeature } from '../../kit/subgraph-service';
import type { InboundSource } from './inbound-source';
import { InboxProcessor } from './processor';
import { inboundRoutes } from './receiver';
import { InboxRepository } from './repository';
import { inboundResolvers, type InboundContext } from './resolvers';
import { InboundEventsService } from './service';

/** Events are applied as the hub itself, reading every domain and writing to the owners of their data. */
export const INBOX_GRAPH_SCOPES = [
  ...INTERNAL_READ_SCOPES,
  'accounts:write',
  'community:write',
  'learning:write',
  'support:write',
  'contracts:write',
] as const;

export interface InboundFeatureOptions {
  deps: SubgraphDeps;
  database: HubDatabase;
  sources: readonly InboundSource[];
}

export interface InboundFeature extends SubgraphFeature<InboundContext> {
  /** The sources' routes (`POST /webhooks/stripe` …), answered beside GraphQL. */
  routes: Record<string, RouteHandler>;
  processor: InboxProcessor;
}

/** The inbox of inbound events: its routes, its processor and `integrationEvents` in the graph. */
export async function createInboundFeature(options: InboundFeatureOptions): Promise<InboundFeature> {
  const { deps, sources } = options;
  const repository = new InboxRepository(options.database);
  await repository.ensureIndexes();
  const processor = new InboxProcessor({
    repository,
    sources,
    graph: deps.graph.withScopes?.(INBOX_GRAPH_SCOPES) ?? deps.graph,
    logger: deps.logger.child({ service: 'integrations', feature: 'inbox' }),
    pollMs: deps.config.HUB_INBOX_POLL_MS,
    retryBaseMs: deps.config.HUB_INBOX_RETRY_BASE_MS,
    maxAttempts: deps.config.HUB_INBOX_MAX_ATTEMPTS,
  });
  processor.start();
  return {
    resolvers: inboundResolvers,
    routes: inboundRoutes({ sources, repository, processor, config: deps.config, logger: deps.logger.child({ service: 'integrations' }) }),
    processor,
    createContext: (base) => ({ inbound: new InboundEventsService(base.identity, repository, processor) }),
    onStop: () => void processor.stop(),
  };
}
