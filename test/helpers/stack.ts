import { randomUUID } from 'node:crypto';
import { signToken, createTokenVerifier } from '../../subgraphs/kit/auth';
import { loadConfig, type HubConfig } from '../../subgraphs/kit/config';
import { createLogger } from '../../subgraphs/kit/logger';
import { openStore } from '../../subgraphs/kit/store/open-store';
import type { HubStore } from '../../subgraphs/kit/store/types';
import { startHub, type RunningHub } from '../../scripts/start-hub';
import { SUBGRAPHS, type SubgraphModule } from '../../subgraphs/catalog';
import { dropMongoDatabases } from './mongo';

export const TEST_JWT_SECRET = 'test-secret-for-the-hub-test-stack-0001';

export interface GraphqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

export interface Stack extends RunningHub {
  config: HubConfig;
  store: HubStore;
  /** POSTs a GraphQL operation to the gateway (or to `url`) with the given token. */
  query<T = Record<string, unknown>>(
    query: string,
    options?: { token?: string | null; variables?: Record<string, unknown>; url?: string },
  ): Promise<GraphqlResult<T>>;
  staffToken(): Promise<string>;
  customerToken(accountId: string, userId: string): Promise<string>;
  integrationToken(scopes: string[]): Promise<string>;
}

/**
 * Test configuration: a fixed secret, silent logs, and a database prefix unique to this stack.
 * The search index follows no feed unless a test asks for it (`searchFollowing()`), the inbox
 * applies events only in tests that turn it on (`HUB_INBOX_POLL_MS`), and outbound webhook events
 * are detected only when a test scans (`scanWebhookEvents`): their polling would add store calls
 * to every other test's counts and load to every stack.
 */
export function testConfig(overrides: Record<string, string> = {}): HubConfig {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'silent',
    HUB_JWT_SECRET: TEST_JWT_SECRET,
    HUB_SEARCH_REFRESH_MS: '0',
    HUB_OUTBOUND_SCAN_MS: '0',
    HUB_INBOX_POLL_MS: '0',
    MONGODB_DB_PREFIX: `t${randomUUID().slice(0, 8)}_`,
    ...overrides,
  });
}

/** A fresh store: MongoDB when MONGODB_URI is set (so every suite also runs there), else embedded. */
export function openTestStore(): Promise<HubStore> {
  return openStore({ mongodbUri: process.env['MONGODB_URI'] });
}

export async function postGraphql<T>(
  url: string,
  query: string,
  options: { token?: string | null; variables?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<GraphqlResult<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  const body = (await response.json()) as Omit<GraphqlResult<T>, 'status'>;
  return { status: response.status, ...body };
}

/**
 * Starts every subgraph and the gateway on port 0 in this process, over a fresh store (or the
 * one given), and returns helpers to query it. Call `stop()` in `afterAll`.
 */
export async function startStack(
  options: {
    store?: HubStore;
    config?: HubConfig;
    /** Writes data before any service starts, e.g. so the search index finds it in its first read. */
    arrange?: (target: { store: HubStore; config: HubConfig }) => Promise<void>;
    /** The subgraphs to run; the catalog's by default (a test may build one differently). */
    subgraphs?: readonly SubgraphModule[];
  } = {},
): Promise<Stack> {
  const config = options.config ?? testConfig();
  const logger = createLogger({ level: config.LOG_LEVEL });
  const store = options.store ?? (await openTestStore());
  await options.arrange?.({ store, config });
  const hub = await startHub({
    config,
    logger,
    verifier: createTokenVerifier(config),
    store,
    gatewayPort: 0,
    subgraphPort: () => 0,
    ...(options.subgraphs ? { subgraphs: options.subgraphs } : {}),
  });
  return {
    ...hub,
    config,
    store,
    query: (query, queryOptions = {}) => postGraphql(queryOptions.url ?? hub.gatewayUrl, query, queryOptions),
    staffToken: () => signToken(config, { subject: 'staff_test', role: 'staff' }),
    customerToken: (accountId, userId) => signToken(config, { subject: userId, role: 'customer', accountId }),
    integrationToken: (scopes) => signToken(config, { subject: 'integration_test', role: 'integration', scopes }),
    async stop() {
      await hub.stop();
      if (options.store) return;
      await store.close();
      const mongodbUri = process.env['MONGODB_URI'];
      if (mongodbUri) await dropMongoDatabases(mongodbUri, SUBGRAPHS.map(({ name }) => `${config.MONGODB_DB_PREFIX}${name}`));
    },
  };
}
