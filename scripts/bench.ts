import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createTokenVerifier, signToken } from '../subgraphs/kit/auth';
import { loadConfig } from '../subgraphs/kit/config';
import { createLogger } from '../subgraphs/kit/logger';
import { openConfiguredStore } from '../subgraphs/kit/run-process';
import { generateDemoDataset } from './demo-data/dataset';
import { loadDemoData } from './demo-data/load';
import { benchSearchIndexBuild, benchSearchQueries, benchSearchSync, waitForSearchSync } from './bench/search';
import { startHub, type RunningHub } from './start-hub';

/**
 * `npm run bench`: the whole hub in one process on the benchmark dataset (from HUB_DATA_DIR when
 * it holds one, otherwise generated in memory), then, through the graph on loopback, search
 * (index build, initial sync, query latency at the search subgraph) and a load of account-360
 * operations through the gateway. `--only search` or `--only account360` runs one part. Prints
 * the numbers `docs/benchmarks.md` records.
 */
const ACCOUNT_360 = readFileSync(join(__dirname, '..', 'test', 'operations', 'account360.graphql'), 'utf8');

async function timeGraphql(url: string, token: string, query: string): Promise<{ body: unknown; seconds: number }> {
  const startedAt = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return { body: await response.json(), seconds: (performance.now() - startedAt) / 1000 };
}

const PARTS = ['search', 'account360', 'all'] as const;
type Part = (typeof PARTS)[number];

function isPart(value: string): value is Part {
  return (PARTS as readonly string[]).includes(value);
}

async function benchAccount360(hub: RunningHub, token: string, customers: readonly string[], options: { scale: string; connections: number; seconds: number }): Promise<void> {
  const recompute = await timeGraphql(hub.gatewayUrl, token, 'mutation { recomputeHealth(waitSeconds: 60) { status accountsScored durationMs } }');
  console.log(`health recompute of every account through the graph: ${JSON.stringify(recompute.body)} in ${recompute.seconds.toFixed(1)} s`);
  let next = 0;
  const result = await autocannon({
    url: hub.gatewayUrl,
    method: 'POST',
    connections: options.connections,
    duration: options.seconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    requests: [
      {
        setupRequest: (request) => {
          next = (next + 1) % customers.length;
          return { ...request, body: JSON.stringify({ query: ACCOUNT_360, variables: { id: customers[next] } }) };
        },
      },
    ],
  });
  console.log(
    `account-360 through the gateway (${options.scale}, ${options.connections} connections, ${options.seconds} s): ` +
      `${result.requests.average.toFixed(1)} req/s, latency p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, ` +
      `${result.non2xx} non-2xx, ${result.errors} errors`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string', default: 'all' },
      seconds: { type: 'string', default: '20' },
      connections: { type: 'string', default: '8' },
      scale: { type: 'string', default: 'bench' },
      'search-requests': { type: 'string', default: '2000' },
    },
  });
  if (!isPart(values.only)) throw new Error(`--only must be one of ${PARTS.join(', ')}, not ${values.only}`);
  const isSearchRun = values.only !== 'account360';
  const isAccount360Run = values.only !== 'search';
  const scale = values.scale === 'demo' ? 'demo' : 'bench';
  // A full health recompute runs longer than an interactive request may: give it room, and keep
  // the schedule out of the measurements. Search keeps following the feeds (HUB_SEARCH_REFRESH_MS
  // as configured): its initial sync is one of the measurements.
  const config = loadConfig({
    HUB_SUBGRAPH_TIMEOUT_MS: '300000',
    ...process.env,
    HUB_HEALTH_RECOMPUTE_MINUTES: '0',
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
  });
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'bench' });
  const store = await openConfiguredStore(config, logger);
  const dataset = generateDemoDataset({ scale, seed: 42 });
  const loadStartedAt = performance.now();
  const loaded = await loadDemoData({ store, config }, dataset);
  console.log(`dataset: ${dataset.accounts.length} accounts, ${dataset.users.length} users; loaded ${loaded.join(', ') || 'nothing (already there)'} in ${((performance.now() - loadStartedAt) / 1000).toFixed(1)} s`);

  const expectedSearchDocuments = isSearchRun ? await benchSearchIndexBuild({ store, config }, dataset) : null;

  const hubStartedAt = performance.now();
  const hub = await startHub({ config, logger, verifier: createTokenVerifier(config), store, gatewayPort: 0, subgraphPort: () => 0 });
  try {
    if (expectedSearchDocuments !== null) {
      await benchSearchSync(hub, hubStartedAt, expectedSearchDocuments);
      await benchSearchQueries(hub, config, dataset, { requests: Number(values['search-requests']), warmupRequests: 200, concurrency: 4, seed: 42 });
    }
    if (isAccount360Run) {
      // The search index's first sync reads every feed through the gateway for minutes: waiting
      // for it keeps that load out of the account-360 numbers, whichever parts run.
      await waitForSearchSync(hub);
      const token = await signToken(config, { subject: 'staff_bench', role: 'staff' });
      const customers = dataset.accounts.filter((account) => account.customerSince !== null).map((account) => account._id);
      await benchAccount360(hub, token, customers, { scale, connections: Number(values.connections), seconds: Number(values.seconds) });
    }
  } finally {
    await hub.stop();
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
