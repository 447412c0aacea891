import type { GraphClient } from '../../../kit/graph-client';
import type { DetectedFact, Outbox } from '../outbox';

/** What every detector is given for one scan. */
export interface ScanContext {
  /** Reads other subgraphs' data through the gateway, never their collections. */
  graph: GraphClient;
  outbox: Outbox;
  /** The scan's moment, for every detector alike. */
  now: Date;
}

/** How many facts a detector announced in one scan, and how many accounts it first saw. */
export interface DetectorResult {
  announced: number;
  deliveriesQueued: number;
  /** Accounts seen for the first time: recorded as the baseline, nothing announced. */
  baselined: number;
}

/** Finds one kind of fact through the graph and announces each one once. */
export interface EventDetector {
  name: string;
  detect(context: ScanContext): Promise<DetectorResult>;
}

export interface PageOf<T> {
  edges: Array<{ node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Walks a connection page by page, handing each page's nodes to `onPage` before reading the next. */
export async function forEachPage<T>(
  readPage: (after: string | null) => Promise<PageOf<T>>,
  onPage: (nodes: T[]) => Promise<void>,
): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const page = await readPage(after);
    await onPage(page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
    after = page.pageInfo.endCursor;
  }
}

/** Announces the facts of a detector that keeps no state of its own: each fact's key makes it once. */
export async function announceFacts(context: ScanContext, facts: readonly DetectedFact[]): Promise<DetectorResult> {
  const { announced, deliveriesQueued } = await context.outbox.announce(facts, context.now);
  return { announced, deliveriesQueued, baselined: 0 };
}
