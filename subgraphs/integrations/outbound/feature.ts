import type { HubDatabase } from '../../kit/store/types';
import type { RequestBase, SubgraphDeps, SubgraphFeature } from '../../kit/subgraph-service';
import { WebhookDeliveriesRepository } from './deliveries-repository';
import { healthDetector } from './detectors/health';
import { dormantUsersDetector, promotersDetector } from './detectors/people';
import { renewalsDetector } from './detectors/renewals';
import { OutboundEventsRepository } from './events-repository';
import { Outbox } from './outbox';
import { outboundResolvers, type OutboundContext } from './resolvers';
import { EventScanner, type ScanSummary } from './scanner';
import { createWebhookSender } from './sender';
import { OutboundService } from './service';
import { WebhookSubscriptionsRepository } from './subscriptions-repository';
import { DeliveryWorker } from './worker';

/** What the scans read through the gateway: account health, contracts and the journey lists. */
export const OUTBOUND_READ_SCOPES = ['accounts:read', 'contracts:read', 'journey:read'] as const;

export interface OutboundFeatureOptions {
  deps: SubgraphDeps;
  database: HubDatabase;
}

export interface OutboundFeature extends SubgraphFeature<OutboundContext> {
  createContext(base: RequestBase): OutboundContext;
  /** Looks for new facts once and queues their deliveries (what the schedule runs). */
  scanOnce(): Promise<ScanSummary>;
  /** Resolves once tries under way when the service stopped have been put back. */
  whenStopped(): Promise<void>;
}

/**
 * Signed outbound webhooks: subscriptions, a scan every HUB_OUTBOUND_SCAN_MS that turns new
 * facts into queued deliveries, and a worker that sends them with retries.
 */
export async function createOutboundFeature(options: OutboundFeatureOptions): Promise<OutboundFeature> {
  const { config } = options.deps;
  const logger = options.deps.logger.child({ feature: 'outbound-webhooks' });
  const subscriptions = new WebhookSubscriptionsRepository(options.database);
  const deliveries = new WebhookDeliveriesRepository(options.database);
  const events = new OutboundEventsRepository(options.database);
  await Promise.all([subscriptions.ensureIndexes(), deliveries.ensureIndexes(), events.ensureIndexes()]);

  const worker = new DeliveryWorker({
    deliveries,
    subscriptions,
    send: createWebhookSender(),
    retryBaseMs: config.HUB_OUTBOUND_RETRY_BASE_MS,
    maxConsecutiveFailures: config.HUB_OUTBOUND_MAX_FAILURES,
    logger,
  });
  const outbox = new Outbox(events, subscriptions, deliveries, () => worker.kick());
  const scanner = new EventScanner({
    detectors: [healthDetector(events), dormantUsersDetector(), renewalsDetector(), promotersDetector()],
    // The hub's own identity reads with exactly these scopes; a client that cannot mint tokens is used as it is.
    graph: options.deps.graph.withScopes?.(OUTBOUND_READ_SCOPES) ?? options.deps.graph,
    outbox,
    logger,
  });
  const scanOnce = () => scanner.scanOnce();
  const runtime = { subscriptions, deliveries, outbox, scanOnce, isProduction: config.isProduction };

  // Deliveries left pending by an earlier run go out as soon as the service is up.
  worker.kick();
  const schedule =
    config.HUB_OUTBOUND_SCAN_MS > 0
      ? setInterval(() => {
          // Nobody to tell, nothing to read: an install without subscriptions never scans the graph.
          subscriptions
            .listEnabled()
            .then((enabled) => (enabled.length > 0 ? scanOnce() : null))
            .catch((error: unknown) => logger.error({ err: error }, 'webhook event scan failed'))
            // Also picks up deliveries that another process queued or left behind.
            .finally(() => worker.kick());
        }, config.HUB_OUTBOUND_SCAN_MS)
      : null;
  // The schedule must never keep a process (or a test run) alive on its own.
  schedule?.unref();

  return {
    resolvers: outboundResolvers,
    createContext: (base) => ({ outbound: new OutboundService(base.identity, runtime) }),
    onStop: () => {
      if (schedule) clearInterval(schedule);
      worker.stop();
    },
    scanOnce,
    whenStopped: () => worker.settled(),
  };
}
