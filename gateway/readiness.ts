import type { SubgraphEndpoint } from './supergraph';

/** Each subgraph's `/ready`, derived from its GraphQL endpoint. */
function readyUrl(graphqlUrl: string): string {
  const url = new URL(graphqlUrl);
  url.pathname = url.pathname.replace(/\/graphql\/?$/, '') + '/ready';
  return url.toString();
}

/** Resolves when every subgraph reports ready; rejects naming the ones that do not. */
export async function checkSubgraphsReady(endpoints: readonly SubgraphEndpoint[], timeoutMs = 2_000): Promise<void> {
  const results = await Promise.all(
    endpoints.map(async ({ name, url }) => {
      try {
        const response = await fetch(readyUrl(url), { signal: AbortSignal.timeout(timeoutMs) });
        return response.ok ? null : name;
      } catch {
        return name;
      }
    }),
  );
  const notReady = results.filter((name): name is string => name !== null);
  if (notReady.length) throw new Error(`subgraphs not ready: ${notReady.join(', ')}`);
}
