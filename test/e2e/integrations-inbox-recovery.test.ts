import { buildAccount } from '../helpers/factories';
import { baseUrlOf, sendRaw, startIntegrationsStack, waitForInboxEvent, type IntegrationsStack } from '../helpers/integrations';
import { seedAccounts } from '../helpers/seed';
import { testConfig } from '../helpers/stack';
import { stripeEvent, stripeSignature } from '../fixtures/stripe/stripe-events';

const SECRET = 'whsec_recovery_8fT2qLx7Vn3Kp9Rw';
const RETRY_BASE_MS = 1_000;

describe('an event whose owning subgraph is down when it arrives', () => {
  let stack: IntegrationsStack;
  const sakura = buildAccount({ name: 'Sakura Logistics', externalIds: [{ source: 'stripe', id: 'cus_RUfq8sSakuraLg' }], externalKeys: ['stripe:cus_RUfq8sSakuraLg'] });
  beforeAll(async () => {
    stack = await startIntegrationsStack({
      config: testConfig({ STRIPE_WEBHOOK_SECRET: SECRET, HUB_INBOX_POLL_MS: '100', HUB_INBOX_RETRY_BASE_MS: String(RETRY_BASE_MS), HUB_INBOX_MAX_ATTEMPTS: '5' }),
    });
    await seedAccounts(stack, [sakura]);
  });
  afterAll(() => stack.stop());

  it('is accepted, waits in the inbox with its error, and is applied once the subgraph is back', async () => {
    const event = stripeEvent('customer.subscription.created');
    const body = JSON.stringify(event);
    await stack.stopSubgraph('contracts');

    const response = await sendRaw(baseUrlOf(stack.gatewayUrl), '/webhooks/stripe', {
      headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': stripeSignature(body, SECRET) },
      body,
    });
    const waiting = await waitForInboxEvent(stack, { source: 'STRIPE', deliveryId: event.id }, { isDone: (stored) => stored.lastError !== null });
    await stack.restartSubgraph('contracts');
    const applied = await waitForInboxEvent(stack, { source: 'STRIPE', deliveryId: event.id }, { timeoutMs: 15_000 });

    expect(response).toMatchObject({ status: 200, body: { received: 1, duplicates: 0 } });
    expect(waiting).toMatchObject({ status: 'PENDING', eventType: 'customer.subscription.created', lastError: expect.stringContaining('contracts') });
    expect(Date.parse(waiting.nextAttemptAt!) - Date.parse(waiting.receivedAt)).toBeGreaterThanOrEqual(RETRY_BASE_MS);
    expect(applied.status).toBe('APPLIED');
    expect(applied.attempts).toBeGreaterThanOrEqual(2);
    const account = await stack.query<{ account: { arr: { amountMinor: number; currency: string } } }>(`query($id: ID!) { account(id: $id) { arr { amountMinor currency } } }`, {
      token: await stack.staffToken(),
      variables: { id: sakura._id },
    });
    expect(account.data?.account.arr).toEqual({ amountMinor: 1_200_000, currency: 'JPY' });
  });
});
