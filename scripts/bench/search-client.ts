import type { SearchBenchRequest } from './search-queries';

/** One timed request and what its answer said. */
export interface Outcome {
  request: SearchBenchRequest;
  ms: number;
  error: string | null;
  hasHits: boolean;
  endCursor: string | null;
}

interface SearchPayload {
  data?: {
    search?: { totalCount: number; pageInfo: { endCursor: string | null } };
    searchSuggestions?: unknown[];
  } | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** Sends one request to the search subgraph and times it until its answer is read. */
export async function send(url: string, request: SearchBenchRequest): Promise<Outcome> {
  const startedAt = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${request.token}` },
      body: JSON.stringify({ query: request.query, variables: request.variables }),
    });
    const payload = (await response.json()) as SearchPayload;
    const ms = performance.now() - startedAt;
    const firstError = payload.errors?.[0];
    const error = firstError ? `${firstError.extensions?.code ?? 'ERROR'}: ${firstError.message}` : response.ok ? null : `HTTP ${response.status}`;
    const search = payload.data?.search;
    const hasHits = search ? search.totalCount > 0 : (payload.data?.searchSuggestions?.length ?? 0) > 0;
    return { request, ms, error, hasHits, endCursor: search?.pageInfo.endCursor ?? null };
  } catch (error) {
    return { request, ms: performance.now() - startedAt, error: (error as Error).message, hasHits: false, endCursor: null };
  }
}
