import { GraphQLError } from 'graphql';
import { signToken, type AuthSettings } from './auth';

/**
 * Queries the federated graph from inside a subgraph: how a subgraph reads data another one owns
 * (health reads support, learning, community and contracts signals), never from its database.
 */
export interface GraphClient {
  request<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /**
   * The same graph, called with the hub's own token carrying exactly `scopes` (e.g. write scopes
   * for applying inbound events). Clients that cannot mint tokens, such as test doubles, lack it.
   */
  withScopes?(scopes: readonly string[]): GraphClient;
}

export interface GraphClientOptions {
  /** The gateway's GraphQL URL; a function because in one process it is known only after start. */
  url: () => string;
  /** A bearer token for the hub's own integration identity. */
  token: () => Promise<string>;
  /** The token provider for a client with other scopes; without it the client has no `withScopes`. */
  tokenWithScopes?: (scopes: readonly string[]) => () => Promise<string>;
  timeoutMs?: number;
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const { tokenWithScopes } = options;
  return {
    async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const response = await fetch(options.url(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await options.token()}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      const body = (await response.json()) as { data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
      if (body.errors?.length || !body.data) {
        const [first] = body.errors ?? [];
        throw new GraphQLError(`graph request failed: ${first?.message ?? `HTTP ${response.status}`}`, {
          extensions: { code: 'INTERNAL_SERVER_ERROR', cause: first?.extensions?.['code'] },
        });
      }
      return body.data;
    },
    ...(tokenWithScopes ? { withScopes: (scopes: readonly string[]) => createGraphClient({ ...options, token: tokenWithScopes(scopes) }) } : {}),
  };
}

/** Scopes of the hub's own integration identity: it reads every domain to compute health. */
export const INTERNAL_READ_SCOPES = ['accounts:read', 'community:read', 'learning:read', 'support:read', 'contracts:read'] as const;

const TOKEN_LIFETIME_SECONDS = 3_600;

type InternalTokenSettings = AuthSettings & { HUB_SERVICE_TOKEN?: string | undefined };

/**
 * The hub's own integration token: HUB_SERVICE_TOKEN when given (needed with JWKS, where the hub
 * cannot sign; it must then carry every scope the hub uses), otherwise one minted with the shared
 * secret for `scopes` (the read scopes by default) and renewed before it expires.
 */
export function internalToken(settings: InternalTokenSettings, scopes: readonly string[] = INTERNAL_READ_SCOPES): () => Promise<string> {
  if (settings.HUB_SERVICE_TOKEN) {
    const token = settings.HUB_SERVICE_TOKEN;
    return async () => token;
  }
  let cached: { token: string; renewAt: number } | null = null;
  return async () => {
    if (!cached || Date.now() >= cached.renewAt) {
      const token = await signToken(settings, {
        subject: 'customer-hub',
        role: 'integration',
        scopes,
        expiresIn: `${TOKEN_LIFETIME_SECONDS}s`,
      });
      cached = { token, renewAt: Date.now() + (TOKEN_LIFETIME_SECONDS / 2) * 1000 };
    }
    return cached.token;
  };
}

/** The hub's own client of the graph at `url`: read scopes, and `withScopes` for more. */
export function createInternalGraphClient(settings: InternalTokenSettings, url: () => string): GraphClient {
  return createGraphClient({ url, token: internalToken(settings), tokenWithScopes: (scopes) => internalToken(settings, scopes) });
}
