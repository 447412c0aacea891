import { InboxRepository } from '../../subgraphs/integrations/inbound/repository';
import type { InboundEventDocument } from '../../subgraphs/integrations/inbound/model';
import { subgraphDatabase } from '../../subgraphs/kit/subgraph-service';
import { buildAccount } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, testConfig, type Stack } from '../helpers/stack';
import { stripeEvent, stripeSignature } from '../fixtures/stripe/stripe-events';

const SECRET = 'whsec_e2e_3Jq9vR2mT7kW4xZ8bN1cF6hL';
const ACCOUNT_CONTRACT = `query($id: ID!) {
  account(id: $id) {
    arr { amountMinor currency }
    renewalDate
    contract {
      id status autoRenew cancelAtPeriodEnd renewalDate currency sourceUpdatedAt
      lineItems { product seats billingInterval billingIntervalCount unitPrice { amountMinor currency } arr { amountMinor currency } }
      externalIds { source id }
    }
    contracts { totalCount edges { node { id status cancelledAt } } }
  }
}`;

describe('Stripe subscription webhooks', () => {
  let stack: Stack;
  let inbox: InboxRepository;
  const sakura = buildAccount({ name: 'Sakura Logistics', externalIds: [{ source: 'stripe', id: 'cus_RUfq8sSakuraLg' }], externalKeys: ['stripe:cus_RUfq8sSakuraLg'] });
  const northwind = buildAccount({ externalIds: [{ source: 'stripe', id: 'cus_S2tNorthwindAn' }], externalKeys: ['stripe:cus_S2tNorthwindAn'] });
  const byMetadata = buildAccount();
  const unlinked = buildAccount();

  beforeAll(async () => {
    stack = await startStack({
      config: testConfig({ STRIPE_WEBHOOK_SECRET: SECRET, HUB_INBOX_POLL_MS: '100', HUB_INBOX_RETRY_BASE_MS: '10', HUB_INBOX_MAX_ATTEMPTS: '2' }),
    });
    inbox = new InboxRepository(subgraphDatabase(stack, 'integrations'));
    await seedAccounts(stack, [sakura, northwind, byMetadata, unlinked]);
  });
  afterAll(() => stack.stop());

  async function post(body: string, signature: string | null): Promise<{ status: number; body: any }> {
    const response = await fetch(new URL('/webhooks/stripe', stack.gatewayUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...(signature ? { 'stripe-signature': signature } : {}) },
      body,
    });
    return { status: response.status, body: await response.json() };
  }

  const send = (event: unknown) => {
    const body = JSON.stringify(event);
    return post(body, stripeSignature(body, SECRET));
  };

  /** The stored event once the inbox has settled it (applied, or failed for good). */
  async function settled(deliveryId: string): Promise<InboundEventDocument> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const event = await inbox.events.findOne({ source: 'stripe', deliveryId });
      if (event && event.status !== 'PENDING') return event;
      if (Date.now() > deadline) throw new Error(`event ${deliveryId} was not settled: ${JSON.stringify(event)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async function accountContract(accountId: string) {
    const result = await stack.query<any>(ACCOUNT_CONTRACT, { token: await stack.staffToken(), variables: { id: accountId } });
    expect(result.errors).toBeUndefined();
    return result.data.account;
  }

  const isoOf = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString();

  describe('one subscription\'s life', () => {
    const created = stripeEvent('customer.subscription.created');
    const updated = stripeEvent('customer.subscription.updated');

    it('turns a created subscription into the account\'s contract: 2 × ¥50,000 a month is ARR ¥1,200,000', async () => {
      expect(await send(created)).toEqual({ status: 200, body: { received: 1, duplicates: 0 } });
      expect(await settled(created.id)).toMatchObject({ status: 'APPLIED', eventType: 'customer.subscription.created' });
      const account = await accountContract(sakura._id);
      const renewalDate = isoOf(created.data.object.current_period_end!);
      expect(account.arr).toEqual({ amountMinor: 1_200_000, currency: 'JPY' });
      expect(account.renewalDate).toBe(renewalDate);
      expect(account.contract).toMatchObject({
        status: 'ACTIVE',
        autoRenew: true,
        cancelAtPeriodEnd: false,
        renewalDate,
        currency: 'JPY',
        sourceUpdatedAt: isoOf(created.created),
        externalIds: [{ source: 'stripe', id: 'sub_1QbHx2LkdIwHu7ixSakura01' }],
        lineItems: [
          {
            product: 'Customer Hub Professional (monthly)',
            seats: 2,
            billingInterval: 'MONTH',
            billingIntervalCount: 1,
            unitPrice: { amountMinor: 50_000, currency: 'JPY' },
            arr: { amountMinor: 1_200_000, currency: 'JPY' },
          },
        ],
      });
    });

    it('stores and applies the same delivery once when Stripe sends it again', async () => {
      const contractBefore = (await accountContract(sakura._id)).contract;
      expect(await send(created)).toEqual({ status: 200, body: { received: 0, duplicates: 1 } });
      expect(await inbox.events.countDocuments({ source: 'stripe', deliveryId: created.id })).toBe(1);
      const account = await accountContract(sakura._id);
      expect(account.contracts.totalCount).toBe(1);
      expect(account.contract).toEqual(contractBefore);
    });

    it('follows an update: a third seat and a cancellation at period end', async () => {
      await send(updated);
      expect((await settled(updated.id)).result).toMatch(/ACTIVE, ARR 1800000 JPY/);
      const account = await accountContract(sakura._id);
      expect(account.arr).toEqual({ amountMinor: 1_800_000, currency: 'JPY' });
      expect(account.contract).toMatchObject({ status: 'ACTIVE', cancelAtPeriodEnd: true, autoRenew: false });
      expect(account.contract.lineItems[0].seats).toBe(3);
      expect(account.contracts.totalCount).toBe(1);
    });

    it('never lets an older event that arrives late undo a newer state', async () => {
      const late = stripeEvent('customer.subscription.updated');
      late.id = 'evt_1QcAa1LkdIwHu7ixL4teOlder';
      late.created = created.created + 86_400;
      late.data.object.items.data[0]!.quantity = 7;
      late.data.object.cancel_at_period_end = false;
      await send(late);
      expect((await settled(late.id)).result).toMatch(/^ignored: contract ctr_\w+ already reflects a newer Stripe event/);
      const account = await accountContract(sakura._id);
      expect(account.arr).toEqual({ amountMinor: 1_800_000, currency: 'JPY' });
      expect(account.contract.cancelAtPeriodEnd).toBe(true);
    });

    it('cancels the contract when the subscription is deleted', async () => {
      const deleted = stripeEvent('customer.subscription.deleted');
      const endedAt = Math.floor(Date.now() / 1000) - 60;
      Object.assign(deleted.data.object, { ended_at: endedAt, canceled_at: endedAt, cancel_at_period_end: false });
      deleted.created = endedAt;
      await send(deleted);
      expect(await settled(deleted.id)).toMatchObject({ status: 'APPLIED' });
      const account = await accountContract(sakura._id);
      expect(account).toMatchObject({ contract: null, arr: null, renewalDate: null });
      expect(account.contracts.edges).toEqual([{ node: expect.objectContaining({ status: 'CANCELLED', cancelledAt: isoOf(endedAt) }) }]);
    });
  });

  it('reads a yearly price and the item\'s period on newer API versions', async () => {
    const event = stripeEvent('customer.subscription.created.yearly-basil');
    await send(event);
    await settled(event.id);
    const account = await accountContract(northwind._id);
    expect(account.arr).toEqual({ amountMinor: 6_000_000, currency: 'USD' });
    expect(account.renewalDate).toBe(isoOf(event.data.object.items.data[0]!.current_period_end!));
    expect(account.contract.lineItems[0]).toMatchObject({ product: 'Customer Hub Enterprise', seats: 5, billingInterval: 'YEAR' });
  });

  it('counts a quarterly price four times a year, for the account named in the metadata', async () => {
    const event = stripeEvent('customer.subscription.created.quarterly');
    event.data.object.metadata.hub_account_id = byMetadata._id;
    await send(event);
    await settled(event.id);
    const account = await accountContract(byMetadata._id);
    expect(account.arr).toEqual({ amountMinor: 720_000, currency: 'EUR' });
    expect(account.contract.lineItems[0]).toMatchObject({ billingInterval: 'MONTH', billingIntervalCount: 3, seats: 4 });
  });

  it('keeps other event types and says they were ignored', async () => {
    const event = stripeEvent('invoice.paid');
    expect((await send(event)).status).toBe(200);
    expect(await settled(event.id)).toMatchObject({ status: 'APPLIED', result: 'ignored: invoice.paid is not a subscription event' });
  });

  it('keeps an event for a customer linked to no account as FAILED, and applies it on replay once linked', async () => {
    const event = stripeEvent('customer.subscription.created');
    event.id = 'evt_1QeUnl1nkedLkdIwHu7ixAcct';
    event.data.object.id = 'sub_1QeUnl1nkedLkdIwHu7ix001';
    event.data.object.customer = 'cus_SNotLinkedYet01';
    await send(event);
    const failed = await settled(event.id);
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 2 });
    expect(failed.lastError).toMatch(/no account is linked to Stripe customer cus_SNotLinkedYet01/);

    const staff = await stack.staffToken();
    const link = await stack.query<any>(`mutation($input: UpsertAccountInput!) { upsertAccount(input: $input) { id } }`, {
      token: staff,
      variables: { input: { id: unlinked._id, externalIds: [{ source: 'stripe', id: 'cus_SNotLinkedYet01' }] } },
    });
    expect(link.errors).toBeUndefined();
    const replay = await stack.query<any>(`mutation($id: ID!) { replayIntegrationEvent(id: $id) { status result } }`, {
      token: staff,
      variables: { id: failed._id },
    });
    expect(replay.data.replayIntegrationEvent).toMatchObject({ status: 'APPLIED', result: expect.stringMatching(/ARR 1200000 JPY/) });
    expect((await accountContract(unlinked._id)).arr).toEqual({ amountMinor: 1_200_000, currency: 'JPY' });
  });

  describe('refused requests', () => {
    const event = stripeEvent('customer.subscription.created.yearly-basil');
    event.id = 'evt_1QfRefusedLkdIwHu7ixNever';
    const body = JSON.stringify(event);
    const now = () => Math.floor(Date.now() / 1000);

    afterEach(async () => {
      expect(await inbox.events.countDocuments({ deliveryId: event.id })).toBe(0);
    });

    it('refuses a signature made with another secret with 401', async () => {
      const answer = await post(body, stripeSignature(body, 'whsec_not_the_endpoint_secret'));
      expect(answer).toEqual({ status: 401, body: { errors: [{ message: expect.stringMatching(/No v1 signature/), extensions: { code: 'UNAUTHENTICATED' } }] } });
    });

    it('refuses a signature 301 s old with 401', async () => {
      const answer = await post(body, stripeSignature(body, SECRET, now() - 301));
      expect(answer.status).toBe(401);
      expect(answer.body.errors[0].message).toMatch(/at most 300 s/);
    });

    it('refuses a request without a Stripe-Signature header with 401', async () => {
      expect((await post(body, null)).status).toBe(401);
    });

    it('refuses a signed body that is not JSON with 400 and the reason', async () => {
      const broken = '{"id": "evt_1QfRefusedLkdIwHu7ixNever", "object": "event",';
      const answer = await post(broken, stripeSignature(broken, SECRET));
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0]).toMatchObject({ message: expect.stringMatching(/^The body is not valid JSON: /), extensions: { code: 'BAD_USER_INPUT' } });
    });

    it('refuses a signed JSON body that is no Stripe event with 400 naming the field', async () => {
      const notAnEvent = JSON.stringify({ ...event, id: 'nope' });
      const answer = await post(notAnEvent, stripeSignature(notAnEvent, SECRET));
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0].message).toBe('Invalid event.id: must be a Stripe event id (evt_…)');
    });
  });

  it('accepts a request when any of several v1 signatures matches', async () => {
    const event = stripeEvent('invoice.paid');
    event.id = 'evt_1QgRolledSecretLkdIwHu7ix';
    const body = JSON.stringify(event);
    const t = Math.floor(Date.now() / 1000);
    const [, current] = stripeSignature(body, SECRET, t).split(',v1=');
    const [, previous] = stripeSignature(body, 'whsec_previous_secret', t).split(',v1=');
    expect((await post(body, `t=${t},v1=${previous},v1=${current}`)).status).toBe(200);
    expect(await inbox.events.countDocuments({ deliveryId: event.id })).toBe(1);
  });
});
