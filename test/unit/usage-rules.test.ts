import type { UserDocument } from '../../subgraphs/accounts/model';
import { dayIncrements } from '../../subgraphs/accounts/usage/ingest';
import { usageEventInput } from '../../subgraphs/accounts/usage/inputs';
import type { UsageEventDocument } from '../../subgraphs/accounts/usage/model';
import { buildUsageReport, periodWindow } from '../../subgraphs/accounts/usage/report';
import { summarizeUserRows, type UserUsageRow } from '../../subgraphs/accounts/usage/usage-summary';
import { buildAccount, buildUser } from '../helpers/factories';

function trackEvent(overrides: Partial<UsageEventDocument> = {}): UsageEventDocument {
  return {
    _id: 'uev_1',
    messageId: 'm1',
    type: 'TRACK',
    accountId: 'acc_1',
    userId: 'usr_1',
    event: 'Report Created',
    timestamp: new Date('2026-03-10T10:00:00Z'),
    properties: {},
    traits: null,
    receivedAt: new Date('2026-03-12T00:00:00Z'),
    ...overrides,
  };
}

function row(overrides: Partial<UserUsageRow> = {}): UserUsageRow {
  return { accountId: 'acc_1', userId: 'usr_1', events: 10, activeDays: 2, features: ['Report Created'], lastActiveAt: new Date('2026-03-10T10:00:00Z'), ...overrides };
}

describe('usage rules', () => {
  it('sees a period as whole UTC days ending today', () => {
    const now = new Date('2026-03-10T23:30:00-05:00');
    expect(periodWindow('WEEK', now)).toEqual({ from: new Date('2026-03-05T00:00:00.000Z'), to: new Date('2026-03-11T23:59:59.999Z') });
    expect(periodWindow('MONTH', now).from).toEqual(new Date('2026-02-10T00:00:00.000Z'));
  });

  it('groups new track events into one increment per user and UTC day, ignoring identify calls', () => {
    const increments = dayIncrements([
      trackEvent({ timestamp: new Date('2026-03-10T01:00:00Z') }),
      trackEvent({ event: 'Data Exported', timestamp: new Date('2026-03-10T22:00:00Z') }),
      trackEvent({ timestamp: new Date('2026-03-10T05:00:00Z') }),
      trackEvent({ timestamp: new Date('2026-03-09T23:59:59Z') }),
      trackEvent({ type: 'IDENTIFY', event: null, timestamp: new Date('2026-03-10T23:00:00Z') }),
    ]);
    expect(increments).toEqual([
      { accountId: 'acc_1', userId: 'usr_1', day: '2026-03-10', events: 3, features: ['Report Created', 'Data Exported'], lastEventAt: new Date('2026-03-10T22:00:00Z') },
      { accountId: 'acc_1', userId: 'usr_1', day: '2026-03-09', events: 1, features: ['Report Created'], lastEventAt: new Date('2026-03-09T23:59:59Z') },
    ]);
  });

  it('measures breadth on key features only, depth per active user and frequency per week', () => {
    const window = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-14T23:59:59.999Z') };
    const summary = summarizeUserRows('acc_1', [row({ features: ['Report Created', 'Page Viewed'] }), row({ userId: 'usr_2', events: 4, activeDays: 6, features: ['Data Exported'] }), row({ accountId: 'acc_2' })], window);
    expect(summary).toEqual({ accountId: 'acc_1', activeUsers: 2, breadth: 2 / 8, depth: 7, frequency: expect.closeTo(4 / 2, 3), keyFeaturesUsed: ['Data Exported', 'Report Created'] });
    expect(summarizeUserRows('acc_3', [], window)).toMatchObject({ activeUsers: 0, breadth: 0, depth: 0, frequency: 0 });
  });

  it('builds a report with seat utilization, active users by activity and the inactive users', () => {
    const account = buildAccount();
    const [ann, ben, cid] = ['Ann', 'Ben', 'Cid'].map((name) => buildUser(account, { name })) as [UserDocument, UserDocument, UserDocument];
    const window = periodWindow('WEEK', new Date('2026-03-10T12:00:00Z'));
    const report = buildUsageReport({
      accountId: account._id,
      period: 'WEEK',
      window,
      rows: [row({ accountId: account._id, userId: ben._id, events: 3 }), row({ accountId: account._id, userId: ann._id, events: 9 }), row({ accountId: account._id, userId: 'usr_gone', events: 1 })],
      users: [ann, ben, cid],
      seatsLicensed: 4,
    });
    expect(report.activeUsers).toBe(3);
    expect(report.seatUtilization).toBe(0.75);
    expect(report.users.map((entry) => entry.user.name)).toEqual(['Ann', 'Ben']);
    expect(report.inactiveUsers.map((user) => user.name)).toEqual(['Cid']);
    expect(report.keyFeaturesUnused).not.toContain('Report Created');
    expect(buildUsageReport({ accountId: account._id, period: 'WEEK', window, rows: [], users: [], seatsLicensed: 0 }).seatUtilization).toBeNull();
  });

  it('validates an event: TRACK needs a name, keys of properties may not start with $', () => {
    const base = { messageId: 'm', userId: 'usr_1', timestamp: new Date('2026-03-10T10:00:00Z') };
    expect(usageEventInput.safeParse({ ...base, event: 'Report Created' }).success).toBe(true);
    expect(usageEventInput.safeParse({ ...base, type: 'IDENTIFY', traits: { name: 'A' } }).success).toBe(true);
    expect(usageEventInput.safeParse(base).error?.issues[0]?.path).toEqual(['event']);
    expect(usageEventInput.safeParse({ ...base, event: 'x', properties: { list: [{ $gt: 1 }] } }).error?.issues[0]?.path).toEqual(['properties']);
  });
});
