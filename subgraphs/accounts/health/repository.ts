import DataLoader from 'dataloader';
import type { AnyBulkWriteOperation, Filter } from 'mongodb';
import type { KeysetSort, PageArgs } from '../../kit/pagination';
import { paginate } from '../../kit/pagination';
import type { HubCollection, HubDatabase } from '../../kit/store/types';
import type { Segment } from '../model';
import type { HealthAlertDocument, HealthSnapshotDocument } from './documents';
import type { HealthBand } from './scoring';

/** Worst first; `_id` keeps pages stable among equal scores. */
export const HEALTH_ORDER: KeysetSort = [
  ['score', 1],
  ['_id', 1],
];
export const ALERT_ORDER: KeysetSort = [
  ['createdAt', -1],
  ['_id', -1],
];

export interface HealthListFilter {
  band?: HealthBand | undefined;
  segment?: Segment | undefined;
}

export interface HistoryPoint {
  day: string;
  score: number;
  band: HealthBand;
}

/** The only code that touches the health collections. */
export class HealthRepository {
  readonly snapshots: HubCollection<HealthSnapshotDocument>;
  readonly alerts: HubCollection<HealthAlertDocument>;

  constructor(db: HubDatabase) {
    this.snapshots = db.collection<HealthSnapshotDocument>('healthSnapshots');
    this.alerts = db.collection<HealthAlertDocument>('healthAlerts');
  }

  async ensureIndexes(): Promise<void> {
    await Promise.all([
      this.snapshots.createIndex({ accountId: 1, day: -1 }),
      this.snapshots.createIndex({ isLatest: 1, accountId: 1 }),
      this.snapshots.createIndex({ isLatest: 1, score: 1, _id: 1 }),
      this.snapshots.createIndex({ isLatest: 1, band: 1, score: 1, _id: 1 }),
      this.snapshots.createIndex({ isLatest: 1, segment: 1, band: 1, score: 1, _id: 1 }),
      this.alerts.createIndex({ createdAt: -1, _id: -1 }),
    ]);
  }

  /** Per-request loaders: create them in the request context, never share them between requests. */
  createLoaders() {
    return {
      latestByAccount: new DataLoader<string, HealthSnapshotDocument | null>(async (accountIds) => {
        const found = await this.snapshots.find({ accountId: { $in: [...accountIds] }, isLatest: true }).toArray();
        const byAccount = new Map(found.map((snapshot) => [snapshot.accountId, snapshot]));
        return accountIds.map((accountId) => byAccount.get(accountId) ?? null);
      }),
      historyByAccount: new DataLoader<{ accountId: string; fromDay: string }, HistoryPoint[], string>(
        async (keys) => {
          const fromDay = keys.reduce((earliest, key) => (key.fromDay < earliest ? key.fromDay : earliest), keys[0]!.fromDay);
          const found = await this.snapshots
            .find({ accountId: { $in: keys.map((key) => key.accountId) }, day: { $gte: fromDay } }, { sort: { day: 1 }, projection: { accountId: 1, day: 1, score: 1, band: 1 } })
            .toArray();
          return keys.map((key) =>
            found.filter((point) => point.accountId === key.accountId && point.day >= key.fromDay).map(({ day, score, band }) => ({ day, score, band })),
          );
        },
        { cacheKeyFn: (key) => `${key.accountId}|${key.fromDay}` },
      ),
      atOrBeforeDay: new DataLoader<{ accountId: string; day: string }, HealthSnapshotDocument | null, string>(
        async (keys) => {
          const found = await Promise.all(
            groupByDay(keys).map(async ([day, accountIds]) => ({ day, snapshots: await this.newestBefore(accountIds, day, { inclusive: true }) })),
          );
          const byKey = new Map(found.flatMap(({ day, snapshots }) => [...snapshots].map(([accountId, snapshot]) => [`${accountId}|${day}`, snapshot] as const)));
          return keys.map((key) => byKey.get(`${key.accountId}|${key.day}`) ?? null);
        },
        { cacheKeyFn: (key) => `${key.accountId}|${key.day}` },
      ),
    };
  }

  /** Each account's newest snapshot from before `day` (or on it, when inclusive), in one aggregation. */
  async newestBefore(
    accountIds: readonly string[],
    day: string,
    options: { inclusive?: boolean; notBefore?: string } = {},
  ): Promise<Map<string, HealthSnapshotDocument>> {
    const days = { [options.inclusive ? '$lte' : '$lt']: day, ...(options.notBefore ? { $gte: options.notBefore } : {}) };
    const rows = await this.snapshots
      .aggregate<{ _id: string; snapshot: HealthSnapshotDocument }>([
        { $match: { accountId: { $in: [...accountIds] }, day: days } },
        { $sort: { day: -1 } },
        { $group: { _id: '$accountId', snapshot: { $first: '$$ROOT' } } },
      ])
      .toArray();
    return new Map(rows.map((row) => [row._id, row.snapshot]));
  }

  listLatest(filter: HealthListFilter, page: PageArgs) {
    const query: Filter<HealthSnapshotDocument> = { isLatest: true };
    if (filter.band) query.band = filter.band;
    if (filter.segment) query.segment = filter.segment;
    return paginate(this.snapshots, { filter: query, sort: HEALTH_ORDER, page });
  }

  /** Latest snapshots counted per band and per 10-point score bucket. */
  async distribution(segment: Segment | undefined): Promise<Array<{ band: HealthBand; bucket: number; count: number }>> {
    const rows = await this.snapshots
      .aggregate<{ _id: { band: HealthBand; bucket: number }; count: number }>([
        { $match: segment ? { isLatest: true, segment } : { isLatest: true } },
        { $group: { _id: { band: '$band', bucket: { $min: [9, { $floor: { $divide: ['$score', 10] } }] } }, count: { $sum: 1 } } },
      ])
      .toArray();
    return rows.map((row) => ({ band: row._id.band, bucket: row._id.bucket, count: row.count }));
  }

  /**
   * Stores the day's snapshots (replacing any from an earlier recompute that day), then marks the
   * older ones of the same accounts as no longer latest.
   */
  async writeSnapshots(snapshots: readonly HealthSnapshotDocument[], day: string): Promise<void> {
    if (!snapshots.length) return;
    await this.snapshots.bulkWrite(
      snapshots.map((snapshot) => ({ replaceOne: { filter: { _id: snapshot._id }, replacement: snapshot, upsert: true } })),
      { ordered: false },
    );
    await this.snapshots.updateMany(
      { accountId: { $in: snapshots.map((snapshot) => snapshot.accountId) }, isLatest: true, day: { $ne: day } },
      { $set: { isLatest: false } },
    );
  }

  /** Creates the day's alerts, or updates them when a later recompute that day finds the drop again. */
  async upsertAlerts(alerts: ReadonlyArray<Omit<HealthAlertDocument, 'createdAt'>>, now: Date): Promise<void> {
    if (!alerts.length) return;
    const operations: Array<AnyBulkWriteOperation<HealthAlertDocument>> = alerts.map(({ _id, ...fields }) => ({
      updateOne: { filter: { _id }, update: { $set: fields, $setOnInsert: { createdAt: now } }, upsert: true },
    }));
    await this.alerts.bulkWrite(operations, { ordered: false });
  }

  countSnapshots(): Promise<number> {
    return this.snapshots.countDocuments({});
  }

  /** Stores past snapshots as they are; they must not be the latest (see `loadHealthHistoryDemoData`). */
  async insertSnapshots(snapshots: readonly HealthSnapshotDocument[]): Promise<void> {
    if (snapshots.length) await this.snapshots.insertMany([...snapshots]);
  }

  listAlerts(page: PageArgs) {
    return paginate(this.alerts, { filter: {}, sort: ALERT_ORDER, page });
  }
}

function groupByDay(keys: ReadonlyArray<{ accountId: string; day: string }>): Array<[string, string[]]> {
  const groups = new Map<string, string[]>();
  for (const key of keys) groups.set(key.day, [...(groups.get(key.day) ?? []), key.accountId]);
  return [...groups];
}
