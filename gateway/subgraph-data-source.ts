import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { errors } from '../subgraphs/kit/errors';
import type { GatewayContext } from './context';

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher']>;

/** Node's fetch with a deadline: a subgraph that hangs is cut off instead of holding the request. */
function fetchWithTimeout(timeoutMs: number): Fetcher {
  return ((url: string, init?: RequestInit) => fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as unknown as Fetcher;
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: string }).name;
  return name === 'TimeoutError' || name === 'AbortError';
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

  override didEncounterError(error: Error): never {
    if (isTimeout(error)) throw errors.subgraphTimeout(this.subgraphName, this.timeoutMs);
    if (error instanceof TypeError) throw errors.subgraphUnavailable(this.subgraphName);
    throw error;
  }
}
