import type { GraphClient } from '../../kit/graph-client';
import type { Logger } from '../../kit/logger';
import type { UsageFeature } from '../usage/feature';
import { utcDay } from '../usage/model';
import { benchmarkOf, collectPeerValues, peerMediansOf } from './benchmark';
import { alertKindsOf, explainChange } from './change';
import type { HealthAlertDocument, HealthSnapshotDocument } from './documents';
import type { HealthModel } from './model-schema';
import type { HealthRepository } from './repository';
import { computeHealth, type AccountSignals } from './scoring';
import { readSignalPages, toAccountSignals, usageWindow } from './signals';

/** Accounts written per store round trip. */
const WRITE_CHUNK = 500;
/** How far back a recompute looks for the snapshot a drop is measured from. */
const ALERT_LOOKBACK_DAYS = 30;
const DAY_MS = 86_400_000;

export interface RecomputeSummary {
  day: string;
  computedAt: Date;
  accountsScored: number;
  alertsRaised: number;
  durationMs: number;
}

export interface HealthRecomputerDeps {
  repository: HealthRepository;
  graph: GraphClient;
  usage: Pick<UsageFeature, 'summaries'>;
  model: HealthModel;
  now: () => Date;
  logger?: Logger;
}

/**
 * Scores every account and stores the day's snapshots and alerts. Signals are read first for all
 * accounts (the graph 100 at a time, usage per page), because reasons and benchmarks compare each
 * account with its whole segment; nothing is written until every signal has been read, so a
 * failing subgraph leaves yesterday's picture intact instead of half of today's.
 */
export class HealthRecomputer {
  private running: Promise<RecomputeSummary> | null = null;

  constructor(private readonly deps: HealthRecomputerDeps) {}

  /** Runs a recompute, or joins the one already running. */
  run(): Promise<RecomputeSummary> {
    this.running ??= this.recompute().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async recompute(): Promise<RecomputeSummary> {
    const started = Date.now();
    const now = this.deps.now();
    const day = utcDay(now);
    const signals = await this.readSignals(now);
    const peers = collectPeerValues(signals);
    const snapshots = signals.map((account): HealthSnapshotDocument => {
      const result = computeHealth(account, this.deps.model, peerMediansOf(peers, account.segment));
      return {
        _id: `${account.accountId}|${day}`,
        accountId: account.accountId,
        day,
        segment: account.segment,
        ...result,
        benchmark: benchmarkOf(account, peers),
        isLatest: true,
        modelVersion: this.deps.model.version,
        computedAt: now,
      };
    });
    let alertsRaised = 0;
    for (let start = 0; start < snapshots.length; start += WRITE_CHUNK) {
      const chunk = snapshots.slice(start, start + WRITE_CHUNK);
      const alerts = await this.alertsFor(chunk, day, now);
      await this.deps.repository.writeSnapshots(chunk, day);
      await this.deps.repository.upsertAlerts(alerts, now);
      alertsRaised += alerts.length;
    }
    const summary = { day, computedAt: now, accountsScored: snapshots.length, alertsRaised, durationMs: Date.now() - started };
    this.deps.logger?.info(summary, 'health recomputed');
    return summary;
  }

  private async readSignals(now: Date): Promise<AccountSignals[]> {
    const window = usageWindow(now, this.deps.model.usageWindowDays);
    const signals: AccountSignals[] = [];
    for await (const page of readSignalPages(this.deps.graph)) {
      const usage = await this.deps.usage.summaries(
        page.map((account) => account.id),
        window,
      );
      for (const account of page) signals.push(toAccountSignals(account, usage.get(account.id), now));
    }
    return signals;
  }

  /** Compares each new snapshot with the account's newest one from an earlier day. */
  private async alertsFor(snapshots: readonly HealthSnapshotDocument[], day: string, now: Date): Promise<Array<Omit<HealthAlertDocument, 'createdAt'>>> {
    const notBefore = utcDay(new Date(now.getTime() - ALERT_LOOKBACK_DAYS * DAY_MS));
    const previous = await this.deps.repository.newestBefore(
      snapshots.map((snapshot) => snapshot.accountId),
      day,
      { notBefore },
    );
    return snapshots.flatMap((snapshot) => {
      const before = previous.get(snapshot.accountId);
      if (!before) return [];
      const change = explainChange(before, snapshot);
      const kinds = alertKindsOf(change, this.deps.model);
      if (!kinds.length) return [];
      return [{ _id: `${snapshot.accountId}|${day}`, accountId: snapshot.accountId, segment: snapshot.segment, day, kinds, change, updatedAt: now }];
    });
  }
}
