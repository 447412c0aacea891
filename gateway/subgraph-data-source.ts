import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { errors } from '../subgraphs/kit/errors';
import type { GatewayContext } from './context';

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher']>;

/** Node's fetch with a deadline: a subgraph that hangs is cut off instead of holding the request. */
function fetchWithTimeout(timeoutMs: number): Fetcher {
  return ((url: string, init?: RequestInit) => fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as unknown as Fetcher;
}

// Compared by name, not instanceof: fetch's errors may come from another realm (e.g. a test VM).
function errorName(error: unknown): string | undefined {
  return (error as { name?: string } | null)?.name;
}

function isTimeout(error: unknown): boolean {
  return errorName(error) === 'TimeoutError' || errorName(error) === 'AbortError';
}

/** What fetch throws when the connection fails (refused, reset, DNS). */
function isNetworkFailure(error: unknown): boolean {
  return errorName(error) === 'TypeError' && (error as Error).message === 'fetch failed';
}

type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

/** `Variable "$input" got invalid value "x" at "input.customerSince"; …` → `input.customerSince`. */
function fieldOfCoercionError(message: string): string {
  return /at "([^"]+)"/.exec(message)?.[1] ?? /^Variable "\$([^"]+)"/.exec(message)?.[1] ?? 'query';
}

function firstErrorMessage(body: unknown): string | undefined {
  const message = (body as { errors?: Array<{ message?: unknown }> } | null)?.errors?.[0]?.message;
  return typeof message === 'string' ? message : undefined;
}

/**
 * Sends query-plan fetches to one subgraph: forwards the caller's token (the subgraph verifies
 * it again) and request id, and turns timeouts and refused connections into coded errors.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly subgraphName: string,
    url: string,
    private readonly timeoutMs: number,
  ) {
    super({ url, fetcher: fetchWithTimeout(timeoutMs) });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!request.http || !('authorization' in context)) return;
    request.http.headers.set('authorization', context.authorization);
    request.http.headers.set('x-request-id', context.requestId);
  }

  /**
   * A subgraph answers 400 when its own scalars (DateTime …) reject a variable or literal the
   * gateway passed through: that is the caller's mistake and says which field. Anything else is
   * reported by subgraph name only; its response could name internal hosts or data.
   */
  override async errorFromResponse(response: FetcherResponse) {
    const body: unknown = await this.parseBody(response).catch(() => null);
    const message = firstErrorMessage(body);
    if (response.status === 401) return errors.unauthenticated(message);
    if (response.status === 400 && message) return errors.badUserInput([{ field: fieldOfCoercionError(message), message }]);
    return errors.subgraphFailed(this.subgraphName);
  }

  override didEncounterError(error: Error): never {
    if (isTimeout(error)) throw errors.subgraphTimeout(this.subgraphName, this.timeoutMs);
    if (isNetworkFailure(error)) throw errors.subgraphUnavailable(this.subgraphName);
    throw error;
  }
}
