import {
  accountsTestSource,
  INTEGRATION_EVENT_FIELDS,
  listIntegrationEvents,
  sendTestEvent,
  startIntegrationsStack,
  waitForInboxEvent,
  type AccountsTestSource,
  type IntegrationEventView,
  type IntegrationsStack,
} from '../helpers/integrations';
import { postGraphql, testConfig } from '../helpers/stack';

const EVENTS = `query($status: IntegrationEventStatus, $source: IntegrationSource, $first: Int, $after: String) {
  integrationEvents(status: $status, source: $source, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id deliveryId status } } }
}`;
const EVENT = `query($id: ID!) { integrationEvent(id: $id) { ${INTEGRATION_EVENT_FIELDS} } }`;
const REPLAY = `mutation($id: ID!) { replayIntegrationEvent(id: $id) { ${INTEGRATION_EVENT_FIELDS} } }`;

describe('integration events in the graph', () => {
  let stack: IntegrationsStack;
  let source: AccountsTestSource;
  let applied: IntegrationEventView;
  let failed: IntegrationEventView;
  beforeAll(async () => {
    source = accountsTestSource();
    stack = await startIntegrationsStack({
      sources: [source],
      config: testConfig({ HUB_INBOX_POLL_MS: '100', HUB_INBOX_RETRY_BASE_MS: '50', HUB_INBOX_MAX_ATTEMPTS: '2' }),
    });
    await sendTestEvent(stack, { id: 'evt_applied', type: 'customer.subscription.created', data: { customer: 'cus_applied', name: 'Aoba Systems' } });
    applied = await waitForInboxEvent(stack, { source: 'STRIPE', deliveryId: 'evt_applied' });
    await sendTestEvent(stack, { id: 'evt_refused', type: 'customer.subscription.updated', data: { customer: 'cus_refused', name: 'Refused Trading' } });
    failed = await waitForInboxEvent(stack, { source: 'STRIPE', deliveryId: 'evt_refused' }, { isDone: (event) => event.status === 'FAILED' });
  });
  afterAll(() => stack.stop());

  it('lists events newest first, filtered by status and source, with their total', async () => {
    const token = await stack.staffToken();
    const all = await stack.query<{ integrationEvents: { totalCount: number; edges: Array<{ node: { deliveryId: string } }> } }>(EVENTS, { token });
    const failedOnly = await stack.query<{ integrationEvents: { totalCount: number; edges: Array<{ node: { deliveryId: string } }> } }>(EVENTS, { token, variables: { status: 'FAILED' } });
    const otherSource = await stack.query<{ integrationEvents: { totalCount: number } }>(EVENTS, { token, variables: { source: 'ZENDESK' } });

    expect(all.data?.integrationEvents.edges.map((edge) => edge.node.deliveryId)).toEqual(['evt_refused', 'evt_applied']);
    expect(all.data?.integrationEvents.totalCount).toBe(2);
    expect(failedOnly.data?.integrationEvents).toMatchObject({ totalCount: 1, edges: [{ node: { deliveryId: 'evt_refused' } }] });
    expect(otherSource.data?.integrationEvents.totalCount).toBe(0);
  });

  it('keeps a failed event with its error after the last try', () => {
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 2, lastError: 'the test refuses Refused Trading', nextAttemptAt: null, appliedAt: null });
  });

  it('pages with cursors', async () => {
    const token = await stack.staffToken();
    const first = await stack.query<{ integrationEvents: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: { deliveryId: string } }> } }>(EVENTS, { token, variables: { first: 1 } });
    const next = await stack.query<{ integrationEvents: { pageInfo: { hasNextPage: boolean }; edges: Array<{ node: { deliveryId: string } }> } }>(EVENTS, {
      token,
      variables: { first: 1, after: first.data?.integrationEvents.pageInfo.endCursor },
    });

    expect(first.data?.integrationEvents).toMatchObject({ pageInfo: { hasNextPage: true }, edges: [{ node: { deliveryId: 'evt_refused' } }] });
    expect(next.data?.integrationEvents).toMatchObject({ pageInfo: { hasNextPage: false }, edges: [{ node: { deliveryId: 'evt_applied' } }] });
  });

  describe('who may see and replay events', () => {
    const customer = () => stack.customerToken('acc_any', 'usr_any');
    const reader = () => stack.integrationToken(['integrations:read']);
    const writer = () => stack.integrationToken(['integrations:write']);
    const otherIntegration = () => stack.integrationToken(['accounts:write', 'contracts:write']);

    it.each([
      ['staff', 'the events', () => stack.staffToken()],
      ['an integration with integrations:read', 'the events', reader],
      ['a customer', 'FORBIDDEN', customer],
      ['an integration without integrations scopes', 'FORBIDDEN', otherIntegration],
    ])('reading events through the gateway: %s gets %s', async (_caller, outcome, token) => {
      const code = outcome === 'FORBIDDEN' ? outcome : null;
      const list = await stack.query(EVENTS, { token: await token() });
      const one = await stack.query<{ integrationEvent: IntegrationEventView | null }>(EVENT, { token: await token(), variables: { id: applied.id } });

      if (code) {
        expect(list.errors?.[0]?.extensions?.['code']).toBe(code);
        expect(one.errors?.[0]?.extensions?.['code']).toBe(code);
        expect(JSON.stringify([list.data, one.data])).not.toContain('Aoba');
      } else {
        expect(list.errors).toBeUndefined();
        expect(one.data?.integrationEvent).toMatchObject({ deliveryId: 'evt_applied', status: 'APPLIED' });
      }
    });

    it.each([
      ['a customer', 'FORBIDDEN', 'FORBIDDEN', customer],
      ['an integration with integrations:read only', 'the events', 'FORBIDDEN', reader],
      ['nobody (no token)', 'UNAUTHENTICATED', 'UNAUTHENTICATED', async () => null],
    ])('straight at the subgraph: %s reading gets %s, replaying gets %s and nothing is replayed', async (_caller, readOutcome, replayCode, token) => {
      const url = stack.subgraphUrls['integrations']!;
      const read = await postGraphql(url, EVENTS, { token: await token() });
      const replay = await postGraphql<{ replayIntegrationEvent: IntegrationEventView }>(url, REPLAY, { token: await token(), variables: { id: applied.id } });

      expect(read.errors?.[0]?.extensions?.['code']).toBe(readOutcome === 'the events' ? undefined : readOutcome);
      expect(replay.errors?.[0]?.extensions?.['code']).toBe(replayCode);
      expect(replay.data?.replayIntegrationEvent ?? null).toBeNull();
      expect(source.applied.filter((id) => id === 'evt_applied')).toHaveLength(1);
    });

    it('lets an integration with integrations:write replay an event', async () => {
      const result = await stack.query<{ replayIntegrationEvent: IntegrationEventView }>(REPLAY, { token: await writer(), variables: { id: applied.id } });

      expect(result.data?.replayIntegrationEvent).toMatchObject({ deliveryId: 'evt_applied', status: 'APPLIED', attempts: 2 });
    });
  });

  it('replays a FAILED event once its cause is fixed: applied now, attempts and last error kept', async () => {
    source.isRefusing = false;

    const result = await stack.query<{ replayIntegrationEvent: IntegrationEventView }>(REPLAY, { token: await stack.staffToken(), variables: { id: failed.id } });

    expect(result.data?.replayIntegrationEvent).toMatchObject({
      id: failed.id,
      status: 'APPLIED',
      attempts: 3,
      lastError: 'the test refuses Refused Trading',
      result: expect.stringMatching(/^account \S+ upserted$/),
    });
    expect((await listIntegrationEvents(stack, { status: 'FAILED' })).map((event) => event.id)).not.toContain(failed.id);
  });

  it('answers null to staff for an event id that names no event', async () => {
    const result = await stack.query(EVENT, { token: await stack.staffToken(), variables: { id: 'ievt_0000000000000000' } });

    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ integrationEvent: null });
  });

  describe('bad input', () => {
    it.each([
      ['a page size over 100', EVENTS, { first: 101 }, 'first'],
      ['a cursor from elsewhere', EVENTS, { after: 'bm90LWEtY3Vyc29y' }, 'after'],
      ['an id with spaces', EVENT, { id: 'not an id!' }, 'id'],
    ])('refuses %s with BAD_USER_INPUT naming the field', async (_case, query, variables, field) => {
      const result = await stack.query(query, { token: await stack.staffToken(), variables });

      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });

    it('refuses to replay a malformed id with BAD_USER_INPUT, and an unknown one with NOT_FOUND, changing nothing', async () => {
      const before = await listIntegrationEvents(stack);

      const malformed = await stack.query(REPLAY, { token: await stack.staffToken(), variables: { id: 'not an id!' } });
      const unknown = await stack.query(REPLAY, { token: await stack.staffToken(), variables: { id: 'ievt_0000000000000000' } });

      expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
      expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
      expect(await listIntegrationEvents(stack)).toEqual(before);
    });
  });
});
