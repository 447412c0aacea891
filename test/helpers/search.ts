import { testConfig, type GraphqlResult, type Stack } from './stack';

export const SEARCH = `query Search($query: String!, $filter: SearchFilter, $first: Int, $after: String) {
  search(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount
    countsByType { type count }
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      score type
      highlights { field snippet }
      item {
        __typename
        ... on Post { id title }
        ... on Article { id title }
        ... on Course { id title }
        ... on Event { id title }
        ... on Ticket { id subject }
        ... on ExternalDocument { id title url source }
      }
    } }
  }
}`;

export const SUGGEST = `query Suggest($prefix: String!, $first: Int) { searchSuggestions(prefix: $prefix, first: $first) { text type score } }`;

export interface SearchHitView {
  score: number;
  type: string;
  highlights: Array<{ field: string; snippet: string }>;
  item: { __typename: string; id: string; title?: string; subject?: string } | null;
}

export interface SearchView {
  totalCount: number;
  countsByType: Array<{ type: string; count: number }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: SearchHitView }>;
}

/** A test configuration whose search index follows the content feeds, as it does by default outside tests. */
export function searchFollowing(): Stack['config'] {
  return testConfig({ HUB_SEARCH_REFRESH_MS: '1000' });
}

/** The ids of a search's hits, best first. */
export function hitIds(view: SearchView): string[] {
  return view.edges.map((edge) => edge.node.item?.id ?? '(gone)');
}

export async function search(stack: Stack, token: string, variables: Record<string, unknown>): Promise<GraphqlResult<{ search: SearchView }>> {
  return stack.query<{ search: SearchView }>(SEARCH, { token, variables });
}

/**
 * Repeats a search until `isDone` holds, for at most `withinMs` (the freshness promise is 5 s);
 * returns the last result, so a test fails on its values, not on a timeout. A result with errors
 * never counts as done: while the index catches up with a change, the owner of a just-hidden item
 * refuses to resolve it.
 */
export async function searchUntil(
  stack: Stack,
  token: string,
  variables: Record<string, unknown>,
  isDone: (view: SearchView) => boolean,
  withinMs = 5_000,
): Promise<SearchView> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const result = await search(stack, token, variables);
    const view = result.data?.search;
    if (view && !result.errors && isDone(view)) return view;
    if (Date.now() >= deadline) {
      if (!view || result.errors) throw new Error(`search failed: ${JSON.stringify(result.errors)}`);
      return view;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
