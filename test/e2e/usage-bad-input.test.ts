import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';
import { INGEST_USAGE, trackInput, usageRepository } from '../helpers/usage';

describe('bad input to ingestUsageEvents', () => {
  let stack: Stack;
  const account = buildAccount();
  const user = buildUser(account);

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [account], [user]);
  });
  afterAll(() => stack.stop());

  async function counts() {
    const repository = usageRepository(stack);
    return { events: await repository.events.countDocuments(), days: await repository.days.countDocuments() };
  }

  async function ingestWithSecond(overrides: Record<string, unknown>) {
    return stack.query<any>(INGEST_USAGE, {
      token: await stack.staffToken(),
      variables: { events: [trackInput(user._id), trackInput(user._id, overrides)] },
    });
  }

  // The graph's own types catch these before any resolver runs; the message names the field.
  it.each([
    ['a wrong type', { event: 42 }, 'events[1].event'],
    ['an unknown field', { colour: 'red' }, 'colour'],
    ['an operator object as userId', { userId: { $ne: '' } }, 'events[1].userId'],
    ['an unknown event type', { type: 'PAGE' }, 'events[1].type'],
  ])('rejects %s with BAD_USER_INPUT naming the field and stores nothing of the call', async (_case, overrides, field) => {
    const before = await counts();
    const result = await ingestWithSecond(overrides);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['a user id that is not an id', { userId: 'usr x; drop' }, 'events.1.userId'],
    ['a too-long event name', { event: 'x'.repeat(201) }, 'events.1.event'],
    ['a too-long messageId', { messageId: 'm'.repeat(201) }, 'events.1.messageId'],
    ['a TRACK event without a name', { event: null }, 'events.1.event'],
    ['a timestamp that is not a date-time', { timestamp: 'yesterday' }, 'events[1].timestamp'],
    ['a timestamp next week', { timestamp: new Date(Date.now() + 7 * 86_400_000).toISOString() }, 'events.1.timestamp'],
    ['properties that are a list', { properties: [1, 2] }, 'events.1.properties'],
    ['properties with an operator key', { properties: { nested: { $set: { admin: true } } } }, 'events.1.properties'],
    ['properties over 32 KB', { properties: { blob: 'x'.repeat(33_000) } }, 'events.1.properties'],
  ])('rejects %s with BAD_USER_INPUT naming the field, checked in the subgraph, and stores nothing of the call', async (_case, overrides, field) => {
    const before = await counts();
    const result = await ingestWithSecond(overrides);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await counts()).toEqual(before);
  });

  it('rejects an empty list and more than 1,000 events, naming events', async () => {
    const token = await stack.staffToken();
    const before = await counts();
    for (const events of [[], Array.from({ length: 1_001 }, () => trackInput(user._id))]) {
      const result = await stack.query<any>(INGEST_USAGE, { token, variables: { events } });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'events' });
    }
    expect(await counts()).toEqual(before);
  });
});
