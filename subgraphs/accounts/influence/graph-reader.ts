import type { GraphClient } from '../../kit/graph-client';
import type { ContractStatus, InfluenceAccount, Money } from './computation';

export const INFLUENCE_PAGE_SIZE = 100;
/** Contracts and won opportunities read per account; an account with more is read in part (and logged). */
export const INFLUENCE_HISTORY_SIZE = 100;

/**
 * A page of accounts with their community summary, contract history and won opportunities, in
 * one query through the gateway: the community and contracts subgraphs each answer their part for
 * the whole page with batched lookups.
 */
export const INFLUENCE_ACCOUNTS_QUERY = `query CommunityInfluenceAccounts($first: Int!, $after: String, $history: Int!) {
  accounts(first: $first, after: $after) {
    edges {
      node {
        id
        customerSince
        community { activeMembers30d firstMemberJoinedAt }
        contracts(first: $history) {
          edges { node { status startDate renewalDate cancelledAt arr { amountMinor currency } } }
          pageInfo { hasNextPage }
        }
        opportunities(stage: WON, first: $history) {
          edges { node { type closeDate } }
          pageInfo { hasNextPage }
        }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface GraphContract {
  status: ContractStatus;
  startDate: string;
  renewalDate: string;
  cancelledAt: string | null;
  arr: Money;
}

/** One account as the influence query returns it. */
export interface GraphInfluenceAccount {
  id: string;
  customerSince: string | null;
  community: { activeMembers30d: number; firstMemberJoinedAt: string | null } | null;
  contracts: { edges: Array<{ node: GraphContract }>; pageInfo: { hasNextPage: boolean } } | null;
  opportunities: { edges: Array<{ node: { type: string; closeDate: string } }>; pageInfo: { hasNextPage: boolean } } | null;
}

interface InfluencePage {
  accounts: {
    edges: Array<{ node: GraphInfluenceAccount }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const toDate = (value: string | null): Date | null => (value === null ? null : new Date(value));

/** The computation's view of one account; missing community or contract data reads as none. */
export function toInfluenceAccount(account: GraphInfluenceAccount): InfluenceAccount {
  return {
    id: account.id,
    customerSince: toDate(account.customerSince),
    firstMemberJoinedAt: toDate(account.community?.firstMemberJoinedAt ?? null),
    activeMembers30d: account.community?.activeMembers30d ?? 0,
    contracts: (account.contracts?.edges ?? []).map(({ node }) => ({
      status: node.status,
      startDate: new Date(node.startDate),
      renewalDate: new Date(node.renewalDate),
      cancelledAt: toDate(node.cancelledAt),
      arr: node.arr,
    })),
    wonOpportunities: (account.opportunities?.edges ?? []).map(({ node }) => ({ type: node.type, closeDate: new Date(node.closeDate) })),
  };
}

/** Whether an account's contract or opportunity history did not fit in one read. */
export function isHistoryTruncated(account: GraphInfluenceAccount): boolean {
  return Boolean(account.contracts?.pageInfo.hasNextPage || account.opportunities?.pageInfo.hasNextPage);
}

/** Every account with its influence data, one page of `INFLUENCE_PAGE_SIZE` at a time. */
export async function* readInfluencePages(graph: GraphClient): AsyncGenerator<GraphInfluenceAccount[]> {
  let after: string | null = null;
  do {
    const page: InfluencePage = await graph.request<InfluencePage>(INFLUENCE_ACCOUNTS_QUERY, {
      first: INFLUENCE_PAGE_SIZE,
      after,
      history: INFLUENCE_HISTORY_SIZE,
    });
    yield page.accounts.edges.map((edge) => edge.node);
    after = page.accounts.pageInfo.hasNextPage ? page.accounts.pageInfo.endCursor : null;
  } while (after);
}
