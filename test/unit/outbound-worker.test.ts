import { createLogger } from '../../subgraphs/kit/logger';
import { openStore } from '../../subgraphs/kit/store/open-store';
import type { HubStore } from '../../subgraphs/kit/store/types';
import { WebhookDeliveriesRepository } from '../../subgraphs/integrations/outbound/deliveries-repository';
import type { WebhookSubscriptionDocument } from '../../subgraphs/integrations/outbound/documents';
import { OutboundEventsRepository } from '../../subgraphs/integrations/outbound/events-repository';
import { Outbox } from '../../subgraphs/integrations/outbound/outbox';
import type { SendOutcome, WebhookRequest } from '../../subgraphs/integrations/outbound/sender';
import { WebhookSubscriptionsRepository } from '../../subgraphs/integrations/outbound/subscriptions-repository';
import { DeliveryWorker } from '../../subgraphs/integrations/outbound/worker';

const START = new Date('2026-11-02T09:00:00Z');

function subscription(id: string, overrides: Partial<WebhookSubscriptionDocument> = {}): WebhookSubscriptionDocument {
  return {
    _id: id,
    url: `https://hooks.example.com/${id}`,
    events: ['RENEWAL_UPCOMING'],
    secret: `whsec_${Buffer.alloc(32, 1).toString('base64')}`,
    description: null,
    enabled: true,
    consecutiveFailures: 0,
    disabledReason: null,
    disabledAt: null,
    createdBy: 'staff_test',
    createdAt: START,
    updatedAt: START,
    ...overrides,
  };
}

const renewal = (contractId: string) => ({ eventType: 'RENEWAL_UPCOMING' as const, factKey: `renewal.upcoming|${contractId}|2027-01-01`, data: { contractId } });

describe('the webhook delivery worker', () => {
  let store: HubStore;
  let clock: Date;
  let sent: Array<{ request: WebhookRequest; attemptedAt: Date }>;
  let answer: (request: WebhookRequest) => SendOutcome;
  let repositories: { subscriptions: WebhookSubscriptionsRepository; deliveries: WebhookDeliveriesRepository; outbox: Outbox };

  beforeEach(async () => {
    store = await openStore({});
    const db = store.db('outbound_worker');
    const subscriptions = new WebhookSubscriptionsRepository(db);
    const deliveries = new WebhookDeliveriesRepository(db);
    repositories = { subscriptions, deliveries, outbox: new Outbox(new OutboundEventsRepository(db), subscriptions, deliveries, () => undefined) };
    clock = START;
    sent = [];
    answer = () => ({ isDelivered: true, httpStatus: 204, error: null, durationMs: 12 });
  });
  afterEach(() => store.close());

  function worker(options: { maxAttempts?: number; maxConsecutiveFailures?: number; sendMs?: number } = {}) {
    return new DeliveryWorker({
      ...repositories,
      send: async (request, attemptedAt) => {
        sent.push({ request, attemptedAt });
        if (options.sendMs) await new Promise((resolve) => setTimeout(resolve, options.sendMs));
        return answer(request);
      },
      retryBaseMs: 1_000,
      maxConsecutiveFailures: options.maxConsecutiveFailures ?? 100,
      maxAttempts: options.maxAttempts,
      logger: createLogger({ level: 'silent' }),
      now: () => clock,
    });
  }
  const later = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  const failWith = (status: number) => () => ({ isDelivered: false, httpStatus: status, error: `HTTP ${status}`, durationMs: 5 });
  const allDeliveries = () => repositories.deliveries.deliveries.find({}, { sort: { _id: 1 } }).toArray();

  it('delivers on a 2xx answer, logs the try and forgets earlier failures of the subscription', async () => {
    await repositories.subscriptions.insert(subscription('whs_a', { consecutiveFailures: 4 }));
    await repositories.outbox.announce([renewal('ctr_1')], clock);
    expect(await worker().deliverDue()).toBe(1);
    const [delivery] = await allDeliveries();
    expect(delivery).toMatchObject({
      status: 'DELIVERED',
      attemptCount: 1,
      attempts: [{ attemptedAt: START, httpStatus: 204, error: null, durationMs: 12 }],
      nextAttemptAt: null,
      deliveredAt: START,
      lockedUntil: null,
    });
    expect(sent[0]?.request).toMatchObject({ url: 'https://hooks.example.com/whs_a', eventId: delivery?.eventId, body: delivery?.body });
    expect((await repositories.subscriptions.findById('whs_a'))?.consecutiveFailures).toBe(0);
  });

  it('retries only once the backoff has passed, and marks the delivery FAILED, kept, after its last try', async () => {
    await repositories.subscriptions.insert(subscription('whs_a'));
    await repositories.outbox.announce([renewal('ctr_1')], clock);
    answer = failWith(503);
    const sender = worker({ maxAttempts: 3 });
    expect(await sender.deliverDue()).toBe(1);
    const [afterFirst] = await allDeliveries();
    expect(afterFirst).toMatchObject({ status: 'PENDING', attemptCount: 1, lastError: 'HTTP 503' });
    // 1 s base with ±10 % jitter.
    expect(afterFirst!.nextAttemptAt!.getTime() - START.getTime()).toBeGreaterThanOrEqual(900);
    later(500);
    expect(await sender.deliverDue()).toBe(0);
    later(700);
    expect(await sender.deliverDue()).toBe(1);
    later(2_300);
    expect(await sender.deliverDue()).toBe(1);
    const [given] = await allDeliveries();
    expect(given).toMatchObject({ status: 'FAILED', attemptCount: 3, nextAttemptAt: null, failedAt: clock, lastError: 'HTTP 503' });
    expect(given!.attempts.map((attempt) => attempt.httpStatus)).toEqual([503, 503, 503]);
    expect(new Set(sent.map((call) => call.request.eventId)).size).toBe(1);
    later(3_600_000);
    expect(await sender.deliverDue()).toBe(0);
  });

  it('disables a subscription after too many failures in a row, and gives up its other pending deliveries', async () => {
    await repositories.subscriptions.insert(subscription('whs_a'));
    await repositories.subscriptions.insert(subscription('whs_b', { url: 'https://other.example.com/hooks' }));
    await repositories.outbox.announce([renewal('ctr_1'), renewal('ctr_2')], clock);
    answer = (request) => (request.url.includes('other') ? { isDelivered: true, httpStatus: 200, error: null, durationMs: 3 } : failWith(500)());
    const sender = worker({ maxConsecutiveFailures: 3 });
    await sender.deliverDue();
    later(1_200);
    await sender.deliverDue();
    const disabled = await repositories.subscriptions.findById('whs_a');
    // Both retries were under way together: the third failure disabled it, the fourth still counts.
    expect(disabled).toMatchObject({ enabled: false, consecutiveFailures: 4, disabledReason: '3 delivery attempts failed in a row (last: HTTP 500)', disabledAt: clock });
    const deliveries = await allDeliveries();
    expect(deliveries.filter((delivery) => delivery.subscriptionId === 'whs_a').map((delivery) => [delivery.status, delivery.lastError])).toEqual([
      ['FAILED', 'the subscription was disabled'],
      ['FAILED', 'the subscription was disabled'],
    ]);
    expect(deliveries.filter((delivery) => delivery.subscriptionId === 'whs_b').map((delivery) => delivery.status)).toEqual(['DELIVERED', 'DELIVERED']);
    later(60_000);
    const triesBefore = sent.length;
    await sender.deliverDue();
    expect(sent).toHaveLength(triesBefore);
  });

  it('does not retry a try that failed while its subscription was being disabled', async () => {
    await repositories.subscriptions.insert(subscription('whs_a'));
    await repositories.outbox.announce([renewal('ctr_1')], clock);
    answer = () => ({ isDelivered: false, httpStatus: 500, error: 'HTTP 500', durationMs: 5 });
    const sender = worker({ sendMs: 20 });
    const pass = sender.deliverDue();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await repositories.subscriptions.update('whs_a', { $set: { enabled: false } });
    await pass;
    expect(await allDeliveries()).toMatchObject([{ status: 'FAILED', attemptCount: 1, lastError: 'the subscription was disabled', nextAttemptAt: null }]);
  });

  it('gives up a delivery whose subscription was deleted, without trying it', async () => {
    await repositories.subscriptions.insert(subscription('whs_a'));
    await repositories.outbox.announce([renewal('ctr_1')], clock);
    await repositories.subscriptions.delete('whs_a');
    expect(await worker().deliverDue()).toBe(0);
    expect(sent).toEqual([]);
    expect(await allDeliveries()).toMatchObject([{ status: 'FAILED', attemptCount: 0, lastError: 'the subscription was deleted' }]);
  });

  it('sends each delivery once when two workers share the store', async () => {
    await repositories.subscriptions.insert(subscription('whs_a'));
    await repositories.outbox.announce(Array.from({ length: 12 }, (_, index) => renewal(`ctr_${index}`)), clock);
    await Promise.all([worker({ sendMs: 15 }).deliverDue(), worker({ sendMs: 15 }).deliverDue()]);
    expect(sent).toHaveLength(12);
    expect(new Set(sent.map((call) => call.request.eventId)).size).toBe(12);
    expect((await allDeliveries()).every((delivery) => delivery.status === 'DELIVERED' && delivery.attemptCount === 1)).toBe(true);
  });

  it('queues one delivery per subscription taking the type, and none for a fact announced before', async () => {
    await repositories.subscriptions.insert(subscription('whs_a'));
    await repositories.subscriptions.insert(subscription('whs_b', { events: ['USER_DORMANT'] }));
    await repositories.subscriptions.insert(subscription('whs_c', { enabled: false }));
    expect(await repositories.outbox.announce([renewal('ctr_1')], clock)).toEqual({ announced: 1, deliveriesQueued: 1 });
    expect(await repositories.outbox.announce([renewal('ctr_1')], clock)).toEqual({ announced: 0, deliveriesQueued: 0 });
    expect((await allDeliveries()).map((delivery) => delivery.subscriptionId)).toEqual(['whs_a']);
  });
});
