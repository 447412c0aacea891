import type { ContentChange, ContentFeedArgs } from '../../kit/content-feed';
import type { Connection } from '../../kit/pagination';
import type { GraphClient } from '../../kit/graph-client';

/** One page of a content feed, as the index sync reads it. */
export interface ChangePage {
  changes: ContentChange[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/** A feed the search index follows: another subgraph's through the graph, or search's own. */
export interface ChangeSource {
  name: string;
  read(since: Date | null, after: string | null, first: number): Promise<ChangePage>;
}

/** The feeds other subgraphs expose, by root field. */
export const GRAPH_FEEDS = ['postChanges', 'eventChanges', 'articleChanges', 'ticketChanges', 'courseChanges'] as const;

const CHANGE_FIELDS = 'id type removed title body tags locale audience accountId popularity publishedAt updatedAt';

interface WireChange extends Omit<ContentChange, 'publishedAt' | 'updatedAt'> {
  publishedAt: string;
  updatedAt: string;
}

interface WirePage {
  edges: Array<{ node: WireChange }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** A feed read through the gateway with the hub's own token, like every cross-subgraph read. */
export function graphChangeSource(graph: GraphClient, field: (typeof GRAPH_FEEDS)[number]): ChangeSource {
  const query = `query SearchFeed($since: DateTime, $after: String, $first: Int) {
    ${field}(since: $since, after: $after, first: $first) { edges { node { ${CHANGE_FIELDS} } } pageInfo { hasNextPage endCursor } }
  }`;
  return {
    name: field,
    async read(since, after, first) {
      const data = await graph.request<Record<string, WirePage>>(query, { since: since?.toISOString() ?? null, after, first });
      const page = data[field]!;
      return {
        changes: page.edges.map(({ node }) => ({ ...node, publishedAt: new Date(node.publishedAt), updatedAt: new Date(node.updatedAt) })),
        endCursor: page.pageInfo.endCursor,
        hasNextPage: page.pageInfo.hasNextPage,
      };
    },
  };
}

/** A feed read straight from this subgraph's own store (its external documents). */
export function storeChangeSource(name: string, readChanges: (args: ContentFeedArgs) => Promise<Omit<Connection<ContentChange>, 'totalCount'>>): ChangeSource {
  return {
    name,
    async read(since, after, first) {
      const page = await readChanges({ since, after, first });
      return { changes: page.edges.map((edge) => edge.node), endCursor: page.pageInfo.endCursor, hasNextPage: page.pageInfo.hasNextPage };
    },
  };
}
