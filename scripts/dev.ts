import { subgraphPort } from '../subgraphs/catalog';
import { createTokenVerifier, signToken, warnIfDevelopmentSecret } from '../subgraphs/kit/auth';
import { ConfigError, loadConfig } from '../subgraphs/kit/config';
import { createLogger } from '../subgraphs/kit/logger';
import { openConfiguredStore, stopOnSignals } from '../subgraphs/kit/run-process';
import { generateDemoDataset } from './demo-data/dataset';
import { DEMO_STAFF, pickDemoCustomer } from './demo-data/generate';
import { loadDemoData } from './demo-data/load';
import { startHub } from './start-hub';

async function postGraphql(url: string, token: string, query: string): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

/**
 * `npm start`: every subgraph and the gateway in one process, on the embedded store with demo
 * data unless MONGODB_URI says otherwise. Prints the URL and ready-to-use tokens.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'customer-hub' });
  warnIfDevelopmentSecret(config, logger);
  const store = await openConfiguredStore(config, logger);
  const demo = generateDemoDataset();
  const deps = { config, logger, verifier: createTokenVerifier(config), store };
  if (config.HUB_DEMO_DATA ?? !config.MONGODB_URI) {
    const loaded = await loadDemoData(deps, demo);
    logger.info({ loaded }, loaded.length ? 'demo data loaded' : 'store already holds data');
  }
  const hub = await startHub({ ...deps, gatewayPort: config.PORT, subgraphPort: (name) => subgraphPort(config.PORT, name) });

  const customer = pickDemoCustomer(demo);
  const staffToken = await signToken(config, { subject: DEMO_STAFF[0]?.id ?? 'staff_demo', role: 'staff' });
  const customerToken = await signToken(config, { subject: customer.userId, role: 'customer', accountId: customer.accountId });
  console.log(
    [
      '',
      `Customer Hub is running: ${hub.gatewayUrl} (store: ${store.kind}${config.HUB_DATA_DIR ? `, data in ${config.HUB_DATA_DIR}` : ''})`,
      `Portal (pick a demo user): ${hub.gatewayUrl.replace(/\/graphql$/, '/portal')}`,
      '',
      `Staff token (sees every account):\n  ${staffToken}`,
      `Customer token (user ${customer.userId} of account ${customer.accountId}):\n  ${customerToken}`,
      '',
      'Try:',
      `  curl -s ${hub.gatewayUrl} -H 'content-type: application/json' \\`,
      `    -H 'authorization: Bearer ${customerToken}' \\`,
      `    -d '{"query":"{ viewer { user { name persona } account { name segment tenureDays } } }"}'`,
      '',
    ].join('\n'),
  );

  // Health scores exist only after a recompute; the first scheduled one is an interval away.
  void postGraphql(hub.gatewayUrl, staffToken, 'mutation { recomputeHealth { status accountsScored durationMs } }').then(
    (result) => logger.info({ result }, 'health scores computed'),
    (error: unknown) => logger.warn({ err: error }, 'first health recompute failed; the schedule will retry'),
  );

  stopOnSignals(logger, async () => {
    await hub.stop();
    await store.close();
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
