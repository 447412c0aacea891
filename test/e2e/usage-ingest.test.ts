import { buildAccount, buildUser } from '../helpers/factories';
import { accountsRepository, seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';
import { INGEST_USAGE, trackInput, usageRepository } from '../helpers/usage';

describe('recording usage events with ingestUsageEvents', () => {
  let stack: Stack;
  const account = buildAccount();
  const other = buildAccount();
  const alice = buildUser(account, { lastSeenAt: new Date('2026-01-01T00:00:00Z') });
  const bob = buildUser(account);
  const carol = buildUser(other);

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [account, other], [alice, bob, carol]);
  });
  afterAll(() => stack.stop());

  async function ingest(events: unknown[], token?: string) {
    return stack.query<any>(INGEST_USAGE, { token: token ?? (await stack.integrationToken(['usage:write'])), variables: { events } });
  }

  it('stores new events and rolls them up per account, user and UTC day', async () => {
    const result = await ingest([
      trackInput(alice._id, { event: 'Report Created', timestamp: '2026-02-10T08:00:00Z' }),
      trackInput(alice._id, { event: 'Dashboard Shared', timestamp: '2026-02-10T17:30:00Z' }),
      trackInput(alice._id, { event: 'Report Created', timestamp: '2026-02-11T09:00:00Z' }),
    ]);
    expect(result.errors).toBeUndefined();
    expect(result.data.ingestUsageEvents).toEqual({ accepted: 3, duplicates: 0, rejected: [] });
    const days = await usageRepository(stack).days.find({ userId: alice._id }, { sort: { day: 1 } }).toArray();
    expect(days).toEqual([
      {
        _id: `${account._id}|${alice._id}|2026-02-10`,
        accountId: account._id,
        userId: alice._id,
        day: '2026-02-10',
        events: 2,
        features: ['Report Created', 'Dashboard Shared'],
        lastEventAt: new Date('2026-02-10T17:30:00Z'),
      },
      expect.objectContaining({ day: '2026-02-11', events: 1, features: ['Report Created'] }),
    ]);
  });

  it('counts the same messageId once, whether sent twice in one call or in two calls', async () => {
    const event = trackInput(bob._id, { timestamp: '2026-02-12T12:00:00Z' });
    const first = await ingest([event, { ...event }]);
    const second = await ingest([event]);
    expect(first.data.ingestUsageEvents).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    expect(second.data.ingestUsageEvents).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
    const repository = usageRepository(stack);
    expect(await repository.events.countDocuments({ messageId: event['messageId'] as string })).toBe(1);
    expect(await repository.days.findOne({ _id: `${account._id}|${bob._id}|2026-02-12` })).toMatchObject({ events: 1 });
  });

  it('puts a late event on the day it happened, not the day it arrived', async () => {
    await ingest([trackInput(bob._id, { event: 'Data Exported', timestamp: '2026-02-12T23:59:59Z' })]);
    await ingest([trackInput(bob._id, { event: 'Alert Configured', timestamp: '2026-01-03T00:00:01+09:00' })]);
    const repository = usageRepository(stack);
    expect(await repository.days.findOne({ _id: `${account._id}|${bob._id}|2026-02-12` })).toMatchObject({
      events: 2,
      features: ['Report Created', 'Data Exported'],
    });
    // 00:00:01 in Tokyo is still the previous day in UTC.
    expect(await repository.days.findOne({ _id: `${account._id}|${bob._id}|2026-01-02` })).toMatchObject({ events: 1, features: ['Alert Configured'] });
  });

  it('rejects events of unknown users or of another account one by one and keeps the rest', async () => {
    const result = await ingest([
      trackInput('usr_nobody', { timestamp: '2026-02-13T10:00:00Z' }),
      trackInput(carol._id, { timestamp: '2026-02-13T10:00:00Z' }),
      trackInput(carol._id, { accountId: account._id, timestamp: '2026-02-13T11:00:00Z' }),
    ]);
    expect(result.data.ingestUsageEvents).toEqual({
      accepted: 1,
      duplicates: 0,
      rejected: [
        { index: 0, field: 'userId', message: 'no user usr_nobody' },
        { index: 2, field: 'accountId', message: `user ${carol._id} does not belong to account ${account._id}` },
      ],
    });
    expect(await usageRepository(stack).days.findOne({ _id: `${other._id}|${carol._id}|2026-02-13` })).toMatchObject({ events: 1 });
  });

  it('moves the user\'s lastSeenAt forward, never back, and records identify calls without counting them as usage', async () => {
    const result = await ingest([
      { messageId: 'identify-alice-1', type: 'IDENTIFY', userId: alice._id, timestamp: '2026-03-01T06:00:00Z', traits: { name: 'Alice A.', plan: 'pro' } },
      trackInput(alice._id, { timestamp: '2025-12-01T00:00:00Z' }),
    ]);
    expect(result.data.ingestUsageEvents.accepted).toBe(2);
    const stored = await accountsRepository(stack).findUserById(alice._id);
    expect(stored?.lastSeenAt).toEqual(new Date('2026-03-01T06:00:00Z'));
    expect(stored?.name).toBe(alice.name);
    const repository = usageRepository(stack);
    expect(await repository.events.findOne({ messageId: 'identify-alice-1' })).toMatchObject({ type: 'IDENTIFY', event: null, traits: { name: 'Alice A.', plan: 'pro' } });
    expect(await repository.days.findOne({ _id: `${account._id}|${alice._id}|2026-03-01` })).toBeNull();
  });

  describe('who may record usage', () => {
    it('lets staff record usage', async () => {
      const result = await ingest([trackInput(bob._id)], await stack.staffToken());
      expect(result.data.ingestUsageEvents.accepted).toBe(1);
    });

    it.each([
      ['an integration without usage:write', () => stack.integrationToken(['accounts:write', 'accounts:read'])],
      ['a customer of the account', () => stack.customerToken(account._id, alice._id)],
    ])('refuses %s', async (_who, token) => {
      const before = await usageRepository(stack).events.countDocuments();
      const result = await ingest([trackInput(alice._id)], await token());
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect(await usageRepository(stack).events.countDocuments()).toBe(before);
    });

    it('refuses calls without a token through the gateway and straight at the accounts subgraph', async () => {
      for (const url of [stack.gatewayUrl, stack.subgraphUrls['accounts']]) {
        const result = await stack.query<any>(INGEST_USAGE, { token: null, variables: { events: [trackInput(alice._id)] }, url });
        expect(result.status).toBe(401);
        expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      }
    });

    it('refuses a customer straight at the accounts subgraph', async () => {
      const result = await stack.query<any>(INGEST_USAGE, {
        token: await stack.customerToken(account._id, alice._id),
        variables: { events: [trackInput(alice._id)] },
        url: stack.subgraphUrls['accounts'],
      });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    });
  });
});
