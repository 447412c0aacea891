import type { Identity } from '../../kit/auth';
import type { PageArgs } from '../../kit/pagination';
import { parseInput } from '../../kit/validation';
import type { AccountDocument, Segment } from '../model';
import type { AccountsRepository } from '../repository';
import { utcDay } from '../usage/model';
import { explainChange } from './change';
import type { HealthChangeRecord, HealthSnapshotDocument } from './documents';
import type { HealthBacktestResult } from './backtest';
import { backtestAsOfInput, changeSinceInput, historyDaysInput, recomputeWaitInput } from './inputs';
import { healthPolicy } from './policy';
import type { RecomputeSummary } from './recompute';

/** What `recomputeHealth` answers: the summary when the run finished within the wait. */
export type RecomputeOutcome = { status: 'COMPLETED' | 'RUNNING'; startedAt: Date } & Partial<RecomputeSummary>;
import type { HealthListFilter, HealthRepository, HistoryPoint } from './repository';
import { HEALTH_BANDS, type HealthBand } from './scoring';

const DAY_MS = 86_400_000;
const BUCKETS = 10;

export interface HealthDistribution {
  segment: Segment | null;
  total: number;
  bands: Array<{ band: HealthBand; count: number }>;
  histogram: Array<{ from: number; to: number; count: number }>;
}

/**
 * Account health for one request: every read is authorized here and goes through this request's
 * loaders, so health on a list of accounts costs one query, not one per account.
 */
export class HealthService {
  private readonly loaders: ReturnType<HealthRepository['createLoaders']>;
  private readonly accountById: ReturnType<AccountsRepository['createLoaders']>['accountById'];

  constructor(
    private readonly identity: Identity,
    private readonly repository: HealthRepository,
    accounts: AccountsRepository,
    private readonly recompute: () => Promise<RecomputeSummary>,
    private readonly now: () => Date,
    private readonly runBacktest: (asOf: Date) => Promise<HealthBacktestResult>,
  ) {
    this.loaders = repository.createLoaders();
    this.accountById = accounts.createLoaders().accountById;
  }

  /** The account's newest snapshot; null until a recompute has scored it. */
  latest(accountId: string): Promise<HealthSnapshotDocument | null> {
    healthPolicy.assertCanReadAccountHealth(this.identity, accountId);
    return this.loaders.latestByAccount.load(accountId);
  }

  history(accountId: string, days: unknown): Promise<HistoryPoint[]> {
    const validDays = parseInput(historyDaysInput, days, 'days');
    healthPolicy.assertCanReadAccountHealth(this.identity, accountId);
    const fromDay = utcDay(new Date(this.now().getTime() - (validDays - 1) * DAY_MS));
    return this.loaders.historyByAccount.load({ accountId, fromDay });
  }

  /** The newest snapshot on or before `since` against the latest one; null when either is missing. */
  async change(accountId: string, since: unknown): Promise<HealthChangeRecord | null> {
    const validSince = parseInput(changeSinceInput(this.now()), since, 'since');
    healthPolicy.assertCanReadAccountHealth(this.identity, accountId);
    const [then, now] = await Promise.all([
      this.loaders.atOrBeforeDay.load({ accountId, day: utcDay(validSince) }),
      this.loaders.latestByAccount.load(accountId),
    ]);
    return then && now ? explainChange(then, now) : null;
  }

  async listByHealth(filter: HealthListFilter, page: PageArgs) {
    healthPolicy.assertCanReadPortfolio(this.identity);
    const connection = await this.repository.listLatest(filter, page);
    // The list already holds each account's latest snapshot: `Account.health` on its nodes needs no query.
    for (const edge of connection.edges) this.loaders.latestByAccount.prime(edge.node.accountId, edge.node);
    return connection;
  }

  async distribution(segment: Segment | undefined): Promise<HealthDistribution> {
    healthPolicy.assertCanReadPortfolio(this.identity);
    const rows = await this.repository.distribution(segment);
    const countWhere = (match: (row: (typeof rows)[number]) => boolean) => rows.filter(match).reduce((sum, row) => sum + row.count, 0);
    return {
      segment: segment ?? null,
      total: countWhere(() => true),
      bands: HEALTH_BANDS.map((band) => ({ band, count: countWhere((row) => row.band === band) })),
      histogram: Array.from({ length: BUCKETS }, (_, bucket) => ({ from: bucket * 10, to: bucket * 10 + 10, count: countWhere((row) => row.bucket === bucket) })),
    };
  }

  alerts(page: PageArgs) {
    healthPolicy.assertCanReadPortfolio(this.identity);
    return this.repository.listAlerts(page);
  }

  /** How well the scores at `asOf` predicted the renewals that followed (validated, then authorized). */
  backtest(asOf: unknown): Promise<HealthBacktestResult> {
    const validAsOf = parseInput(backtestAsOfInput(this.now()), asOf, 'asOf');
    healthPolicy.assertCanReadBacktest(this.identity);
    return this.runBacktest(validAsOf);
  }

  /**
   * Runs (or joins) a recompute and waits for it up to `waitSeconds`: a large dataset takes longer
   * than a request may, so the run then goes on in the background and the answer says RUNNING.
   */
  async recomputeAll(rawWaitSeconds: unknown): Promise<RecomputeOutcome> {
    const waitSeconds = parseInput(recomputeWaitInput, rawWaitSeconds, 'waitSeconds');
    healthPolicy.assertCanRecompute(this.identity);
    const startedAt = new Date();
    const run = this.recompute();
    // A run that fails after the answer has gone is logged by the feature, not lost silently.
    run.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), waitSeconds * 1000);
    });
    try {
      const summary = await Promise.race([run, timedOut]);
      return summary ? { status: 'COMPLETED', startedAt, ...summary } : { status: 'RUNNING', startedAt };
    } finally {
      clearTimeout(timer);
    }
  }

  /** An account on a list the caller was allowed to read. */
  account(accountId: string): Promise<AccountDocument | null> {
    return this.accountById.load(accountId);
  }
}
