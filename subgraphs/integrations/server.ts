import type { HubService } from '../kit/apollo-service';
import { createServiceMetrics } from '../kit/metrics';
import { subgraphTypeDefs } from '../kit/sdl';
import { createSubgraphService, mergeResolverMaps, subgraphDatabase, type RequestBase, type SubgraphDeps } from '../kit/subgraph-service';
import { createInboundFeature } from './inbound/feature';
import type { InboundSource } from './inbound/inbound-source';
import type { InboundContext } from './inbound/resolvers';
import { INBOUND_SOURCES } from './inbound/sources';
import { createOutboundFeature } from './outbound/feature';
import type { OutboundContext } from './outbound/resolvers';

export const INTEGRATIONS_SUBGRAPH = 'integrations';

export interface IntegrationsOptions {
  /** The systems whose events the inbox accepts; every registered source unless given (tests bring their own). */
  sources?: readonly InboundSource[];
}

/** One request's context: each feature's services. */
type IntegrationsRequest = RequestBase & InboundContext & OutboundContext;

/**
 * Builds the integrations subgraph (indexes created, inbox processor and outbound scans
 * scheduled, not yet listening): the inbox of inbound events with the routes that receive them,
 * and the outbound webhook subscriptions with their delivery log.
 */
export async function createIntegrationsSubgraph(deps: SubgraphDeps, options: IntegrationsOptions = {}): Promise<HubService> {
  const metrics = createServiceMetrics(INTEGRATIONS_SUBGRAPH);
  const database = subgraphDatabase(deps, INTEGRATIONS_SUBGRAPH, metrics);
  const inbound = await createInboundFeature({ deps, database, sources: options.sources ?? INBOUND_SOURCES });
  const outbound = await createOutboundFeature({ deps, database });
  const features = [inbound, outbound];
  return createSubgraphService<IntegrationsRequest>(
    {
      name: INTEGRATIONS_SUBGRAPH,
      typeDefs: subgraphTypeDefs(__dirname),
      resolvers: mergeResolverMaps<IntegrationsRequest>(...features.map((feature) => feature.resolvers)),
      routes: { ...inbound.routes },
      metrics,
      createContext: (base) => ({
        ...base,
        ...inbound.createContext(base),
        ...outbound.createContext(base),
      }),
      onStop: () => features.forEach((feature) => feature.onStop?.()),
      whenStopped: async () => {
        await Promise.all([inbound.processor.stop(), outbound.whenStopped()]);
      },
    },
    deps,
  );
}
