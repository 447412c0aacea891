import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';
import { INGEST_USAGE, postSegment, segmentTrack, usageRepository } from '../helpers/usage';

describe('Segment-compatible ingest on the gateway (/v1/track, /v1/identify, /v1/batch)', () => {
  let stack: Stack;
  let writeKey: string;
  const account = buildAccount();
  const user = buildUser(account);
  const colleague = buildUser(account);

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [account], [user, colleague]);
    writeKey = await stack.integrationToken(['usage:write']);
  });
  afterAll(() => stack.stop());

  const storedEvents = () => usageRepository(stack).events.countDocuments();

  it('records a track call sent with a bearer token', async () => {
    const call = segmentTrack(user._id, { event: 'Integration Connected', timestamp: '2026-02-20T10:00:00Z' });
    const response = await postSegment(stack, '/v1/track', call, { token: writeKey });
    expect(response).toEqual({ status: 200, body: { success: true, accepted: 1, duplicates: 0, rejected: [] } });
    expect(await usageRepository(stack).days.findOne({ _id: `${account._id}|${user._id}|2026-02-20` })).toMatchObject({
      events: 1,
      features: ['Integration Connected'],
    });
    expect(await usageRepository(stack).events.findOne({ messageId: call['messageId'] as string })).toMatchObject({ properties: { plan: 'pro' } });
  });

  it('accepts the token as HTTP Basic user name with an empty password, like a Segment write key', async () => {
    const response = await postSegment(stack, '/v1/track', segmentTrack(user._id), { basic: writeKey });
    expect(response.status).toBe(200);
    expect(response.body.accepted).toBe(1);
  });

  it('records an identify call', async () => {
    const response = await postSegment(
      stack,
      '/v1/identify',
      { userId: colleague._id, traits: { email: 'someone@example.com', name: 'Some One' }, messageId: 'identify-1', timestamp: '2026-02-21T10:00:00Z' },
      { token: writeKey },
    );
    expect(response).toEqual({ status: 200, body: { success: true, accepted: 1, duplicates: 0, rejected: [] } });
    expect(await usageRepository(stack).events.findOne({ messageId: 'identify-1' })).toMatchObject({ type: 'IDENTIFY', traits: { name: 'Some One' } });
  });

  it.each([
    ['no token', {}],
    ['a forged token', { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' }],
    ['a Basic password besides the key', { basic: 'key:password' }],
  ])('answers 401 with a JSON body for %s', async (_case, auth) => {
    const before = await storedEvents();
    const response = await postSegment(stack, '/v1/track', segmentTrack(user._id), auth);
    expect(response.status).toBe(401);
    expect(response.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await storedEvents()).toBe(before);
  });

  it.each([
    ['an integration without usage:write', () => stack.integrationToken(['accounts:write'])],
    ['a customer', () => stack.customerToken(account._id, user._id)],
    ['staff (ingest is for integrations)', () => stack.staffToken()],
  ])('answers 403 with a JSON body for %s', async (_case, token) => {
    const response = await postSegment(stack, '/v1/batch', { batch: [segmentTrack(user._id)] }, { token: await token() });
    expect(response.status).toBe(403);
    expect(response.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it.each([
    ['a missing userId', { event: 'Report Created' }, 'userId'],
    ['an event name that is not a string', { userId: 'usr_x', event: 42 }, 'event'],
    ['an operator object as userId', { userId: { $ne: '' }, event: 'Report Created' }, 'userId'],
    ['a timestamp that is not a date', { userId: 'usr_x', event: 'Report Created', timestamp: 'yesterday' }, 'timestamp'],
    ['properties that are not an object', { userId: 'usr_x', event: 'Report Created', properties: [1, 2] }, 'properties'],
  ])('answers 400 naming the field for %s, storing nothing', async (_case, body, field) => {
    const before = await storedEvents();
    const response = await postSegment(stack, '/v1/track', body, { token: writeKey });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await storedEvents()).toBe(before);
  });

  it('answers 400 for a body that is not JSON and for a track call of an unknown user', async () => {
    const notJson = await postSegment(stack, '/v1/track', '{"userId":', { token: writeKey });
    expect(notJson.status).toBe(400);
    expect(notJson.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const unknown = await postSegment(stack, '/v1/track', segmentTrack('usr_unknown'), { token: writeKey });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await postSegment(stack, '/v1/track', segmentTrack(user._id, { properties: { blob: 'x'.repeat(40_000) } }), { token: writeKey });
    expect(response.status).toBe(413);
    expect(response.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('keeps the valid calls of a batch and reports the invalid ones by index and field', async () => {
    const before = await storedEvents();
    const response = await postSegment(
      stack,
      '/v1/batch',
      {
        batch: [
          segmentTrack(user._id, { timestamp: '2026-02-22T09:00:00Z' }),
          { type: 'track', userId: user._id },
          { type: 'page', userId: user._id, name: 'Home' },
          { type: 'identify', userId: colleague._id, traits: { title: 'CTO' } },
          segmentTrack('usr_unknown'),
          segmentTrack(user._id, { properties: { $where: 'sleep(1000)' } }),
        ],
      },
      { token: writeKey },
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      success: true,
      accepted: 2,
      duplicates: 0,
      rejected: [
        { index: 1, field: 'event', message: expect.any(String) },
        { index: 2, field: 'type', message: 'must be track or identify' },
        { index: 4, field: 'userId', message: 'no user usr_unknown' },
        { index: 5, field: 'properties', message: expect.stringContaining('$') },
      ],
    });
    expect(await storedEvents()).toBe(before + 2);
  });

  it('answers 400 when every call of a batch is invalid, storing nothing', async () => {
    const before = await storedEvents();
    const response = await postSegment(stack, '/v1/batch', { batch: [{ type: 'track' }, { type: 'alias' }] }, { token: writeKey });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ success: false, accepted: 0, rejected: [{ index: 0, field: 'userId' }, { index: 1, field: 'type' }] });
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'batch.0.userId' });
    expect(await storedEvents()).toBe(before);
    const empty = await postSegment(stack, '/v1/batch', { batch: [] }, { token: writeKey });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].extensions.field).toBe('batch');
  });

  it('counts a messageId once across /v1/batch, /v1/track and the GraphQL mutation', async () => {
    const call = segmentTrack(colleague._id, { messageId: 'shared-message-1', event: 'Workflow Automated', timestamp: '2026-02-23T09:00:00Z' });
    const viaBatch = await postSegment(stack, '/v1/batch', { batch: [call, call] }, { token: writeKey });
    const viaTrack = await postSegment(stack, '/v1/track', call, { token: writeKey });
    const viaMutation = await stack.query<any>(INGEST_USAGE, {
      token: writeKey,
      variables: { events: [{ messageId: 'shared-message-1', userId: colleague._id, event: 'Workflow Automated', timestamp: '2026-02-23T09:00:00Z' }] },
    });
    expect(viaBatch.body).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(viaTrack.body).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(viaMutation.data.ingestUsageEvents).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
    expect(await usageRepository(stack).days.findOne({ _id: `${account._id}|${colleague._id}|2026-02-23` })).toMatchObject({ events: 1 });
  });

  it('splits a batch of more than 1,000 calls into several mutations', async () => {
    const batch = Array.from({ length: 1_200 }, (_unused, index) => ({ type: 'track', userId: user._id, event: 'Report Created', messageId: `big-${index}`, timestamp: '2026-02-24T09:00:00Z' }));
    const response = await postSegment(stack, '/v1/batch', { batch }, { token: writeKey });
    expect(response.body).toEqual({ success: true, accepted: 1_200, duplicates: 0, rejected: [] });
    expect(await usageRepository(stack).days.findOne({ _id: `${account._id}|${user._id}|2026-02-24` })).toMatchObject({ events: 1_200 });
  });
});
