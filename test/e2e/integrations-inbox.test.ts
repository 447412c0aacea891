import { InboundRejection, type InboundSource } from '../../subgraphs/integrations/inbound/inbound-source';
import {
  accountsTestSource,
  baseUrlOf,
  listIntegrationEvents,
  sendRaw,
  sendTestEvent,
  startIntegrationsStack,
  TEST_SIGNATURE,
  waitForInboxEvent,
  type AccountsTestSource,
  type IntegrationsStack,
} from '../helpers/integrations';
import { testConfig } from '../helpers/stack';

const MAX_BODY_BYTES = 4_096;

/**
 * A statements-style source on `PUT /xapi/statements` that checks requests asynchronously: the id
 * comes from the query string, and every answer carries its version header.
 */
const statementsTestSource: InboundSource = {
  name: 'xapi',
  routes: ['PUT /xapi/statements'],
  answerHeaders: { 'x-experience-api-version': '1.0.3' },
  receive() {
    throw new Error('the inbox calls receiveAsync when a source has it');
  },
  async receiveAsync(request) {
    const statementId = request.query.get('statementId');
    if (!statementId) throw new InboundRejection(400, 'BAD_USER_INPUT', 'statementId is required');
    return [{ deliveryId: statementId, eventType: 'http://adlnet.gov/expapi/verbs/experienced', payload: JSON.parse(request.rawBody.toString('utf8')) }];
  },
  reply: () => ({ status: 204, body: null }),
  apply: async () => 'nothing to change',
};

function customerEvent(id: string, name = 'Hokuto Freight') {
  return { id, type: 'customer.subscription.created', data: { customer: `cus_${id}`, name } };
}

describe('receiving events through the gateway into the inbox', () => {
  let stack: IntegrationsStack;
  let source: AccountsTestSource;
  beforeAll(async () => {
    source = accountsTestSource();
    stack = await startIntegrationsStack({
      sources: [source, statementsTestSource],
      config: testConfig({ HUB_INBOX_POLL_MS: '100', HUB_WEBHOOK_MAX_BODY_BYTES: String(MAX_BODY_BYTES) }),
    });
  });
  afterAll(() => stack.stop());

  it('stores a signed event, answers with the count, and applies it to the owning subgraph through the graph', async () => {
    const event = customerEvent('evt_stored');
    const response = await sendTestEvent(stack, event);

    expect(response).toMatchObject({ status: 200, body: { received: 1, duplicates: 0 } });
    const stored = await waitForInboxEvent(stack, { source: 'STRIPE', deliveryId: 'evt_stored' });
    expect(stored).toMatchObject({ source: 'STRIPE', eventType: 'customer.subscription.created', status: 'APPLIED', attempts: 1, lastError: null });
    expect(JSON.parse(stored.payloadJson)).toEqual(event);
    const accountId = /^account (\S+) upserted$/.exec(stored.result ?? '')?.[1];
    const account = await stack.query<{ account: { name: string } }>(`query($id: ID!) { account(id: $id) { name } }`, {
      token: await stack.staffToken(),
      variables: { id: accountId },
    });
    expect(account.data?.account.name).toBe('Hokuto Freight');
  });

  it('acknowledges a delivery sent again without storing or applying it a second time', async () => {
    const event = customerEvent('evt_twice', 'Twice Sent KK');
    const first = await sendTestEvent(stack, event);
    await waitForInboxEvent(stack, { source: 'STRIPE', deliveryId: 'evt_twice' });
    const second = await sendTestEvent(stack, event);
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(first.body).toEqual({ received: 1, duplicates: 0 });
    expect(second).toMatchObject({ status: 200, body: { received: 0, duplicates: 1 } });
    expect(source.applied.filter((id) => id === 'evt_twice')).toHaveLength(1);
    expect((await listIntegrationEvents(stack)).filter((stored) => stored.deliveryId === 'evt_twice')).toHaveLength(1);
  });

  it.each([
    ['a wrong signature', { signature: 't=1,v1=forged' }, JSON.stringify(customerEvent('evt_forged')), 401, 'UNAUTHENTICATED'],
    ['malformed JSON', {}, '{"id": "evt_broken", ', 400, 'BAD_USER_INPUT'],
  ])('answers %s with the source\'s refusal and stores nothing', async (_case, options, body, status, code) => {
    const before = await listIntegrationEvents(stack);

    const response = await sendTestEvent(stack, body, options);

    expect(response.status).toBe(status);
    expect(response.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code } }] });
    expect(await listIntegrationEvents(stack)).toHaveLength(before.length);
  });

  it('answers 413 for a body over the limit, at the gateway and at the service alike, and stores nothing', async () => {
    const before = await listIntegrationEvents(stack);
    const oversized = JSON.stringify({ ...customerEvent('evt_oversized'), padding: 'x'.repeat(MAX_BODY_BYTES) });
    const headers = { 'content-type': 'application/json', 'stripe-signature': TEST_SIGNATURE };

    const atGateway = await sendTestEvent(stack, oversized);
    const atService = await sendRaw(baseUrlOf(stack.subgraphUrls['integrations']!), '/webhooks/stripe', { headers, body: oversized });

    for (const response of [atGateway, atService]) {
      expect(response.status).toBe(413);
      expect(response.body).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    }
    expect(await listIntegrationEvents(stack)).toHaveLength(before.length);
  });

  it('forwards the query string, the request id and the source\'s own answer unchanged', async () => {
    const response = await sendRaw(baseUrlOf(stack.gatewayUrl), '/xapi/statements?statementId=6690e6c9-3ef0-4ed3-8b37-7f3964730bee', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-statement-put-1' },
      body: JSON.stringify({ actor: { mbox: 'mailto:learner@example.com' } }),
    });

    expect(response.status).toBe(204);
    expect(response.headers.get('x-experience-api-version')).toBe('1.0.3');
    expect(response.headers.get('x-request-id')).toBe('req-statement-put-1');
    const stored = await waitForInboxEvent(stack, { source: 'XAPI', deliveryId: '6690e6c9-3ef0-4ed3-8b37-7f3964730bee' });
    expect(JSON.parse(stored.payloadJson)).toEqual({ actor: { mbox: 'mailto:learner@example.com' } });
  });

  it('sends a source\'s answer headers with its refusals too', async () => {
    const response = await sendRaw(baseUrlOf(stack.gatewayUrl), '/xapi/statements', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' });

    expect(response.status).toBe(400);
    expect(response.headers.get('x-experience-api-version')).toBe('1.0.3');
    expect(response.body).toMatchObject({ errors: [{ message: 'statementId is required', extensions: { code: 'BAD_USER_INPUT' } }] });
  });

  it('answers 503 while the integrations service is down (413 still at the gateway), so the sender tries again, and accepts the retry', async () => {
    await stack.stopSubgraph('integrations');
    const whileDown = await sendTestEvent(stack, customerEvent('evt_while_down'));
    const oversizedWhileDown = await sendTestEvent(stack, JSON.stringify({ ...customerEvent('evt_big'), padding: 'x'.repeat(MAX_BODY_BYTES) }));
    await stack.restartSubgraph('integrations');
    const retried = await sendTestEvent(stack, customerEvent('evt_while_down'));

    expect(whileDown).toMatchObject({ status: 503, body: { errors: [{ extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'integrations' } }] } });
    expect(oversizedWhileDown.status).toBe(413);
    expect(retried).toMatchObject({ status: 200, body: { received: 1, duplicates: 0 } });
  });
});
