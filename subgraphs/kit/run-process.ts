import { createTokenVerifier, warnIfDevelopmentSecret } from './auth';
import { ConfigError, loadConfig, type HubConfig } from './config';
import { createInternalGraphClient } from './graph-client';
import { createLogger, type Logger } from './logger';
import { openStore } from './store/open-store';
import type { HubStore } from './store/types';
import type { HubService } from './apollo-service';
import type { SubgraphDeps } from './subgraph-service';

/**
 * On SIGTERM or SIGINT, runs `stop` once (drain HTTP, then release the store) and exits 0, so an
 * orchestrator's stop loses no request and no write.
 */
export function stopOnSignals(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

interface Started {
  service: HubService;
  /** Runs after the service has drained, e.g. closing the store so nothing written is lost. */
  release?: () => Promise<void>;
}

/**
 * Runs one service as its own process (in production, one container each): validated config,
 * listen on PORT, and a graceful stop on SIGTERM/SIGINT that drains HTTP before releasing.
 */
export function runProcess(name: string, start: (base: { config: HubConfig; logger: Logger }) => Promise<Started>): void {
  const run = async () => {
    const config = loadConfig();
    const logger = createLogger({ level: config.LOG_LEVEL, name });
    warnIfDevelopmentSecret(config, logger);
    const { service, release } = await start({ config, logger });
    await service.listen(config.PORT);
    stopOnSignals(logger, async () => {
      await service.stop();
      await release?.();
    });
  };
  run().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}

/** The store the configuration names: MongoDB with MONGODB_URI, else embedded (persisted to HUB_DATA_DIR). */
export function openConfiguredStore(config: HubConfig, logger: Logger): Promise<HubStore> {
  return openStore({
    mongodbUri: config.MONGODB_URI,
    dataDir: config.HUB_DATA_DIR,
    onSnapshotError: (error, database) => logger.error({ err: error, database }, 'embedded store snapshot failed'),
  });
}

/** A subgraph process: its store (MongoDB, or the embedded one) is opened here and closed last. */
export function runSubgraphProcess(name: string, create: (deps: SubgraphDeps) => Promise<HubService>): void {
  runProcess(name, async ({ config, logger }) => {
    const store = await openConfiguredStore(config, logger);
    const graph = createInternalGraphClient(config, () => config.HUB_GATEWAY_URL ?? `http://127.0.0.1:4000/graphql`);
    const service = await create({ config, logger, verifier: createTokenVerifier(config), store, graph });
    return { service, release: () => store.close() };
  });
}
