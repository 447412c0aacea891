import type { HubCollection } from '../../kit/store/types';
import { isKeyFeature, KEY_FEATURES } from './key-features';
import type { UsageDayDocument } from './model';
import { utcDay } from './model';

/** An account's product usage over a window, as health and benchmarks read it. */
export interface AccountUsageSummary {
  accountId: string;
  /** Distinct users with at least one event in the window. */
  activeUsers: number;
  /** Key features used by anyone in the account ÷ all key features (0–1). */
  breadth: number;
  /** Events per active user in the window. */
  depth: number;
  /** Active days per week, averaged over active users. */
  frequency: number;
  /** Key features used, by name. */
  keyFeaturesUsed: string[];
}

export interface UsageWindow {
  from: Date;
  to: Date;
}

const DAY_MS = 86_400_000;

/**
 * Usage summaries of many accounts in one aggregation over the daily rollups. Accounts without
 * usage get an all-zero summary, never a missing entry.
 */
export async function summarizeUsage(
  days: HubCollection<UsageDayDocument>,
  accountIds: readonly string[],
  window: UsageWindow,
): Promise<Map<string, AccountUsageSummary>> {
  const rows = await days
    .aggregate<{ _id: { accountId: string; userId: string }; events: number; activeDays: number; features: string[][] }>([
      { $match: { accountId: { $in: [...accountIds] }, day: { $gte: utcDay(window.from), $lte: utcDay(window.to) } } },
      {
        $group: {
          _id: { accountId: '$accountId', userId: '$userId' },
          events: { $sum: '$events' },
          activeDays: { $sum: 1 },
          features: { $push: '$features' },
        },
      },
    ])
    .toArray();
  const weeks = Math.max(1, (window.to.getTime() - window.from.getTime()) / (7 * DAY_MS));
  const byAccount = new Map<string, { users: number; events: number; activeDays: number; features: Set<string> }>();
  for (const row of rows) {
    const entry = byAccount.get(row._id.accountId) ?? { users: 0, events: 0, activeDays: 0, features: new Set<string>() };
    entry.users += 1;
    entry.events += row.events;
    entry.activeDays += row.activeDays;
    for (const feature of row.features.flat()) if (isKeyFeature(feature)) entry.features.add(feature);
    byAccount.set(row._id.accountId, entry);
  }
  return new Map(
    accountIds.map((accountId) => {
      const entry = byAccount.get(accountId);
      const users = entry?.users ?? 0;
      return [
        accountId,
        {
          accountId,
          activeUsers: users,
          breadth: (entry?.features.size ?? 0) / KEY_FEATURES.length,
          depth: users ? (entry?.events ?? 0) / users : 0,
          frequency: users ? (entry?.activeDays ?? 0) / users / weeks : 0,
          keyFeaturesUsed: [...(entry?.features ?? [])].sort(),
        },
      ];
    }),
  );
}
