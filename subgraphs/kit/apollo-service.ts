import type { IncomingMessage } from 'node:http';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { createHttpService, type RouteHandler } from './http';
import type { Logger } from './logger';
import { metricsRoute, type ServiceMetrics } from './metrics';

/** A service the hub runs: a subgraph or the gateway. Built first, then started. */
export interface HubService {
  readonly name: string;
  /** Starts listening (port 0 picks a free port) and resolves to the GraphQL endpoint URL. */
  listen(port: number, host?: string): Promise<string>;
  /** Stops accepting requests and lets in-flight ones finish. Does not close a shared store. */
  stop(): Promise<void>;
}

/**
 * Puts an Apollo server on HTTP with its plain routes, and a stop that drains in-flight requests
 * before closing: the same lifecycle for every subgraph and the gateway.
 */
export function serveApollo<TContext extends BaseContext>(options: {
  name: string;
  apollo: ApolloServer<TContext>;
  logger: Logger;
  defaultHost: string;
  routes: Record<string, RouteHandler>;
  context: (request: IncomingMessage, requestId: string) => Promise<TContext>;
  metrics: ServiceMetrics;
  onStop?: () => void;
}): HubService {
  const { apollo, logger, metrics } = options;
  const http = createHttpService<TContext>({
    apollo,
    logger,
    metrics,
    routes: { ...options.routes, ...metricsRoute(metrics) },
    context: options.context,
  });
  apollo.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer: http.server, stopGracePeriodMillis: 5_000 }));
  return {
    name: options.name,
    async listen(port, host = options.defaultHost) {
      await apollo.start();
      const url = `${await http.listen(port, host)}/graphql`;
      logger.info({ url }, `${options.name} listening`);
      return url;
    },
    async stop() {
      options.onStop?.();
      await apollo.stop();
      await http.close();
    },
  };
}
