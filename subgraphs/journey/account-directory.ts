import type { GraphClient } from '../kit/graph-client';
import type { Segment } from './model';

/** What task writes need to know about an account, which the accounts subgraph owns. */
export interface AccountDirectory {
  /** The account's segment; null when no such account exists. */
  segmentOf(accountId: string): Promise<Segment | null>;
}

/** Reads accounts through the gateway with the hub's own token, never from the accounts database. */
export function graphAccountDirectory(graph: GraphClient): AccountDirectory {
  return {
    async segmentOf(accountId) {
      const data = await graph.request<{ account: { segment: Segment } | null }>(`query JourneyAccount($id: ID!) { account(id: $id) { segment } }`, {
        id: accountId,
      });
      return data.account?.segment ?? null;
    },
  };
}
