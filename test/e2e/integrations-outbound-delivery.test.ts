import type { HealthBand } from '../../subgraphs/journey/model';
import { verifyWebhook } from '../../subgraphs/integrations/outbound/verify';
import { buildAccount } from '../helpers/factories';
import { setHealthBand } from '../helpers/journey';
import { seedAccounts } from '../helpers/seed';
import { startStack, testConfig, type Stack } from '../helpers/stack';
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from '../helpers/webhook-receiver';

const CREATE = `mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { secret subscription { id } } }`;
const SUBSCRIPTION = `query($id: ID!) { webhookSubscription(id: $id) { enabled consecutiveFailures disabledReason disabledAt } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateWebhookSubscriptionInput!) { updateWebhookSubscription(id: $id, input: $input) { enabled consecutiveFailures disabledReason } }`;
const LIST = `query { webhookSubscriptions(first: 100) { edges { node { id } } } }`;
const DELETE = `mutation($id: ID!) { deleteWebhookSubscription(id: $id) }`;
const SCAN = `mutation { scanWebhookEvents { eventsAnnounced deliveriesQueued accountsBaselined failures } }`;
const SEND_TEST = `mutation($id: ID!) { sendTestWebhook(subscriptionId: $id) { id eventId eventType status } }`;
const DELIVERIES = `query($id: ID!, $status: WebhookDeliveryStatus) {
  webhookDeliveries(subscriptionId: $id, status: $status) {
    totalCount
    edges { node { id subscriptionId eventId eventType status attemptCount nextAttemptAt lastError payloadJson deliveredAt failedAt attempts { attemptedAt httpStatus error durationMs } } }
  }
}`;

const waitMs = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `read` gives a value that `isDone` accepts; fails the test after 10 s. */
async function eventually<T>(read: () => Promise<T>, isDone: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (isDone(value) || Date.now() > deadline) return value;
    await waitMs(20);
  }
}

describe('delivering signed webhooks to a receiver', () => {
  let stack: Stack;
  let staff: string;
  const receivers: WebhookReceiver[] = [];
  const accounts = [buildAccount({ name: 'Globex' }), buildAccount({ name: 'Initech' }), buildAccount({ name: 'Umbrella' })];
  const [globex, initech, umbrella] = accounts as [typeof accounts[number], typeof accounts[number], typeof accounts[number]];

  beforeAll(async () => {
    // Retries 10 ms apart and a subscription disabled after 3 failed tries in a row; scans only on request.
    stack = await startStack({ config: testConfig({ HUB_OUTBOUND_SCAN_MS: '0', HUB_OUTBOUND_RETRY_BASE_MS: '10', HUB_OUTBOUND_MAX_FAILURES: '3' }) });
    staff = await stack.staffToken();
    await seedAccounts(stack, accounts);
    for (const account of accounts) await setHealthBand(stack, account._id, 'NEUTRAL');
  });
  afterEach(async () => {
    const listed = await asStaff(LIST);
    for (const edge of listed.data.webhookSubscriptions.edges) await asStaff(DELETE, { id: edge.node.id });
  });
  afterAll(async () => {
    await stack.stop();
    await Promise.all(receivers.map((receiver) => receiver.close()));
  });

  const asStaff = (query: string, variables: Record<string, unknown> = {}) => stack.query<any>(query, { token: staff, variables });
  const scan = async () => (await asStaff(SCAN)).data.scanWebhookEvents;
  const moveBand = (account: { _id: string }, band: HealthBand) => setHealthBand(stack, account._id, band);
  const deliveriesOf = async (id: string, status?: string) => (await asStaff(DELIVERIES, { id, status })).data.webhookDeliveries;
  async function receiverSubscribedTo(events: string[]) {
    const receiver = await startWebhookReceiver();
    receivers.push(receiver);
    const created = await asStaff(CREATE, { input: { url: receiver.url, events } });
    expect(created.errors).toBeUndefined();
    const { secret, subscription } = created.data.createWebhookSubscription;
    return { receiver, secret: secret as string, id: subscription.id as string };
  }
  const isSignedWith = (secret: string) => (request: ReceivedWebhook) => verifyWebhook({ secret, headers: request.headers, body: request.body }).valid;

  it('records every account on the first scan and announces nothing, so a new install does not flood receivers', async () => {
    const { receiver } = await receiverSubscribedTo(['HEALTH_BAND_CHANGED', 'HEALTH_DROPPED']);
    expect(await scan()).toEqual({ eventsAnnounced: 0, deliveriesQueued: 0, accountsBaselined: 3, failures: [] });
    await waitMs(100);
    expect(receiver.requests).toEqual([]);
  });

  it('delivers a health band change once, signed so the receiver verifies it with the secret', async () => {
    const { receiver, secret, id } = await receiverSubscribedTo(['HEALTH_BAND_CHANGED']);
    await moveBand(globex, 'AT_RISK');
    // The band change and a 30-point drop; only the band change goes to this subscription.
    expect(await scan()).toEqual({ eventsAnnounced: 2, deliveriesQueued: 1, accountsBaselined: 0, failures: [] });
    const [request] = await receiver.waitForRequests(1);
    expect(verifyWebhook({ secret, headers: request!.headers, body: request!.body })).toMatchObject({ valid: true, id: request!.headers['webhook-id'] });
    expect(request!.headers['content-type']).toBe('application/json');
    const body = JSON.parse(request!.body);
    expect(body).toEqual({
      type: 'health.band_changed',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      data: { accountId: globex._id, name: 'Globex', from: 'NEUTRAL', to: 'AT_RISK', score: 30 },
    });
    expect(Math.abs(Number(request!.headers['webhook-timestamp']) * 1000 - Date.parse(body.timestamp))).toBeLessThan(5_000);

    expect(await scan()).toMatchObject({ eventsAnnounced: 0, deliveriesQueued: 0 });
    const log = await eventually(() => deliveriesOf(id), (page) => page.edges[0]?.node.status === 'DELIVERED');
    await waitMs(100);
    expect(receiver.requests).toHaveLength(1);
    expect(log.totalCount).toBe(1);
    expect(log.edges[0].node).toMatchObject({
      subscriptionId: id,
      eventId: request!.headers['webhook-id'],
      eventType: 'health.band_changed',
      attemptCount: 1,
      nextAttemptAt: null,
      lastError: null,
      payloadJson: request!.body,
      failedAt: null,
      attempts: [{ httpStatus: 204, error: null }],
    });
  });

  it('gets the event to a receiver that fails twice on the third try, with the same webhook-id, and logs the three tries', async () => {
    const { receiver, secret, id } = await receiverSubscribedTo(['HEALTH_BAND_CHANGED']);
    receiver.failNext(2);
    await moveBand(initech, 'HEALTHY');
    expect(await scan()).toMatchObject({ eventsAnnounced: 1, deliveriesQueued: 1 });
    const requests = await receiver.waitForRequests(3);
    expect(requests.map((request) => request.answeredStatus)).toEqual([500, 500, 204]);
    expect(new Set(requests.map((request) => request.headers['webhook-id'])).size).toBe(1);
    expect(new Set(requests.map((request) => request.body)).size).toBe(1);
    expect(requests.every(isSignedWith(secret))).toBe(true);

    const log = await eventually(() => deliveriesOf(id), (page) => page.edges[0]?.node.status === 'DELIVERED');
    const delivery = log.edges[0].node;
    expect(delivery).toMatchObject({ eventId: requests[0]!.headers['webhook-id'], attemptCount: 3, nextAttemptAt: null, lastError: null });
    expect(delivery.attempts.map((attempt: any) => [attempt.httpStatus, attempt.error])).toEqual([
      [500, 'HTTP 500'],
      [500, 'HTTP 500'],
      [204, null],
    ]);
    const times = delivery.attempts.map((attempt: any) => Date.parse(attempt.attemptedAt));
    // 10 ms, then 20 ms, each ±10 %.
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(9);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(18);
    expect(Date.parse(delivery.deliveredAt)).toBeGreaterThanOrEqual(times[2]);
    expect(delivery.attempts.every((attempt: any) => Number.isInteger(attempt.durationMs) && attempt.durationMs >= 0)).toBe(true);
  });

  it('disables a subscription whose deliveries fail three times in a row, and queues nothing more for it', async () => {
    const { receiver, id } = await receiverSubscribedTo(['HEALTH_BAND_CHANGED', 'HEALTH_DROPPED']);
    receiver.failAlways(503);
    await moveBand(umbrella, 'AT_RISK');
    expect(await scan()).toMatchObject({ eventsAnnounced: 2, deliveriesQueued: 2 });
    const subscription = await eventually(async () => (await asStaff(SUBSCRIPTION, { id })).data.webhookSubscription, (value) => !value.enabled);
    expect(subscription).toMatchObject({ enabled: false, disabledReason: expect.stringMatching(/^\d delivery attempts failed in a row \(last: HTTP 503\)$/) });
    expect(subscription.consecutiveFailures).toBeGreaterThanOrEqual(3);
    const failed = await eventually(() => deliveriesOf(id, 'FAILED'), (page) => page.totalCount === 2);
    expect(failed.edges.map((edge: any) => edge.node.lastError)).toEqual(['the subscription was disabled', 'the subscription was disabled']);
    expect((await deliveriesOf(id, 'PENDING')).totalCount).toBe(0);
    expect((await deliveriesOf(id, 'DELIVERED')).totalCount).toBe(0);
    const triesSoFar = receiver.requests.length;

    await moveBand(umbrella, 'HEALTHY');
    expect(await scan()).toMatchObject({ eventsAnnounced: 1, deliveriesQueued: 0 });
    await waitMs(100);
    expect(receiver.requests).toHaveLength(triesSoFar);

    const enabled = await asStaff(UPDATE, { id, input: { enabled: true } });
    expect(enabled.data.updateWebhookSubscription).toEqual({ enabled: true, consecutiveFailures: 0, disabledReason: null });
  });

  it('sends a signed webhook.test event on request', async () => {
    const { receiver, secret, id } = await receiverSubscribedTo(['RENEWAL_UPCOMING']);
    const queued = await asStaff(SEND_TEST, { id });
    expect(queued.data.sendTestWebhook).toMatchObject({ eventType: 'webhook.test', status: 'PENDING' });
    const [request] = await receiver.waitForRequests(1);
    expect(isSignedWith(secret)(request!)).toBe(true);
    expect(request!.headers['webhook-id']).toBe(queued.data.sendTestWebhook.eventId);
    expect(JSON.parse(request!.body)).toMatchObject({ type: 'webhook.test', data: { subscriptionId: id } });
  });
});
