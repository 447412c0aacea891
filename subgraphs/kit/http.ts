import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Logger } from './logger';
import type { ServiceMetrics } from './metrics';
import { requestIdFrom } from './logger';

/** A plain HTTP route next to GraphQL (health, readiness, later webhooks and metrics). */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse, requestId: string) => Promise<void> | void;

export interface HttpServiceOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** Builds the per-request GraphQL context; may throw a coded GraphQLError (e.g. UNAUTHENTICATED). */
  context: (request: IncomingMessage, requestId: string) => Promise<TContext>;
  /** Keyed by `METHOD /path`, e.g. `GET /health`. */
  routes?: Record<string, RouteHandler>;
  logger: Logger;
  graphqlPath?: string;
  maxBodyBytes?: number;
  metrics?: ServiceMetrics;
}

export interface HttpService {
  readonly server: Server;
  /** Starts listening; port 0 picks a free port. Resolves to the base URL. */
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/** A GraphQL-shaped error body, so every client parses failures the same way. */
export function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  sendJson(response, status, { errors: [{ message, extensions: { code } }] });
}

export async function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new HttpError(413, 'BAD_USER_INPUT', `Request body exceeds ${maxBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function parseGraphqlBody(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  if (request.method !== 'POST') return undefined;
  const raw = await readBody(request, maxBytes);
  const contentType = request.headers['content-type'] ?? '';
  // Non-JSON bodies are passed through as text; Apollo's CSRF and content-type checks reject them.
  if (!contentType.includes('json')) return raw.toString('utf8');
  if (raw.length === 0) throw new HttpError(400, 'BAD_USER_INPUT', 'Request body is empty');
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpError(400, 'BAD_USER_INPUT', 'Request body is not valid JSON');
  }
}

function toHeaderMap(request: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

async function writeGraphqlResponse<TContext extends BaseContext>(
  options: HttpServiceOptions<TContext>,
  request: IncomingMessage,
  response: ServerResponse,
  requestId: string,
  url: URL,
): Promise<void> {
  const body = await parseGraphqlBody(request, options.maxBodyBytes ?? 1_048_576);
  const result = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: request.method ?? 'GET', headers: toHeaderMap(request), search: url.search, body },
    context: () => options.context(request, requestId),
  });
  for (const [name, value] of result.headers) response.setHeader(name, value);
  response.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}

/** One access-log line and one metrics sample per request; probes are logged at debug level only. */
function observeCompletion(
  options: Pick<HttpServiceOptions<BaseContext>, 'logger' | 'metrics'>,
  request: IncomingMessage,
  response: ServerResponse,
  requestId: string,
  route: string,
): void {
  const startedAt = process.hrtime.bigint();
  response.once('finish', () => {
    const durationSeconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
    const method = request.method ?? 'GET';
    options.metrics?.observeRequest({ method, route, status: response.statusCode, durationSeconds });
    const entry = { requestId, method, route, status: response.statusCode, durationMs: Math.round(durationSeconds * 10_000) / 10 };
    if (route === '/health' || route === '/ready' || route === '/metrics') options.logger.debug(entry, 'request');
    else options.logger.info(entry, 'request');
  });
}

/**
 * Serves Apollo on Node's own HTTP server with a request id on every response and plain routes
 * beside GraphQL. Shared by every subgraph and the gateway so all of them behave alike.
 */
export function createHttpService<TContext extends BaseContext>(options: HttpServiceOptions<TContext>): HttpService {
  const graphqlPath = options.graphqlPath ?? '/graphql';
  const server = createServer((request, response) => {
    const requestId = requestIdFrom(request.headers['x-request-id']);
    response.setHeader('x-request-id', requestId);
    const url = new URL(request.url ?? '/', 'http://localhost');
    const route = options.routes?.[`${request.method} ${url.pathname}`];
    // Bounded label values: known routes and the GraphQL path by name, anything else as one.
    const routeLabel = route || url.pathname === graphqlPath ? url.pathname : 'unmatched';
    observeCompletion(options, request, response, requestId, routeLabel);
    const handle = async () => {
      if (route) return route(request, response, requestId);
      if (url.pathname === graphqlPath) return writeGraphqlResponse(options, request, response, requestId, url);
      throw new HttpError(404, 'NOT_FOUND', `No route for ${request.method} ${url.pathname}`);
    };
    handle().catch((error: unknown) => {
      if (error instanceof HttpError) {
        if (!response.headersSent) sendError(response, error.status, error.code, error.message);
        else response.end();
        return;
      }
      options.logger.error({ err: error, requestId }, 'request failed');
      if (!response.headersSent) sendError(response, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else response.end();
    });
  });
  return {
    server,
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve(`http://${shownHost === '0.0.0.0' ? '127.0.0.1' : shownHost}:${address.port}`);
        });
      });
    },
    close() {
      return new Promise((resolve, reject) => {
        if (!server.listening) return resolve();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      });
    },
  };
}
