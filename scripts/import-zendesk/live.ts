import { z } from 'zod';
import type { GraphClient } from '../../subgraphs/kit/graph-client';
import { addCounts, applyRecords, emptyCounts, type ImportCounts } from './apply-records';
import { incrementalTicketPage, recordsOf, type IncrementalTicketPage } from './pages';
import { ZendeskImportError } from './read-files';
import { readImportState, saveImportState } from './state';

export interface LiveImportOptions {
  graph: GraphClient;
  /** `https://{subdomain}.zendesk.com`. */
  baseUrl: string;
  email: string;
  apiToken: string;
  /** Unix seconds to start from when no cursor was saved yet. */
  startTime: number;
  statePath: string;
  /** Tries of one page after a 5xx or a network failure, and the first wait between them. */
  serverErrorTries?: number;
  backoffBaseMs?: number;
  log?: (line: string) => void;
}

export interface LiveImportResult {
  counts: ImportCounts;
  pages: number;
  /** Where the next run continues. */
  cursor: string | null;
}

const EXPORT_PATH = '/api/v2/incremental/tickets/cursor.json';
/** How long to wait after a 429 that names no Retry-After, in seconds (Zendesk's limits are per minute). */
const DEFAULT_RETRY_AFTER_SECONDS = 60;
const PAGE_TIMEOUT_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterMs(header: string | null): number {
  const seconds = Number(header);
  return (Number.isFinite(seconds) && seconds >= 0 ? seconds : DEFAULT_RETRY_AFTER_SECONDS) * 1000;
}

/**
 * One page of the export. A 429 waits the `Retry-After` seconds and asks for the same page again,
 * as often as Zendesk asks; a 5xx or a failed connection is retried with exponential backoff a
 * few times; any other refusal stops the import.
 */
async function fetchPage(url: URL, options: LiveImportOptions): Promise<IncrementalTicketPage> {
  const authorization = `Basic ${Buffer.from(`${options.email}/token:${options.apiToken}`).toString('base64')}`;
  const tries = options.serverErrorTries ?? 5;
  for (let failures = 0; ; ) {
    let response: Response | null = null;
    try {
      response = await fetch(url, { headers: { authorization, accept: 'application/json' }, signal: AbortSignal.timeout(PAGE_TIMEOUT_MS) });
    } catch (error) {
      options.log?.(`${url.pathname}: ${(error as Error).message}`);
    }
    if (response?.status === 429) {
      const waitMs = retryAfterMs(response.headers.get('retry-after'));
      options.log?.(`rate limited: waiting ${waitMs / 1000} s as Retry-After asks`);
      await sleep(waitMs);
      continue;
    }
    if (!response || response.status >= 500) {
      failures += 1;
      if (failures >= tries) throw new ZendeskImportError(`Zendesk did not answer ${url.pathname} after ${tries} tries (last: ${response ? `HTTP ${response.status}` : 'no connection'})`);
      await sleep((options.backoffBaseMs ?? 1_000) * 2 ** (failures - 1));
      continue;
    }
    if (!response.ok) throw new ZendeskImportError(`Zendesk refused ${url.pathname} with HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
    const parsed = incrementalTicketPage.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new ZendeskImportError(`Zendesk's page is not an incremental ticket export page: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  }
}

function pageUrl(baseUrl: string, position: { cursor: string } | { startTime: number }): URL {
  const url = new URL(EXPORT_PATH, baseUrl);
  if ('cursor' in position) url.searchParams.set('cursor', position.cursor);
  else url.searchParams.set('start_time', String(position.startTime));
  url.searchParams.set('include', 'users,organizations');
  return url;
}

/**
 * Pages through the cursor-based incremental ticket export until `end_of_stream`, applying each
 * page before asking for the next and saving its `after_cursor` once it is applied: a run that
 * stops (a crash, the hub out of reach) resumes at the first page not yet applied.
 */
export async function importLive(options: LiveImportOptions): Promise<LiveImportResult> {
  const saved = await readImportState(options.statePath);
  let cursor = saved?.cursor ?? null;
  let url = pageUrl(options.baseUrl, cursor ? { cursor } : { startTime: options.startTime });
  let counts = emptyCounts();
  let pages = 0;
  for (;;) {
    const page = await fetchPage(url, options);
    counts = addCounts(counts, await applyRecords(options.graph, recordsOf([page])));
    pages += 1;
    if (page.after_cursor) {
      cursor = page.after_cursor;
      await saveImportState(options.statePath, cursor);
    }
    options.log?.(`page ${pages}: ${page.tickets.length} tickets${page.end_of_stream ? ', end of stream' : ''}`);
    if (page.end_of_stream || !page.after_cursor) return { counts, pages, cursor };
    url = pageUrl(options.baseUrl, { cursor: page.after_cursor });
  }
}
