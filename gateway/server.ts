import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { commonApolloOptions, errorLoggingPlugin } from '../subgraphs/kit/apollo-options';
import type { TokenVerifier } from '../subgraphs/kit/auth';
import type { HubConfig } from '../subgraphs/kit/config';
import { healthRoutes } from '../subgraphs/kit/health';
import type { Logger } from '../subgraphs/kit/logger';
import { createServiceMetrics } from '../subgraphs/kit/metrics';
import { serveApollo, type HubService } from '../subgraphs/kit/apollo-service';
import { gatewayContextFactory, type GatewayContext } from './context';
import { checkSubgraphsReady } from './readiness';
import { SubgraphDataSource } from './subgraph-data-source';
import { portalRoutes } from './portal-routes';
import { usageRoutes } from './usage-routes';
import { resolveEndpoints } from './supergraph';
import { webhookProxyRoutes } from './webhook-proxy';

export interface GatewayDeps {
  config: HubConfig;
  logger: Logger;
  verifier: TokenVerifier;
  supergraphSdl: string;
  /** Subgraph URLs by name; overrides the URLs recorded in the supergraph. */
  subgraphUrls?: Readonly<Record<string, string>>;
}

/**
 * The public entry: verifies the caller, plans each operation over the static supergraph and
 * forwards fetches to the subgraphs (which verify and authorize again).
 */
export function createGateway(deps: GatewayDeps): HubService {
  const logger = deps.logger.child({ service: 'gateway' });
  const endpoints = resolveEndpoints(deps.supergraphSdl, { ...deps.config.subgraphUrls, ...deps.subgraphUrls });
  const urlByName = new Map(endpoints.map(({ name, url }) => [name, url]));
  const gateway = new ApolloGateway({
    supergraphSdl: deps.supergraphSdl,
    logger,
    buildService: ({ name, url }) =>
      new SubgraphDataSource(name, urlByName.get(name) ?? url ?? '', deps.config.HUB_SUBGRAPH_TIMEOUT_MS),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    ...commonApolloOptions(deps.config),
    plugins: [errorLoggingPlugin(logger)],
  });
  return serveApollo<GatewayContext>({
    name: 'gateway',
    apollo,
    logger,
    defaultHost: deps.config.HOST,
    routes: {
      ...healthRoutes('gateway', () => checkSubgraphsReady(endpoints)),
      ...usageRoutes({ verifier: deps.verifier, logger, apollo }),
      ...portalRoutes({ config: deps.config, logger, verifier: deps.verifier, apollo, supergraphSdl: deps.supergraphSdl }),
      ...webhookProxyRoutes({
        targetBaseUrl: urlByName.get('integrations')?.replace(/\/graphql$/, ''),
        maxBodyBytes: deps.config.HUB_WEBHOOK_MAX_BODY_BYTES,
        timeoutMs: deps.config.HUB_SUBGRAPH_TIMEOUT_MS,
        logger,
      }),
      // The landing page (Apollo Sandbox outside production) lives on the GraphQL path.
      'GET /': (_request, response) => {
        response.writeHead(302, { location: '/graphql' }).end();
      },
    },
    context: gatewayContextFactory(deps.verifier, logger),
    metrics: createServiceMetrics('gateway'),
  });
}
