import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { signToken } from '../../subgraphs/kit/auth';
import type { HubConfig } from '../../subgraphs/kit/config';
import type { ContentType } from '../../subgraphs/kit/content-feed';
import type { SubgraphDeps } from '../../subgraphs/kit/subgraph-service';
import { subgraphDatabase } from '../../subgraphs/kit/subgraph-service';
import { ExternalDocumentRepository } from '../../subgraphs/search/external/repository';
import { InvertedIndex } from '../../subgraphs/search/index/inverted-index';
import { SEARCH_SUBGRAPH } from '../../subgraphs/search/server';
import type { DemoDataset } from '../demo-data/dataset';
import { createRandom, type Random } from '../demo-data/random';
import type { RunningHub } from '../start-hub';
import { heapUsedAfterGcBytes, megabytes } from './heap';
import { formatLatencies, runConcurrently, summarizeLatencies } from './latency';
import { send, type Outcome } from './search-client';
import type { SearchClientJob } from './search-client-worker';
import { searchCorpusOf } from './search-documents';
import { searchRequestMix, type SearchBenchRequest } from './search-queries';
import { metricsUrlOf, waitForSearchIndex } from './search-sync';

export interface SearchBenchOptions {
  /** Timed requests, after the warm-up. */
  requests: number;
  warmupRequests: number;
  concurrency: number;
  seed: number;
}

/** The target, at the search subgraph (the gateway adds its own hop and entity lookups). */
const TARGET_P95_MS = 50;
const SYNC_POLL_MS = 500;
/** The initial sync reads every feed through the gateway; minutes on the benchmark dataset. */
const SYNC_TIMEOUT_MS = 10 * 60_000;
/** Enough accounts that customers' searches do not all see the same tickets. */
const CUSTOMER_ACCOUNTS = 40;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const thousands = (count: number) => count.toLocaleString('en-US');

/**
 * Builds a fresh in-memory index from the dataset's content, mapped by each owner's own function
 * (external documents are read from the search store, where the demo data put them), and prints
 * how long it took and how much heap the index keeps.
 * @returns how many documents a complete index holds
 */
export async function benchSearchIndexBuild(deps: Pick<SubgraphDeps, 'store' | 'config'>, dataset: DemoDataset): Promise<number> {
  const externalDocuments = await new ExternalDocumentRepository(subgraphDatabase(deps, SEARCH_SUBGRAPH)).documents.find({}).toArray();
  const heapBeforeBytes = heapUsedAfterGcBytes();
  const mapStartedAt = performance.now();
  const corpus = searchCorpusOf(dataset, externalDocuments);
  const buildStartedAt = performance.now();
  const index = new InvertedIndex();
  for (const document of corpus.documents) index.upsert(document);
  const builtAt = performance.now();
  const heapAfterBytes = heapUsedAfterGcBytes();
  const counts = [...corpus.countsByType].map(([type, count]: [ContentType, number]) => `${thousands(count)} ${type}`).join(', ');
  console.log(
    `search index in memory: ${thousands(index.size)} documents (${counts}; ${corpus.removedCount} removed left out), ` +
      `mapped in ${seconds(buildStartedAt - mapStartedAt)}, indexed in ${seconds(builtAt - buildStartedAt)}; ` +
      `heap used ${megabytes(heapAfterBytes)}, of which ${megabytes(heapAfterBytes - heapBeforeBytes)} documents and index`,
  );
  return index.size;
}

/**
 * Waits until the hub's search subgraph, following the feeds, holds every document, and prints
 * how long that took from the hub's start.
 */
export async function benchSearchSync(hub: RunningHub, hubStartedAt: number, expectedDocuments: number): Promise<void> {
  const state = await waitForSearchIndex(metricsUrlOf(hub.subgraphUrls[SEARCH_SUBGRAPH]!), { expectedDocuments, pollMs: SYNC_POLL_MS, timeoutMs: SYNC_TIMEOUT_MS });
  console.log(`search initial sync through the graph: ${thousands(state.documents)} documents ${seconds(performance.now() - hubStartedAt)} after the hub's start`);
}

/** Waits until the search subgraph has read every feed once, so that its first sync competes with nothing measured. */
export async function waitForSearchSync(hub: RunningHub): Promise<void> {
  await waitForSearchIndex(metricsUrlOf(hub.subgraphUrls[SEARCH_SUBGRAPH]!), { pollMs: SYNC_POLL_MS, timeoutMs: SYNC_TIMEOUT_MS });
}

/**
 * Runs the requests from a thread of their own: the hub, and so the search subgraph, runs on this
 * process's main thread, and a client sharing that thread would add its own work (building
 * requests, parsing answers) to every latency it measures. Deployed, the load comes from elsewhere.
 */
function inClientThread(job: SearchClientJob): Promise<Outcome[]> {
  return new Promise((resolve, reject) => {
    // The thread loads TypeScript as this process does (tsx's require hook; a .ts entry file is refused).
    const bootstrap = `require('tsx/cjs'); require(${JSON.stringify(join(__dirname, 'search-client-worker.ts'))});`;
    const worker = new Worker(bootstrap, { eval: true, workerData: job });
    worker.once('message', (outcomes: Outcome[]) => {
      resolve(outcomes);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

async function callersOf(config: HubConfig, dataset: DemoDataset, random: Random) {
  const usersByAccount = new Map<string, string[]>();
  for (const user of dataset.users) {
    const users = usersByAccount.get(user.accountId);
    if (users) users.push(user._id);
    else usersByAccount.set(user.accountId, [user._id]);
  }
  const customers = random.shuffle(dataset.accounts.filter((account) => account.customerSince !== null && usersByAccount.has(account._id))).slice(0, CUSTOMER_ACCOUNTS);
  const customerTokens = await Promise.all(
    customers.map((account) => signToken(config, { subject: random.pick(usersByAccount.get(account._id)!), role: 'customer', accountId: account._id })),
  );
  return { staffToken: await signToken(config, { subject: 'staff_bench', role: 'staff' }), customerTokens };
}

/**
 * Gives each second page the cursor its first page ends with, read with the same token and
 * filter; one without hits has no cursor and stays a first page.
 */
async function prepareSecondPages(url: string, requests: SearchBenchRequest[], concurrency: number): Promise<void> {
  const secondPages = requests.filter((request) => request.kind === 'second page');
  const cursors = new Map<string, Promise<string | null>>();
  const keyOf = (request: SearchBenchRequest) => JSON.stringify([request.token, request.variables]);
  await runConcurrently(
    secondPages.map((request) => async () => {
      const key = keyOf(request);
      if (!cursors.has(key)) cursors.set(key, send(url, request).then((outcome) => outcome.endCursor));
      const cursor = await cursors.get(key)!;
      if (cursor) request.variables = { ...request.variables, after: cursor };
      else request.kind = 'first page';
    }),
    concurrency,
  );
}

function report(outcomes: readonly Outcome[], options: SearchBenchOptions): void {
  const errors = outcomes.filter((outcome) => outcome.error !== null);
  const withoutHits = outcomes.filter((outcome) => outcome.error === null && !outcome.hasHits).length;
  const line = (label: string, selected: readonly Outcome[]) => `  ${label.padEnd(12)} ${formatLatencies(summarizeLatencies(selected.map((outcome) => outcome.ms)))}`;
  const all = summarizeLatencies(outcomes.map((outcome) => outcome.ms));
  console.log(
    `search at the subgraph (${thousands(options.requests)} requests after ${options.warmupRequests} warm-up, concurrency ${options.concurrency}): ` +
      `${errors.length} errors, ${withoutHits} without hits`,
  );
  console.log(line('all', outcomes));
  for (const caller of ['staff', 'customer'] as const) console.log(line(caller, outcomes.filter((outcome) => outcome.request.caller === caller)));
  for (const kind of ['first page', 'second page', 'suggestions'] as const) console.log(line(kind, outcomes.filter((outcome) => outcome.request.kind === kind)));
  const distinctErrors = [...new Set(errors.map((outcome) => outcome.error))];
  for (const error of distinctErrors.slice(0, 5)) console.log(`  error: ${error}`);
  console.log(`  target p95 ≤ ${TARGET_P95_MS} ms at the search subgraph: ${all.p95 <= TARGET_P95_MS ? 'met' : 'missed'} (p95 ${all.p95.toFixed(1)} ms)`);
}

/**
 * A fixed, seeded mix of searches and typeahead straight at the search subgraph, which verifies
 * tokens itself: a third by staff, the rest by customers of several accounts. Every request is
 * timed on its own; the warm-up lets the JIT and the caches settle first.
 */
export async function benchSearchQueries(hub: RunningHub, config: HubConfig, dataset: DemoDataset, options: SearchBenchOptions): Promise<void> {
  const url = hub.subgraphUrls[SEARCH_SUBGRAPH]!;
  const random = createRandom(options.seed);
  const callers = await callersOf(config, dataset, random);
  const requests = searchRequestMix(random, callers, options.warmupRequests + options.requests);
  await prepareSecondPages(url, requests, options.concurrency);
  const outcomes = await inClientThread({ url, warmup: requests.slice(0, options.warmupRequests), timed: requests.slice(options.warmupRequests), concurrency: options.concurrency });
  report(outcomes, options);
}
