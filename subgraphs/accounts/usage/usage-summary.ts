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

/** One user's activity over a window, summed from their daily rollups. */
export interface UserUsageRow {
  accountId: string;
  userId: string;
  events: number;
  activeDays: number;
  /** Distinct event names, sorted. */
  features: string[];
  /** The latest event; the start of the last active day for rollups without `lastEventAt`. */
  lastActiveAt: Date;
}

const DAY_MS = 86_400_000;

/** Per-user activity of many accounts in one aggregation over the daily rollups. */
export async function aggregateUserUsage(
  days: HubCollection<UsageDayDocument>,
  accountIds: readonly string[],
  window: UsageWindow,
): Promise<UserUsageRow[]> {
  if (accountIds.length === 0) return [];
  const rows = await days
    .aggregate<{ _id: { accountId: string; userId: string }; events: number; activeDays: number; features: string[][]; lastEventAt: Date | null; lastDay: string }>([
      { $match: { accountId: { $in: [...accountIds] }, day: { $gte: utcDay(window.from), $lte: utcDay(window.to) } } },
      {
        $group: {
          _id: { accountId: '$accountId', userId: '$userId' },
          events: { $sum: '$events' },
          activeDays: { $sum: 1 },
          features: { $push: '$features' },
          lastEventAt: { $max: '$lastEventAt' },
          lastDay: { $max: '$day' },
        },
      },
    ])
    .toArray();
  return rows.map((row) => {
    const startOfLastDay = new Date(`${row.lastDay}T00:00:00.000Z`);
    const lastEventAt = row.lastEventAt ? new Date(row.lastEventAt) : null;
    return {
      accountId: row._id.accountId,
      userId: row._id.userId,
      events: row.events,
      activeDays: row.activeDays,
      features: [...new Set(row.features.flat())].sort(),
      lastActiveAt: lastEventAt && lastEventAt > startOfLastDay ? lastEventAt : startOfLastDay,
    };
  });
}

/** Weeks in a window, at least one, so a short window does not inflate frequency. */
export function weeksIn(window: UsageWindow): number {
  return Math.max(1, (window.to.getTime() - window.from.getTime()) / (7 * DAY_MS));
}

/** One account's summary from its users' rows (rows of other accounts are ignored). */
export function summarizeUserRows(accountId: string, rows: readonly UserUsageRow[], window: UsageWindow): AccountUsageSummary {
  let users = 0;
  let events = 0;
  let activeDays = 0;
  const features = new Set<string>();
  for (const row of rows) {
    if (row.accountId !== accountId) continue;
    users += 1;
    events += row.events;
    activeDays += row.activeDays;
    for (const feature of row.features) if (isKeyFeature(feature)) features.add(feature);
  }
  return {
    accountId,
    activeUsers: users,
    breadth: features.size / KEY_FEATURES.length,
    depth: users ? events / users : 0,
    frequency: users ? activeDays / users / weeksIn(window) : 0,
    keyFeaturesUsed: [...features].sort(),
  };
}

/**
 * Usage summaries of many accounts in one aggregation over the daily rollups. Accounts without
 * usage get an all-zero summary, never a missing entry.
 */
export async function summarizeUsage(
  days: HubCollection<UsageDayDocument>,
  accountIds: readonly string[],
  window: UsageWindow,
): Promise<Map<string, AccountUsageSummary>> {
  const rows = await aggregateUserUsage(days, accountIds, window);
  const rowsByAccount = new Map<string, UserUsageRow[]>();
  for (const row of rows) {
    const accountRows = rowsByAccount.get(row.accountId);
    if (accountRows) accountRows.push(row);
    else rowsByAccount.set(row.accountId, [row]);
  }
  return new Map(accountIds.map((accountId) => [accountId, summarizeUserRows(accountId, rowsByAccount.get(accountId) ?? [], window)]));
}
