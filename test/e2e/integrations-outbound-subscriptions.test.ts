import { subgraphDatabase } from '../../subgraphs/kit/subgraph-service';
import { WebhookSubscriptionsRepository } from '../../subgraphs/integrations/outbound/subscriptions-repository';
import { startStack, type GraphqlResult, type Stack } from '../helpers/stack';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';

const SUBSCRIPTION_FIELDS = 'id url events description enabled consecutiveFailures disabledReason disabledAt createdAt updatedAt';
const CREATE = `mutation($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) { secret subscription { ${SUBSCRIPTION_FIELDS} } }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateWebhookSubscriptionInput!) { updateWebhookSubscription(id: $id, input: $input) { ${SUBSCRIPTION_FIELDS} } }`;
const DELETE = `mutation($id: ID!) { deleteWebhookSubscription(id: $id) }`;
const ONE = `query($id: ID!) { webhookSubscription(id: $id) { ${SUBSCRIPTION_FIELDS} } }`;
const LIST = `query($first: Int, $after: String) { webhookSubscriptions(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id url } } } }`;
const DELIVERIES = `query($id: ID!) { webhookDeliveries(subscriptionId: $id) { totalCount edges { node { id status } } } }`;
const SEND_TEST = `mutation($id: ID!) { sendTestWebhook(subscriptionId: $id) { id eventType status } }`;
const SCAN = `mutation { scanWebhookEvents { eventsAnnounced } }`;

const SECRET = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;

describe('webhook subscriptions through the gateway', () => {
  let stack: Stack;
  let staff: string;
  // Test webhooks are really sent: to a local receiver, never to the internet.
  let receiver: WebhookReceiver;
  const VALID = { url: '', events: ['HEALTH_BAND_CHANGED', 'USER_DORMANT'], description: 'CS automation' };

  beforeAll(async () => {
    stack = await startStack();
    staff = await stack.staffToken();
    receiver = await startWebhookReceiver();
    VALID.url = receiver.url;
  });
  afterAll(async () => {
    await stack.stop();
    await receiver.close();
  });

  const asStaff = (query: string, variables: Record<string, unknown> = {}) => stack.query<any>(query, { token: staff, variables });
  const codeOf = (result: GraphqlResult) => result.errors?.[0]?.extensions?.['code'];
  const storedSubscriptions = () => new WebhookSubscriptionsRepository(subgraphDatabase(stack, 'integrations')).subscriptions.find({}).toArray();
  async function create(input: Record<string, unknown> = VALID) {
    const result = await asStaff(CREATE, { input });
    expect(result.errors).toBeUndefined();
    return result.data.createWebhookSubscription as { secret: string; subscription: { id: string } & Record<string, unknown> };
  }

  it('creates an enabled subscription and shows the secret given, once', async () => {
    const created = await create({ ...VALID, secret: SECRET });
    expect(created.secret).toBe(SECRET);
    expect(created.subscription).toMatchObject({
      url: receiver.url,
      events: ['HEALTH_BAND_CHANGED', 'USER_DORMANT'],
      description: 'CS automation',
      enabled: true,
      consecutiveFailures: 0,
      disabledReason: null,
      disabledAt: null,
    });
    expect(created.subscription.id).toMatch(/^whs_/);
    const read = await asStaff(ONE, { id: created.subscription.id });
    expect(read.data.webhookSubscription).toEqual(created.subscription);
  });

  it('generates a whsec_ secret when none is given', async () => {
    const created = await create({ url: 'https://hooks.example.com/generated', events: ['RENEWAL_UPCOMING'] });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(created.subscription).toMatchObject({ events: ['RENEWAL_UPCOMING'], description: null });
  });

  it('never shows the secret again: subscriptions have no such field', async () => {
    const { subscription } = await create();
    const result = await asStaff(`query($id: ID!) { webhookSubscription(id: $id) { id secret } }`, { id: subscription.id });
    expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(await asStaff(LIST, { first: 100 }))).not.toContain('whsec_');
  });

  it('lists subscriptions newest first, page by page', async () => {
    const [older, newer] = [await create({ ...VALID, url: 'https://a.example.com/1' }), await create({ ...VALID, url: 'https://a.example.com/2' })];
    const first = await asStaff(LIST, { first: 1 });
    expect(first.data.webhookSubscriptions.edges.map((edge: any) => edge.node.id)).toEqual([newer.subscription.id]);
    expect(first.data.webhookSubscriptions.pageInfo.hasNextPage).toBe(true);
    const second = await asStaff(LIST, { first: 1, after: first.data.webhookSubscriptions.pageInfo.endCursor });
    expect(second.data.webhookSubscriptions.edges.map((edge: any) => edge.node.id)).toEqual([older.subscription.id]);
    expect(second.data.webhookSubscriptions.totalCount).toBe((await storedSubscriptions()).length);
  });

  it('changes the URL and events, and keeps what is not given', async () => {
    const { subscription } = await create();
    const result = await asStaff(UPDATE, { id: subscription.id, input: { url: 'https://hooks.example.com/v2', events: ['COMMUNITY_PROMOTER'] } });
    expect(result.errors).toBeUndefined();
    expect(result.data.updateWebhookSubscription).toMatchObject({ url: 'https://hooks.example.com/v2', events: ['COMMUNITY_PROMOTER'], description: 'CS automation', enabled: true });
  });

  it('disables a subscription by hand, and enabling it again forgets its failures', async () => {
    const { subscription } = await create();
    const disabled = await asStaff(UPDATE, { id: subscription.id, input: { enabled: false } });
    expect(disabled.data.updateWebhookSubscription).toMatchObject({ enabled: false, disabledReason: 'disabled by staff_test' });
    expect(Date.parse(disabled.data.updateWebhookSubscription.disabledAt)).toBeGreaterThan(Date.now() - 60_000);
    await new WebhookSubscriptionsRepository(subgraphDatabase(stack, 'integrations')).update(subscription.id, { $set: { consecutiveFailures: 7 } });
    const enabled = await asStaff(UPDATE, { id: subscription.id, input: { enabled: true } });
    expect(enabled.data.updateWebhookSubscription).toMatchObject({ enabled: true, consecutiveFailures: 0, disabledReason: null, disabledAt: null });
  });

  it('refuses to send a test webhook to a disabled subscription', async () => {
    const { subscription } = await create();
    await asStaff(UPDATE, { id: subscription.id, input: { enabled: false } });
    const result = await asStaff(SEND_TEST, { id: subscription.id });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subscriptionId' });
    expect((await asStaff(DELIVERIES, { id: subscription.id })).data.webhookDeliveries.totalCount).toBe(0);
  });

  it('deletes a subscription with its delivery log', async () => {
    const { subscription } = await create();
    expect((await asStaff(SEND_TEST, { id: subscription.id })).data.sendTestWebhook).toMatchObject({ eventType: 'webhook.test' });
    expect((await asStaff(DELETE, { id: subscription.id })).data.deleteWebhookSubscription).toBe(subscription.id);
    expect((await asStaff(ONE, { id: subscription.id })).data.webhookSubscription).toBeNull();
    expect(codeOf(await asStaff(DELIVERIES, { id: subscription.id }))).toBe('NOT_FOUND');
    expect(codeOf(await asStaff(DELETE, { id: subscription.id }))).toBe('NOT_FOUND');
  });

  describe('bad input: BAD_USER_INPUT naming the field, nothing stored', () => {
    it.each([
      ['a URL that is not one', { url: 'hooks.example.com/customer-hub' }, 'input.url'],
      ['an ftp URL', { url: 'ftp://hooks.example.com/customer-hub' }, 'input.url'],
      ['a URL with a password', { url: 'https://user:secret@hooks.example.com/' }, 'input.url'],
      ['a URL over 2000 characters', { url: `https://hooks.example.com/${'x'.repeat(2000)}` }, 'input.url'],
      ['no events', { events: [] }, 'input.events'],
      ['a secret without the whsec_ prefix', { secret: Buffer.alloc(32, 1).toString('base64') }, 'input.secret'],
      ['a secret of 16 bytes', { secret: `whsec_${Buffer.alloc(16, 1).toString('base64')}` }, 'input.secret'],
      ['a secret that is not base64', { secret: 'whsec_not base64 at all, not at all!!' }, 'input.secret'],
      ['a description over 500 characters', { description: 'x'.repeat(501) }, 'input.description'],
    ])('createWebhookSubscription refuses %s', async (_case, fields, field) => {
      const before = await storedSubscriptions();
      const result = await asStaff(CREATE, { input: { ...VALID, ...fields } });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await storedSubscriptions()).toEqual(before);
    });

    it.each([
      ['no events', { events: [] }, 'input.events'],
      ['a bad URL', { url: 'mailto:cs@example.com' }, 'input.url'],
      ['nothing to change', {}, 'input'],
    ])('updateWebhookSubscription refuses %s', async (_case, input, field) => {
      const { subscription } = await create();
      const before = await storedSubscriptions();
      const result = await asStaff(UPDATE, { id: subscription.id, input });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await storedSubscriptions()).toEqual(before);
    });

    it('refuses an event type that does not exist before it reaches the subgraph', async () => {
      const result = await asStaff(CREATE, { input: { ...VALID, events: ['ACCOUNT_DELETED'] } });
      expect(result.errors?.[0]?.message).toContain('ACCOUNT_DELETED');
      expect(result.data ?? null).toBeNull();
    });
  });

  describe('authorization', () => {
    const operations: Array<[string, string, (id: string) => Record<string, unknown>]> = [
      ['webhookSubscriptions', LIST, () => ({})],
      ['webhookSubscription', ONE, (id) => ({ id })],
      ['webhookDeliveries', DELIVERIES, (id) => ({ id })],
      ['createWebhookSubscription', CREATE, () => ({ input: VALID })],
      ['updateWebhookSubscription', UPDATE, (id) => ({ id, input: { description: 'changed' } })],
      ['deleteWebhookSubscription', DELETE, (id) => ({ id })],
      ['sendTestWebhook', SEND_TEST, (id) => ({ id })],
      ['scanWebhookEvents', SCAN, () => ({})],
    ];
    const writes = new Set(['createWebhookSubscription', 'updateWebhookSubscription', 'deleteWebhookSubscription', 'sendTestWebhook', 'scanWebhookEvents']);

    it.each(operations)('%s is FORBIDDEN to customers and changes nothing', async (_name, query, variables) => {
      const { subscription } = await create();
      const before = await storedSubscriptions();
      const result = await stack.query(query, { token: await stack.customerToken('acc_t1', 'usr_t1'), variables: variables(subscription.id) });
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect(await storedSubscriptions()).toEqual(before);
    });

    it.each(operations)('%s needs integrations:write to change and integrations:read to read', async (name, query, variables) => {
      const { subscription } = await create();
      const reader = await stack.integrationToken(['integrations:read']);
      const writer = await stack.integrationToken(['integrations:write']);
      const stranger = await stack.integrationToken(['accounts:read']);
      const asReader = await stack.query(query, { token: reader, variables: variables(subscription.id) });
      expect(codeOf(asReader)).toBe(writes.has(name) ? 'FORBIDDEN' : undefined);
      expect(codeOf(await stack.query(query, { token: stranger, variables: variables(subscription.id) }))).toBe('FORBIDDEN');
      expect((await stack.query(query, { token: writer, variables: variables(subscription.id) })).errors).toBeUndefined();
    });

    it('refuses a customer at the integrations subgraph itself too', async () => {
      const result = await stack.query(LIST, { token: await stack.customerToken('acc_t1', 'usr_t1'), url: stack.subgraphUrls['integrations'] });
      expect(codeOf(result)).toBe('FORBIDDEN');
    });
  });
});
