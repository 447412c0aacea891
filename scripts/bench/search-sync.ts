import { setTimeout as sleep } from 'node:timers/promises';

/** What the search subgraph's `/metrics` says about its index. */
export interface SearchIndexState {
  documents: number;
  /** Feeds read completely at least once, of all the feeds the index follows. */
  feedsRead: number;
  feeds: number;
}

/** The metrics endpoint of a subgraph, from its GraphQL URL. */
export function metricsUrlOf(graphqlUrl: string): string {
  return graphqlUrl.replace(/\/graphql$/, '/metrics');
}

/** The values of one metric in Prometheus' text format, one per label set (labels are not kept). */
function sampleValues(metricsText: string, name: string): number[] {
  const sample = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'gm');
  return [...metricsText.matchAll(sample)].map((match) => Number(match[1]));
}

const FETCH_ATTEMPTS = 3;

/**
 * Fetches again when the connection failed: a kept-alive socket that the server closes as idle
 * just as the next poll reuses it fails that way (reset, or closed by the other side) when the
 * hub's event loop was busy for seconds, and says nothing about the subgraph. HTTP errors are
 * answers and are not retried.
 */
async function fetchRetryingSocketErrors(url: string): Promise<Response> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fetch(url);
    } catch (error) {
      if (!(error instanceof TypeError) || attempt === FETCH_ATTEMPTS) throw error;
    }
  }
}

export async function readSearchIndexState(metricsUrl: string): Promise<SearchIndexState> {
  const response = await fetchRetryingSocketErrors(metricsUrl);
  if (!response.ok) throw new Error(`${metricsUrl} answered ${response.status}`);
  const text = await response.text();
  const [documents] = sampleValues(text, 'hub_search_index_documents');
  if (documents === undefined) throw new Error(`${metricsUrl} has no hub_search_index_documents`);
  const feedReadTimes = sampleValues(text, 'hub_search_feed_last_read_timestamp_seconds');
  return { documents, feedsRead: feedReadTimes.filter((seconds) => seconds > 0).length, feeds: feedReadTimes.length };
}

export interface SearchIndexWait {
  /** Wait for exactly this many documents; without it, until every feed has been read once. */
  expectedDocuments?: number;
  pollMs: number;
  timeoutMs: number;
}

/**
 * Polls the search subgraph's metrics until its index is complete. Throws when the time is up, and
 * as soon as every feed has been read once with a different count: waiting longer would not help,
 * the dataset in the store is not the one the count was computed from.
 */
export async function waitForSearchIndex(metricsUrl: string, wait: SearchIndexWait): Promise<SearchIndexState> {
  const deadline = performance.now() + wait.timeoutMs;
  for (;;) {
    // The subgraph listens before the first poll: a failing read is a fault, not a start-up delay.
    const state = await readSearchIndexState(metricsUrl);
    const isEveryFeedRead = state.feeds > 0 && state.feedsRead === state.feeds;
    if (wait.expectedDocuments === undefined ? isEveryFeedRead : state.documents === wait.expectedDocuments) return state;
    if (isEveryFeedRead && wait.expectedDocuments !== undefined) {
      throw new Error(`the search index holds ${state.documents} documents after reading every feed, not the ${wait.expectedDocuments} the dataset maps to`);
    }
    if (performance.now() > deadline) {
      throw new Error(`the search index was not complete after ${Math.round(wait.timeoutMs / 1000)} s (${state.documents} documents, ${state.feedsRead} of ${state.feeds} feeds read)`);
    }
    await sleep(wait.pollMs);
  }
}
