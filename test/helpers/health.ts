import type { Segment } from '../../subgraphs/accounts/model';
import { ACCOUNTS_SUBGRAPH } from '../../subgraphs/accounts/server';
import { HEALTH_COMPONENTS, type HealthComponentKey } from '../../subgraphs/accounts/health/components';
import defaultHealthModel from '../../subgraphs/accounts/health/health-model.json';
import { parseHealthModel, type HealthModel } from '../../subgraphs/accounts/health/model-schema';
import { HealthRecomputer } from '../../subgraphs/accounts/health/recompute';
import { HealthRepository } from '../../subgraphs/accounts/health/repository';
import type { HealthSnapshotDocument } from '../../subgraphs/accounts/health/documents';
import type { AccountSignals } from '../../subgraphs/accounts/health/scoring';
import { createUsageFeature } from '../../subgraphs/accounts/usage/feature';
import { createTokenVerifier } from '../../subgraphs/kit/auth';
import { createGraphClient, internalToken } from '../../subgraphs/kit/graph-client';
import { createLogger } from '../../subgraphs/kit/logger';
import { createServiceMetrics } from '../../subgraphs/kit/metrics';
import { subgraphDatabase } from '../../subgraphs/kit/subgraph-service';
import type { Stack } from './stack';

export { DAY_MS } from './time';

/** A deep copy of the shipped health model, to change one entry of in a test. */
export function copyOfDefaultModel(): HealthModel {
  return parseHealthModel(structuredClone(defaultHealthModel));
}

/** Every signal present and middling, unless overridden; `null` marks a missing signal. */
export function buildSignals(segment: Segment, values: Partial<Record<HealthComponentKey, number | null>> = {}): AccountSignals {
  const defaults: Record<HealthComponentKey, number> = {
    USAGE_BREADTH: 0.5,
    USAGE_DEPTH: 40,
    USAGE_FREQUENCY: 3,
    SEAT_UTILIZATION: 0.6,
    URGENT_TICKETS: 0,
    CSAT: 0.85,
    LEARNING_COMPLETION: 0.5,
    CERTIFIED_USERS: 2,
    COMMUNITY_ACTIVE_MEMBERS: 3,
    DAYS_TO_RENEWAL: 200,
    ARR_CHANGE: 0.05,
  };
  const merged = Object.fromEntries(HEALTH_COMPONENTS.map((key) => [key, key in values ? values[key]! : defaults[key]])) as Record<HealthComponentKey, number | null>;
  return { accountId: `acc_signals_${segment.toLowerCase()}`, segment, values: merged };
}

/** The health collections on the stack's store, for arranging and checking data. */
export function healthRepository(stack: Pick<Stack, 'store' | 'config'>): HealthRepository {
  return new HealthRepository(subgraphDatabase(stack, ACCOUNTS_SUBGRAPH));
}

/**
 * A recompute against the running stack with its own clock: how a test scores the accounts
 * "yesterday" and then again today. Signals come through the stack's gateway and the accounts
 * subgraph's usage feature, as in the running service.
 */
export async function recomputeAt(stack: Stack, now: Date, model: HealthModel = copyOfDefaultModel()) {
  const graph = createGraphClient({ url: () => stack.gatewayUrl, token: internalToken(stack.config) });
  const logger = createLogger({ level: 'silent' });
  const database = subgraphDatabase(stack, ACCOUNTS_SUBGRAPH);
  const deps = { config: stack.config, logger, verifier: createTokenVerifier(stack.config), store: stack.store, graph };
  const usage = await createUsageFeature({ deps, database, metrics: createServiceMetrics(ACCOUNTS_SUBGRAPH) });
  try {
    return await new HealthRecomputer({ repository: healthRepository(stack), graph, usage, model, now: () => now }).run();
  } finally {
    usage.onStop?.();
  }
}

/** Sum of the components' contributions, for checking that they add up to the score. */
export function sumOfContributions(components: ReadonlyArray<{ contribution: number }>): number {
  return components.reduce((sum, component) => sum + component.contribution, 0);
}

/** A stored past snapshot of `accountId` on the UTC day of `at`: never the latest unless overridden. */
export function buildSnapshot(accountId: string, at: Date, overrides: Partial<HealthSnapshotDocument> = {}): HealthSnapshotDocument {
  const day = at.toISOString().slice(0, 10);
  return {
    _id: `${accountId}|${day}`,
    accountId,
    day,
    segment: 'SMB',
    score: 60,
    band: 'NEUTRAL',
    components: [],
    benchmark: [],
    isLatest: false,
    modelVersion: 'test',
    computedAt: at,
    ...overrides,
  };
}
