import type { GraphqlResult, Stack } from './stack';

/** The content feeds the search index reads, one per kind of item. */
export type FeedName = 'postChanges' | 'eventChanges' | 'articleChanges' | 'ticketChanges' | 'courseChanges';

/** A `ContentChange` as the graph returns it. */
export interface ContentChangeNode {
  id: string;
  type: string;
  removed: boolean;
  title: string;
  body: string;
  tags: string[];
  locale: string;
  audience: string;
  accountId: string | null;
  popularity: number;
  publishedAt: string;
  updatedAt: string;
}

interface FeedPage {
  edges: Array<{ cursor: string; node: ContentChangeNode }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** A feed query selecting every field, as the search index reads it. */
export function feedQuery(feed: FeedName): string {
  return `query($since: DateTime, $first: Int, $after: String) {
    ${feed}(since: $since, first: $first, after: $after) {
      edges { cursor node { id type removed title body tags locale audience accountId popularity publishedAt updatedAt } }
      pageInfo { hasNextPage endCursor }
    }
  }`;
}

/** One page of a feed, as the gateway answers it (errors included). */
export function readFeedPage(
  stack: Pick<Stack, 'query'>,
  feed: FeedName,
  token: string,
  variables: { since?: string | null; first?: number; after?: string | null } = {},
): Promise<GraphqlResult<Record<string, FeedPage>>> {
  return stack.query<Record<string, FeedPage>>(feedQuery(feed), { token, variables });
}

/** Every change of a feed (from `since`), following `endCursor` page by page; throws on any error. */
export async function readWholeFeed(
  stack: Pick<Stack, 'query'>,
  feed: FeedName,
  token: string,
  options: { since?: Date | string; first?: number } = {},
): Promise<{ changes: ContentChangeNode[]; pages: number }> {
  const since = options.since instanceof Date ? options.since.toISOString() : options.since;
  const changes: ContentChangeNode[] = [];
  let after: string | null = null;
  for (let pages = 1; pages <= 1_000; pages += 1) {
    const result = await readFeedPage(stack, feed, token, { since: since ?? null, first: options.first ?? 500, after });
    const connection = result.data?.[feed];
    if (result.errors?.length || !connection) throw new Error(`${feed} failed: ${JSON.stringify(result.errors)}`);
    changes.push(...connection.edges.map((edge) => edge.node));
    if (!connection.pageInfo.hasNextPage) return { changes, pages };
    after = connection.pageInfo.endCursor;
  }
  throw new Error(`${feed} kept announcing more pages`);
}
