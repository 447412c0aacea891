import type DataLoader from 'dataloader';
import type { Identity } from '../../kit/auth';
import { parseInput } from '../../kit/validation';
import { z } from 'zod';
import type { UserDocument } from '../model';
import { KEY_FEATURES } from './key-features';
import { usagePolicy } from './policy';
import type { UsageRepository } from './repository';
import { summarizeUserRows, type AccountUsageSummary, type UsageWindow, type UserUsageRow } from './usage-summary';

const DAY_MS = 86_400_000;
export const USAGE_PERIODS = ['WEEK', 'MONTH'] as const;
export type UsagePeriod = (typeof USAGE_PERIODS)[number];
const PERIOD_DAYS: Record<UsagePeriod, number> = { WEEK: 7, MONTH: 30 };
const usagePeriodArgument = z.enum(USAGE_PERIODS);

/** The whole UTC days of a period ending today: from the first midnight to just before the next. */
export function periodWindow(period: UsagePeriod, now: Date): UsageWindow {
  const startOfToday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return { from: new Date(startOfToday - (PERIOD_DAYS[period] - 1) * DAY_MS), to: new Date(startOfToday + DAY_MS - 1) };
}

export interface UserUsageView {
  user: UserDocument;
  activeDays: number;
  events: number;
  featuresUsed: string[];
  lastActiveAt: Date;
}

export interface UsageReportView extends Omit<AccountUsageSummary, 'accountId'> {
  period: UsagePeriod;
  periodStart: Date;
  periodEnd: Date;
  totalUsers: number;
  seatsLicensed: number | null;
  seatUtilization: number | null;
  keyFeaturesUnused: string[];
  users: UserUsageView[];
  inactiveUsers: UserDocument[];
}

/** Builds a report from its parts: pure, so the rules are testable without a store. */
export function buildUsageReport(input: {
  accountId: string;
  period: UsagePeriod;
  window: UsageWindow;
  rows: readonly UserUsageRow[];
  users: readonly UserDocument[];
  seatsLicensed: number | null;
}): UsageReportView {
  const { accountId, window, rows, users, seatsLicensed } = input;
  const summary = summarizeUserRows(accountId, rows, window);
  const userById = new Map(users.map((user) => [user._id, user]));
  const activeIds = new Set(rows.map((row) => row.userId));
  // Activity of a user who has since left the account still counts above, but is listed by user only while they belong to it.
  const activeUsers = rows
    .flatMap((row) => {
      const user = userById.get(row.userId);
      return user ? [{ user, activeDays: row.activeDays, events: row.events, featuresUsed: row.features, lastActiveAt: row.lastActiveAt }] : [];
    })
    .sort((a, b) => b.events - a.events || b.activeDays - a.activeDays || a.user.name.localeCompare(b.user.name));
  return {
    period: input.period,
    periodStart: window.from,
    periodEnd: window.to,
    activeUsers: summary.activeUsers,
    totalUsers: users.length,
    seatsLicensed,
    seatUtilization: seatsLicensed ? summary.activeUsers / seatsLicensed : null,
    breadth: summary.breadth,
    depth: summary.depth,
    frequency: summary.frequency,
    keyFeaturesUsed: summary.keyFeaturesUsed,
    keyFeaturesUnused: KEY_FEATURES.filter((feature) => !summary.keyFeaturesUsed.includes(feature)),
    users: activeUsers,
    inactiveUsers: users.filter((user) => !activeIds.has(user._id)),
  };
}

/**
 * Usage reports for one request. Every report is authorized here (root field or `_entities`
 * alike) and read through the request's loaders: the reports of many accounts cost one rollup
 * aggregation, one users query and one graph request for seats, however many users they have.
 */
export class UsageReports {
  private readonly loaders: ReturnType<UsageRepository['createLoaders']>;

  constructor(
    private readonly identity: Identity,
    repository: UsageRepository,
    private readonly seats: DataLoader<string, number | null>,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.loaders = repository.createLoaders();
  }

  async report(accountId: string, rawPeriod: unknown): Promise<UsageReportView> {
    usagePolicy.assertCanReadAccountUsage(this.identity, accountId);
    const period = parseInput(usagePeriodArgument, rawPeriod, 'period');
    const window = periodWindow(period, this.now());
    const [rows, users, seatsLicensed] = await Promise.all([
      this.loaders.userUsage.load({ accountId, window }),
      this.loaders.usersOfAccount.load(accountId),
      this.seats.load(accountId),
    ]);
    return buildUsageReport({ accountId, period, window, rows, users, seatsLicensed });
  }
}
