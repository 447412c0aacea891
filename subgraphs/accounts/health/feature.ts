import type { ServiceMetrics } from '../../kit/metrics';
import type { HubDatabase } from '../../kit/store/types';
import type { RequestBase, SubgraphDeps, SubgraphFeature } from '../../kit/subgraph-service';
import { AccountsRepository } from '../repository';
import type { UsageFeature } from '../usage/feature';
import { HealthBacktester } from './backtest';
import defaultHealthModel from './health-model.json';
import { parseHealthModel } from './model-schema';
import { HealthRecomputer, type RecomputeSummary } from './recompute';
import { HealthRepository } from './repository';
import { healthResolvers, type HealthContext } from './resolvers';
import { HealthService } from './service';

/** The schedule's default: `HUB_HEALTH_RECOMPUTE_MINUTES` in the config. */
export const DEFAULT_RECOMPUTE_MINUTES = 60;

export interface HealthFeatureOptions {
  deps: SubgraphDeps;
  database: HubDatabase;
  metrics: ServiceMetrics;
  usage: Pick<UsageFeature, 'summaries'>;
  /** The health model as read from a file; `health-model.json` when omitted. Validated at start. */
  model?: unknown;
  /** Minutes between scheduled recomputes (the first one after one interval); 0 turns the schedule off. */
  recomputeIntervalMinutes?: number;
  /** The clock recomputes and history windows read; injectable so a test can recompute "tomorrow". */
  now?: () => Date;
}

export interface HealthFeature extends SubgraphFeature<HealthContext> {
  createContext(base: RequestBase): HealthContext;
  /** Scores every account now (what the schedule and `recomputeHealth` run). */
  recompute(): Promise<RecomputeSummary>;
}

/** Explainable health scores, their history and the lists built on them. */
export async function createHealthFeature(options: HealthFeatureOptions): Promise<HealthFeature> {
  const model = parseHealthModel(options.model ?? defaultHealthModel);
  const now = options.now ?? (() => new Date());
  const logger = options.deps.logger.child({ feature: 'health' });
  const repository = new HealthRepository(options.database);
  await repository.ensureIndexes();
  const accounts = new AccountsRepository(options.database);
  const recomputer = new HealthRecomputer({ repository, graph: options.deps.graph, usage: options.usage, model, now, logger });
  // Every failed run is logged here once, whoever started it (the schedule or a request that
  // stopped waiting), since nobody may be left to see the error.
  const recompute = () =>
    recomputer.run().catch((error: unknown) => {
      logger.error({ err: error }, 'health recompute failed');
      throw error;
    });
  const backtester = new HealthBacktester({ repository, graph: options.deps.graph, now });
  const backtest = (asOf: Date) => backtester.run(asOf);

  const intervalMinutes = options.recomputeIntervalMinutes ?? DEFAULT_RECOMPUTE_MINUTES;
  if (!Number.isFinite(intervalMinutes) || intervalMinutes < 0) {
    throw new Error(`recomputeIntervalMinutes must be 0 (off) or a positive number of minutes, not ${intervalMinutes}`);
  }
  const schedule =
    intervalMinutes > 0
      ? setInterval(() => {
          recompute().catch(() => undefined);
        }, intervalMinutes * 60_000)
      : null;
  // The schedule must never keep a process (or a test run) alive on its own.
  schedule?.unref();

  return {
    resolvers: healthResolvers,
    createContext: (base) => ({ health: new HealthService(base.identity, repository, accounts, recompute, now, backtest) }),
    onStop: () => {
      if (schedule) clearInterval(schedule);
    },
    recompute,
  };
}
