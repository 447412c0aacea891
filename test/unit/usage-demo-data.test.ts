import { KEY_FEATURES } from '../../subgraphs/accounts/usage/key-features';
import { loadUsageDemoData } from '../../subgraphs/accounts/usage/demo';
import { summarizeUsage } from '../../subgraphs/accounts/usage/usage-summary';
import { UsageRepository } from '../../subgraphs/accounts/usage/repository';
import { AccountsRepository } from '../../subgraphs/accounts/repository';
import { loadConfig } from '../../subgraphs/kit/config';
import { openStore } from '../../subgraphs/kit/store/open-store';
import { subgraphDatabase } from '../../subgraphs/kit/subgraph-service';
import { profileAccounts, type DemoScale, type DomainContext } from '../../scripts/demo-data/context';
import { generateDemoData } from '../../scripts/demo-data/generate';
import { generateUsageDemoData } from '../../scripts/demo-data/usage';

const NOW = new Date('2026-06-01T09:00:00.000Z');
const DAY_MS = 86_400_000;

function contextFor(options: { seed?: number; scale?: DemoScale } = {}): DomainContext {
  const { seed = 42, scale = 'demo' } = options;
  const base = generateDemoData({ seed, now: NOW, ...(scale === 'bench' ? { accounts: 2_000, teamScale: 1.7 } : {}) });
  return { seed, now: NOW, scale, ...base, profiles: profileAccounts(base.accounts, base.users, NOW) };
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

describe('generateUsageDemoData', () => {
  const context = contextFor();
  const { usageDays } = generateUsageDemoData(context);
  const users = new Map(context.users.map((user) => [user._id, user]));

  it('gives deep-equal output for the same seed and now, and different output for another seed', () => {
    expect(generateUsageDemoData(contextFor())).toEqual(generateUsageDemoData(context));
    expect(generateUsageDemoData(contextFor({ seed: 7 })).usageDays).not.toEqual(usageDays);
  });

  it('uses the users of the context, with ids made of account, user and day', () => {
    expect(usageDays.length).toBeGreaterThan(2_000);
    expect(new Set(usageDays.map((day) => day._id)).size).toBe(usageDays.length);
    const inconsistent = usageDays.filter(
      (day) =>
        users.get(day.userId)?.accountId !== day.accountId ||
        day._id !== `${day.accountId}|${day.userId}|${day.day}` ||
        day.events < 1 ||
        day.features.length < 1 ||
        day.lastEventAt?.toISOString().slice(0, 10) !== day.day,
    );
    expect(inconsistent).toEqual([]);
  });

  it('keeps 60 days of history and never goes past each user\'s lastSeenAt', () => {
    const oldest = usageDays.reduce((min, day) => (day.day < min ? day.day : min), '9999');
    expect(oldest).toBe(new Date(NOW.getTime() - 59 * DAY_MS).toISOString().slice(0, 10));
    const afterLastSeen = usageDays.filter((day) => {
      const lastSeenAt = users.get(day.userId)?.lastSeenAt;
      return !lastSeenAt || !day.lastEventAt || day.lastEventAt > lastSeenAt || day.lastEventAt > NOW;
    });
    expect(afterLastSeen).toEqual([]);
  });

  it('gives dormant users no usage in the last 45 days and recently seen users usage on the day they were seen', () => {
    const recentFrom = new Date(NOW.getTime() - 45 * DAY_MS).toISOString().slice(0, 10);
    const dayIds = new Set(usageDays.map((day) => day._id));
    for (const user of context.users) {
      if (!user.lastSeenAt || user.lastSeenAt.getTime() < NOW.getTime() - 45 * DAY_MS) {
        expect(usageDays.some((day) => day.userId === user._id && day.day >= recentFrom)).toBe(false);
      } else {
        expect(dayIds.has(`${user.accountId}|${user._id}|${user.lastSeenAt.toISOString().slice(0, 10)}`)).toBe(true);
      }
    }
  });

  it('gives at-risk accounts lower breadth and frequency than the others', async () => {
    const store = await openStore({ mongodbUri: undefined });
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', HUB_JWT_SECRET: 'usage-demo-data-test-secret-000000001', MONGODB_DB_PREFIX: 'usage_demo_' });
    try {
      expect(await loadUsageDemoData({ store, config }, { usageDays })).toBe(true);
      expect(await loadUsageDemoData({ store, config }, { usageDays })).toBe(false);
      const database = subgraphDatabase({ store, config }, 'accounts');
      const repository = new UsageRepository(database, new AccountsRepository(database));
      expect(await repository.countDays()).toBe(usageDays.length);
      const customers = context.profiles.filter((profile) => profile.account.customerSince);
      const summaries = await summarizeUsage(repository.days, customers.map((profile) => profile.account._id), { from: new Date(NOW.getTime() - 29 * DAY_MS), to: NOW });
      const atRisk = customers.filter((profile) => profile.isAtRisk).map((profile) => summaries.get(profile.account._id)!);
      const healthy = customers.filter((profile) => !profile.isAtRisk).map((profile) => summaries.get(profile.account._id)!);
      expect(atRisk.length).toBeGreaterThanOrEqual(3);
      expect(Math.max(...atRisk.map((summary) => summary.breadth))).toBeLessThanOrEqual(3 / KEY_FEATURES.length);
      expect(mean(healthy.map((summary) => summary.breadth))).toBeGreaterThan(0.5);
      expect(mean(atRisk.map((summary) => summary.frequency))).toBeLessThan(mean(healthy.map((summary) => summary.frequency)) / 2);
    } finally {
      await store.close();
    }
  });

  it('keeps 30 days at bench scale, fewer rollups than users × days', () => {
    const bench = contextFor({ scale: 'bench' });
    const data = generateUsageDemoData(bench);
    expect(bench.users.length).toBeGreaterThan(45_000);
    expect(data.usageDays.length).toBeLessThan(bench.users.length * 30);
    expect(new Set(data.usageDays.map((day) => day.day)).size).toBe(30);
  });
});
