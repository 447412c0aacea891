import type { IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
// Not re-exported from the package root in 2.14; kept to this one import so an upgrade touches one line.
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DocumentNode } from 'graphql';
import { commonApolloOptions, errorLoggingPlugin } from './apollo-options';
import { serveApollo, type HubService } from './apollo-service';
import { bearerToken, type Identity, type TokenVerifier } from './auth';
import type { HubConfig } from './config';
import type { GraphClient } from './graph-client';
import { errors } from './errors';
import { healthRoutes } from './health';
import type { RouteHandler } from './http';
import type { Logger } from './logger';
import type { ServiceMetrics } from './metrics';
import { instrumentStore } from './store/instrumented-store';
import type { HubDatabase, HubStore } from './store/types';

/** What every request context starts from: a verified caller, a request id and a logger. */
export interface RequestBase {
  identity: Identity;
  requestId: string;
  logger: Logger;
}

/** What a subgraph is built from; `main.ts` and the test stack supply the same things. */
export interface SubgraphDeps {
  config: HubConfig;
  logger: Logger;
  verifier: TokenVerifier;
  store: HubStore;
  /** Reads data other subgraphs own, through the gateway. */
  graph: GraphClient;
}

/** A subgraph's resolvers, typed with its request context. */
export type ResolverMap<TContext> = GraphQLResolverMap<TContext>;

export interface SubgraphDefinition<TContext extends RequestBase> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: ResolverMap<TContext>;
  /** Adds per-request loaders and services; runs once per request, never shared between them. */
  createContext(base: RequestBase): TContext;
  /** The registry its store calls are counted in (see `subgraphDatabase`), served at `/metrics`. */
  metrics: ServiceMetrics;
  /** Stops background work (schedules) when the service stops. */
  onStop?: () => void;
  /** Resolves once background work that was under way when the service stopped has settled. */
  whenStopped?: () => Promise<void>;
  /**
   * Plain HTTP routes beside GraphQL, keyed by `METHOD /path` (the webhooks the integrations
   * subgraph receives). They authenticate their callers themselves.
   */
  routes?: Record<string, RouteHandler>;
}

/** A feature of a subgraph kept in its own folder: its resolvers and its per-request context. */
export interface SubgraphFeature<TContext extends object> {
  resolvers: ResolverMap<RequestBase & TContext>;
  createContext(base: RequestBase): TContext;
  onStop?: () => void;
}

/** Resolver maps of one subgraph's features, merged type by type. */
export function mergeResolverMaps<TContext>(...maps: ReadonlyArray<ResolverMap<TContext>>): ResolverMap<TContext> {
  const merged: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      // Scalars are objects with their own behaviour; they are taken whole, never merged.
      merged[type] = typeof fields === 'object' && fields !== null && !('serialize' in fields) ? { ...(merged[type] as object | undefined), ...fields } : fields;
    }
  }
  return merged as ResolverMap<TContext>;
}

/**
 * Builds a subgraph service from its definition. Every request must carry a token that this
 * subgraph verifies itself: a subgraph reached directly, bypassing the gateway, leaks nothing.
 */
export function createSubgraphService<TContext extends RequestBase>(
  definition: SubgraphDefinition<TContext>,
  deps: SubgraphDeps,
): HubService {
  const logger = deps.logger.child({ service: definition.name });
  let stopped = false;
  const apollo = new ApolloServer<TContext>({
    schema: buildSubgraphSchema([{ typeDefs: definition.typeDefs, resolvers: definition.resolvers }]),
    ...commonApolloOptions(deps.config),
    // No landing page or Apollo Studio traces: subgraphs are internal and report to no one.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), errorLoggingPlugin(logger)],
  });
  const service = serveApollo<TContext>({
    name: definition.name,
    apollo,
    logger,
    defaultHost: deps.config.HOST,
    routes: {
      ...definition.routes,
      ...healthRoutes(definition.name, async () => {
        if (stopped) throw new Error('stopping');
        await deps.store.ping();
      }),
    },
    async context(request: IncomingMessage, requestId: string) {
      const token = bearerToken(request.headers.authorization);
      if (!token) throw errors.unauthenticated();
      const identity = await deps.verifier.verify(token);
      const requestLogger = logger.child({ requestId, subject: identity.subject, role: identity.role });
      return definition.createContext({ identity, requestId, logger: requestLogger });
    },
    metrics: definition.metrics,
    onStop: () => {
      stopped = true;
      definition.onStop?.();
    },
  });
  const { whenStopped } = definition;
  if (!whenStopped) return service;
  return {
    name: service.name,
    listen: (port, host) => service.listen(port, host),
    async stop() {
      await service.stop();
      await whenStopped();
    },
  };
}

/**
 * A subgraph's own database; the prefix lets several hubs (or test runs) share one server. With
 * metrics, every call is counted in `hub_store_operations_total`.
 */
export function subgraphDatabase(deps: Pick<SubgraphDeps, 'store' | 'config'>, name: string, metrics?: ServiceMetrics): HubDatabase {
  const store = metrics ? instrumentStore(deps.store, (operation) => metrics.countStoreOperation(operation)) : deps.store;
  return store.db(`${deps.config.MONGODB_DB_PREFIX}${name}`);
}
