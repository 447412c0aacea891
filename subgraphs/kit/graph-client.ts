import { GraphQLError } from 'graphql';
import { signToken, type AuthSettings } from './auth';

/**
 * Queries the federated graph from inside a subgraph: how a subgraph reads data another one owns
 * (health reads support, learning, community and contracts signals), never from its database.
 */
export interface GraphClient {
  request<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

export interface GraphClientOptions {
  /** The gateway's GraphQL URL; a function because in one process it is known only after start. */
  url: () => string;
  /** A bearer token for the hub's own integration identity. */
  token: () => Promise<string>;
  timeoutMs?: number;
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
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
  };
}

/** Scopes of the hub's own integration identity: it reads every domain to compute health. */
export const INTERNAL_READ_SCOPES = ['accounts:read', 'community:read', 'learning:read', 'support:read', 'contracts:read'] as const;

const TOKEN_LIFETIME_SECONDS = 3_600;

/**
 * The hub's own integration token: HUB_SERVICE_TOKEN when given (needed with JWKS, where the hub
 * cannot sign), otherwise one minted with the shared secret and renewed before it expires.
 */
export function internalToken(settings: AuthSettings & { HUB_SERVICE_TOKEN?: string | undefined }): () => Promise<string> {
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
        scopes: INTERNAL_READ_SCOPES,
        expiresIn: `${TOKEN_LIFETIME_SECONDS}s`,
      });
      cached = { token, renewAt: Date.now() + (TOKEN_LIFETIME_SECONDS / 2) * 1000 };
    }
    return cached.token;
  };
}
