import type { ApolloServerOptions, ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { HubConfig } from './config';
import { ERROR_CODES } from './errors';
import type { Logger } from './logger';

const KNOWN_CODES = new Set<string>(Object.keys(ERROR_CODES));
/** Codes Apollo itself produces for malformed requests; safe to show as they are. */
const APOLLO_REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * In production, anything that is not one of our coded errors (or Apollo's request errors) is
 * masked: its message could carry internals. It is logged in full by `errorLoggingPlugin`.
 */
export function formatErrorFor(config: Pick<HubConfig, 'isProduction'>) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const code = String(formatted.extensions?.['code'] ?? 'INTERNAL_SERVER_ERROR');
    const isKnown = (KNOWN_CODES.has(code) && code !== 'INTERNAL_SERVER_ERROR') || APOLLO_REQUEST_CODES.has(code);
    if (isKnown || !config.isProduction) return formatted;
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

interface LoggingContext extends BaseContext {
  requestId?: string;
  logger?: Logger;
}

/** Logs unexpected errors with the request id; expected, coded ones stay at debug level. */
export function errorLoggingPlugin(logger: Logger): ApolloServerPlugin<LoggingContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          const log = contextValue.logger ?? logger;
          for (const error of errors) {
            const code = String(error.extensions['code'] ?? 'INTERNAL_SERVER_ERROR');
            const isExpected = KNOWN_CODES.has(code) && code !== 'INTERNAL_SERVER_ERROR';
            if (isExpected) log.debug({ code, message: error.message }, 'request error');
            else log.error({ err: error.originalError ?? error, code, path: error.path }, 'unexpected error');
          }
        },
      };
    },
  };
}

/** Options every Apollo server in the hub shares: no stack traces or introspection in production. */
export function commonApolloOptions(config: Pick<HubConfig, 'isProduction'>) {
  return {
    introspection: !config.isProduction,
    includeStacktraceInErrorResponses: !config.isProduction,
    csrfPrevention: true,
    formatError: formatErrorFor(config),
  } satisfies Partial<ApolloServerOptions<BaseContext>>;
}
