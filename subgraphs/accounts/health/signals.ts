import type { GraphClient } from '../../kit/graph-client';
import type { Segment } from '../model';
import type { AccountUsageSummary, UsageWindow } from '../usage/usage-summary';
import type { HealthComponentKey } from './components';
import type { AccountSignals } from './scoring';

const DAY_MS = 86_400_000;
export const SIGNALS_PAGE_SIZE = 100;

/**
 * Signals other subgraphs own, for a page of accounts, in one query through the gateway: each
 * subgraph answers its part for the whole page with one batched lookup.
 */
export const ACCOUNT_SIGNALS_QUERY = `query HealthSignals($first: Int!, $after: String) {
  accounts(first: $first, after: $after) {
    edges {
      node {
        id
        segment
        seatsLicensed
        renewalDate
        support { urgentOpen csat90d }
        learning { enrollmentCount completionRate certifiedUsers }
        community { activeMembers30d }
        contracts(first: 2) { edges { node { status arr { amountMinor currency } } } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** One account as the signals query returns it. */
export interface GraphAccountSignals {
  id: string;
  segment: Segment;
  seatsLicensed: number | null;
  renewalDate: string | null;
  support: { urgentOpen: number; csat90d: number | null } | null;
  learning: { enrollmentCount: number; completionRate: number | null; certifiedUsers: number } | null;
  community: { activeMembers30d: number } | null;
  /** The two newest contract terms, newest first. */
  contracts: { edges: Array<{ node: { status: string; arr: { amountMinor: number; currency: string } } }> } | null;
}

/**
 * ARR change at the last renewal, as a share of the previous term's ARR; -1 when the newest term
 * ended or was cancelled without a renewal. Null without two comparable terms.
 */
export function arrChange(account: Pick<GraphAccountSignals, 'contracts'>): number | null {
  const [latest, previous] = (account.contracts?.edges ?? []).map((edge) => edge.node);
  if (!latest) return null;
  if (latest.status === 'CANCELLED' || latest.status === 'EXPIRED') return -1;
  if (!previous || previous.arr.currency !== latest.arr.currency || previous.arr.amountMinor <= 0) return null;
  return (latest.arr.amountMinor - previous.arr.amountMinor) / previous.arr.amountMinor;
}

interface SignalsPage {
  accounts: {
    edges: Array<{ node: GraphAccountSignals }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** Every account's graph signals, one page of `SIGNALS_PAGE_SIZE` at a time. */
export async function* readSignalPages(graph: GraphClient): AsyncGenerator<GraphAccountSignals[]> {
  let after: string | null = null;
  do {
    const page: SignalsPage = await graph.request<SignalsPage>(ACCOUNT_SIGNALS_QUERY, { first: SIGNALS_PAGE_SIZE, after });
    yield page.accounts.edges.map((edge) => edge.node);
    after = page.accounts.pageInfo.hasNextPage ? page.accounts.pageInfo.endCursor : null;
  } while (after);
}

/** The usage window ending at `now`. */
export function usageWindow(now: Date, days: number): UsageWindow {
  return { from: new Date(now.getTime() - days * DAY_MS), to: now };
}

/**
 * One account's component values from the graph and its usage summary; null marks a missing
 * signal. Usage always counts as data: no usage at all is the strongest churn signal there is.
 */
export function toAccountSignals(account: GraphAccountSignals, usage: AccountUsageSummary | undefined, now: Date): AccountSignals {
  const activeUsers = usage?.activeUsers ?? 0;
  const renewalDate = account.renewalDate ? new Date(account.renewalDate) : null;
  const values: Record<HealthComponentKey, number | null> = {
    USAGE_BREADTH: usage?.breadth ?? 0,
    USAGE_DEPTH: usage?.depth ?? 0,
    USAGE_FREQUENCY: usage?.frequency ?? 0,
    SEAT_UTILIZATION: account.seatsLicensed ? activeUsers / account.seatsLicensed : null,
    URGENT_TICKETS: account.support?.urgentOpen ?? null,
    CSAT: account.support?.csat90d ?? null,
    LEARNING_COMPLETION: account.learning?.completionRate ?? null,
    CERTIFIED_USERS: account.learning?.certifiedUsers ?? null,
    COMMUNITY_ACTIVE_MEMBERS: account.community?.activeMembers30d ?? null,
    DAYS_TO_RENEWAL: renewalDate ? Math.floor((renewalDate.getTime() - now.getTime()) / DAY_MS) : null,
    ARR_CHANGE: arrChange(account),
  };
  return { accountId: account.id, segment: account.segment, values };
}
