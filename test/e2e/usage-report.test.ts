import { buildContract, seatLicence, seedContracts } from '../helpers/contracts';
import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';
import { dayBefore, USAGE_REPORT, usageDay, usageRepository } from '../helpers/usage';

describe('Account.usageReport', () => {
  let stack: Stack;
  const account = buildAccount({ name: 'Reported Co' });
  const other = buildAccount();
  const [ann, ben, cid, dot] = ['Ann', 'Ben', 'Cid', 'Dot'].map((name) => buildUser(account, { name }));
  const stranger = buildUser(other);

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [account, other], [ann!, ben!, cid!, dot!, stranger]);
    await seedContracts(stack, [buildContract(account._id, { lineItems: [seatLicence({ seats: 8 })] })]);
    await usageRepository(stack).replaceDays([
      usageDay(account._id, ann!._id, dayBefore(0), { events: 10, features: ['Report Created', 'Dashboard Shared'], lastEventAt: new Date() }),
      usageDay(account._id, ann!._id, dayBefore(3), { events: 4, features: ['Data Exported', 'Page Viewed'] }),
      usageDay(account._id, ben!._id, dayBefore(6), { events: 2, features: ['Report Created'] }),
      // Outside the week, inside the month.
      usageDay(account._id, cid!._id, dayBefore(7), { events: 5, features: ['API Key Created'] }),
      usageDay(account._id, cid!._id, dayBefore(29), { events: 1, features: ['Alert Configured'] }),
      // Outside both periods.
      usageDay(account._id, dot!._id, dayBefore(30), { events: 9, features: ['User Invited'] }),
      usageDay(other._id, stranger._id, dayBefore(1), { events: 50, features: ['Report Created'] }),
    ]);
  });
  afterAll(() => stack.stop());

  async function report(period: 'WEEK' | 'MONTH', token?: string, url?: string) {
    return stack.query<any>(USAGE_REPORT, { token: token ?? (await stack.staffToken()), variables: { id: account._id, period }, ...(url ? { url } : {}) });
  }

  it('reports the last 7 UTC days: active users with their activity, inactive users, breadth, depth, frequency and seats', async () => {
    const result = await report('WEEK');
    expect(result.errors).toBeUndefined();
    const week = result.data.account.usageReport;
    expect(week).toMatchObject({
      period: 'WEEK',
      periodStart: `${dayBefore(6)}T00:00:00.000Z`,
      periodEnd: `${dayBefore(0)}T23:59:59.999Z`,
      activeUsers: 2,
      totalUsers: 4,
      seatsLicensed: 8,
      seatUtilization: 0.25,
      breadth: 3 / 8,
      depth: 8,
      frequency: 1.5,
      keyFeaturesUsed: ['Dashboard Shared', 'Data Exported', 'Report Created'],
    });
    expect(week.keyFeaturesUnused).toHaveLength(5);
    expect(week.users).toEqual([
      {
        user: { id: ann!._id, name: 'Ann' },
        activeDays: 2,
        events: 14,
        featuresUsed: ['Dashboard Shared', 'Data Exported', 'Page Viewed', 'Report Created'],
        lastActiveAt: expect.stringMatching(new RegExp(`^${dayBefore(0)}`)),
      },
      { user: { id: ben!._id, name: 'Ben' }, activeDays: 1, events: 2, featuresUsed: ['Report Created'], lastActiveAt: `${dayBefore(6)}T10:00:00.000Z` },
    ]);
    expect(week.inactiveUsers).toEqual([{ id: cid!._id, name: 'Cid' }, { id: dot!._id, name: 'Dot' }]);
  });

  it('reports the last 30 UTC days for MONTH', async () => {
    const month = (await report('MONTH')).data.account.usageReport;
    expect(month).toMatchObject({ activeUsers: 3, seatUtilization: 3 / 8, periodStart: `${dayBefore(29)}T00:00:00.000Z` });
    expect(month.users.map((entry: any) => entry.user.name)).toEqual(['Ann', 'Cid', 'Ben']);
    expect(month.inactiveUsers).toEqual([{ id: dot!._id, name: 'Dot' }]);
    // Ann 2 days, Cid 2, Ben 1: 5 active days over 3 users and 30/7 weeks.
    expect(month.frequency).toBeCloseTo(5 / 3 / (30 / 7), 6);
  });

  it('leaves seats and utilization null for an account without a contract', async () => {
    const result = await stack.query<any>(USAGE_REPORT, { token: await stack.staffToken(), variables: { id: other._id, period: 'WEEK' } });
    expect(result.data.account.usageReport).toMatchObject({ activeUsers: 1, seatsLicensed: null, seatUtilization: null, depth: 50 });
  });

  describe('who may read a usage report', () => {
    const entities = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Account { usageReport(period: WEEK) { activeUsers } } } }`;

    it('shows it to staff, integrations with accounts:read and the account\'s own customers', async () => {
      for (const token of [await stack.staffToken(), await stack.integrationToken(['accounts:read']), await stack.customerToken(account._id, ann!._id)]) {
        const result = await report('WEEK', token);
        expect(result.errors).toBeUndefined();
        expect(result.data.account.usageReport.activeUsers).toBe(2);
      }
    });

    it('refuses a customer of another account, through the gateway and straight at the accounts subgraph', async () => {
      const token = await stack.customerToken(other._id, stranger._id);
      for (const url of [stack.gatewayUrl, stack.subgraphUrls['accounts']!]) {
        const result = await report('WEEK', token, url);
        expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
        expect(JSON.stringify(result.data ?? null)).not.toContain(ann!._id);
      }
    });

    it('refuses an integration holding only usage:write', async () => {
      const result = await report('WEEK', await stack.integrationToken(['usage:write']));
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    });

    it('authorizes _entities lookups exactly like the root field', async () => {
      const url = stack.subgraphUrls['accounts']!;
      const variables = { representations: [{ __typename: 'Account', id: account._id }] };
      const own = await stack.query<any>(entities, { token: await stack.customerToken(account._id, ann!._id), variables, url });
      expect(own.data._entities).toEqual([{ usageReport: { activeUsers: 2 } }]);
      const foreign = await stack.query<any>(entities, { token: await stack.customerToken(other._id, stranger._id), variables, url });
      expect(foreign.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect(foreign.data?._entities?.[0] ?? null).toBeNull();
    });

    it('refuses calls without a token through the gateway and straight at the accounts subgraph', async () => {
      for (const url of [stack.gatewayUrl, stack.subgraphUrls['accounts']!]) {
        const result = await stack.query<any>(USAGE_REPORT, { token: null, variables: { id: account._id, period: 'WEEK' }, url });
        expect(result.status).toBe(401);
        expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      }
    });

    it('refuses an unknown period with BAD_USER_INPUT', async () => {
      const result = await stack.query<any>(USAGE_REPORT, { token: await stack.staffToken(), variables: { id: account._id, period: 'YEAR' } });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    });
  });
});
