import type { Segment } from '../model';
import type { BenchmarkMetric, HealthComponentKey, HealthGroup } from './components';
import type { HealthBand, HealthComponentResult } from './scoring';

/** Where an account's usage stands among its segment's peers, for one metric. */
export interface BenchmarkEntry {
  metric: BenchmarkMetric;
  /** The account's own value; null when it has none (no licensed seats). */
  value: number | null;
  /** Share of peers below it (ties count half), 0–100; null without a value. */
  percentile: number | null;
  peerMedian: number | null;
  /** Accounts of the segment with a value for this metric, the account included. */
  peerCount: number;
}

/** One account's health on one UTC day; a recompute on the same day replaces it. */
export interface HealthSnapshotDocument {
  /** `accountId|YYYY-MM-DD`. */
  _id: string;
  accountId: string;
  /** The UTC day, `YYYY-MM-DD`. */
  day: string;
  segment: Segment;
  score: number;
  band: HealthBand;
  components: HealthComponentResult[];
  benchmark: BenchmarkEntry[];
  /** True on the newest snapshot of each account only: lists and `Account.health` read these. */
  isLatest: boolean;
  modelVersion: string;
  computedAt: Date;
}

/** How one component's contribution moved between two snapshots. */
export interface ComponentChange {
  key: HealthComponentKey;
  group: HealthGroup;
  contributionThen: number;
  contributionNow: number;
  /** contributionNow − contributionThen. */
  delta: number;
  scoreThen: number | null;
  scoreNow: number | null;
  reasonThen: string;
  reasonNow: string;
}

/** Two snapshots of one account compared: what moved and why. */
export interface HealthChangeRecord {
  accountId: string;
  dayThen: string;
  dayNow: string;
  computedThen: Date;
  computedNow: Date;
  scoreThen: number;
  scoreNow: number;
  delta: number;
  bandThen: HealthBand;
  bandNow: HealthBand;
  /** Every component, ordered by how far its contribution moved (largest first). */
  components: ComponentChange[];
}

export const HEALTH_ALERT_KINDS = ['BAND_DROP', 'SCORE_DROP'] as const;
export type HealthAlertKind = (typeof HEALTH_ALERT_KINDS)[number];

/** A drop found by a recompute; one per account and UTC day, updated by later recomputes that day. */
export interface HealthAlertDocument {
  /** `accountId|YYYY-MM-DD`. */
  _id: string;
  accountId: string;
  segment: Segment;
  day: string;
  kinds: HealthAlertKind[];
  change: HealthChangeRecord;
  createdAt: Date;
  updatedAt: Date;
}
