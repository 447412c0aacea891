import { createTokenVerifier, warnIfDevelopmentSecret } from './auth';
import { ConfigError, loadConfig, type HubConfig } from './config';
import { createLogger, type Logger } from './logger';
import { openStore } from './store/open-store';
import type { HubService, SubgraphDeps } from './subgraph-service';

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
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      await service.stop();
      await release?.();
      process.exit(0);
    };
    process.on('SIGTERM', () => void stop('SIGTERM'));
    process.on('SIGINT', () => void stop('SIGINT'));
  };
  run().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}

/** A subgraph process: its store (MongoDB, or the embedded one) is opened here and closed last. */
export function runSubgraphProcess(name: string, create: (deps: SubgraphDeps) => Promise<HubService>): void {
  runProcess(name, async ({ config, logger }) => {
    const store = await openStore({
      mongodbUri: config.MONGODB_URI,
      dataDir: config.HUB_DATA_DIR,
      onSnapshotError: (error, database) => logger.error({ err: error, database }, 'embedded store snapshot failed'),
    });
    const service = await create({ config, logger, verifier: createTokenVerifier(config), store });
    return { service, release: () => store.close() };
  });
}
