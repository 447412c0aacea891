import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAccount, buildUser } from '../helpers/factories';
import { baseUrlOf, listIntegrationEvents, sendRaw, waitForInboxEvent, type RawResponse } from '../helpers/integrations';
import { searchFollowing, searchUntil } from '../helpers/search';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

const SECRET = 'zendesk-webhook-signing-secret-for-tests';
const ORGANIZATION_ID = '8447346622462';
const REQUESTER_ID = '8447388090494';

const TICKETS = `query($id: ID!) { account(id: $id) {
  support { openTickets urgentOpen csat90d }
  tickets(first: 20) { totalCount edges { node {
    id subject description status priority tags createdAt updatedAt solvedAt firstResponseAt syncedAt
    satisfaction { rating comment } requester { id } externalIds { source id }
    comments { totalCount edges { node { id authorName authorRole body isPublic } } }
  } } }
} }`;

/** A fixture event as Zendesk would send it for ticket `ticketId`, under its own event id. */
function ticketEvent(name: string, ticketId: string, overrides: { detail?: Record<string, unknown> } = {}): Record<string, any> {
  const event = JSON.parse(readFileSync(join(__dirname, '../fixtures/zendesk', name), 'utf8'));
  return { ...event, id: randomUUID(), subject: `zen:ticket:${ticketId}`, detail: { ...event.detail, id: ticketId, ...overrides.detail } };
}

function fixture(name: string): Record<string, any> {
  return JSON.parse(readFileSync(join(__dirname, '../fixtures/zendesk', name), 'utf8'));
}

function signature(body: string, timestamp: string, secret = SECRET): string {
  return createHmac('sha256', secret).update(timestamp + body).digest('base64');
}

async function postToZendeskRoute(stack: Stack, body: string, options: { secret?: string; headers?: Record<string, string> } = {}): Promise<RawResponse> {
  const timestamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return sendRaw(baseUrlOf(stack.gatewayUrl), '/webhooks/zendesk', {
    headers: {
      'content-type': 'application/json',
      'x-zendesk-webhook-id': '01HNXW0E3Q2T0A4P5H2Y5GQ7NB',
      'x-zendesk-webhook-signature': signature(body, timestamp, options.secret),
      'x-zendesk-webhook-signature-timestamp': timestamp,
      ...options.headers,
    },
    body,
  });
}

describe('Zendesk webhooks through the gateway', () => {
  let stack: Stack;
  const account = buildAccount({
    name: 'Sakura Logistics',
    externalIds: [{ source: 'zendesk', id: ORGANIZATION_ID }],
    externalKeys: [`zendesk:${ORGANIZATION_ID}`],
  });
  const requester = buildUser(account, { externalIds: [{ source: 'zendesk', id: REQUESTER_ID }], externalKeys: [`zendesk:${REQUESTER_ID}`] });

  beforeAll(async () => {
    const config = { ...searchFollowing(), ZENDESK_WEBHOOK_SECRET: SECRET, HUB_INBOX_POLL_MS: 100, HUB_INBOX_RETRY_BASE_MS: 60_000 };
    stack = await startStack({ config, arrange: (target) => seedAccounts(target, [account], [requester]) });
  });
  afterAll(() => stack.stop());

  const ticketsOfAccount = async () => {
    const result = await stack.query<any>(TICKETS, { token: await stack.staffToken(), variables: { id: account._id } });
    expect(result.errors).toBeUndefined();
    return result.data.account;
  };
  const ticketWith = async (zendeskId: string) =>
    (await ticketsOfAccount()).tickets.edges.map((edge: any) => edge.node).find((node: any) => node.externalIds.some((external: any) => external.id === zendeskId));
  const deliver = async (event: Record<string, any>) => {
    const response = await postToZendeskRoute(stack, JSON.stringify(event));
    expect(response).toMatchObject({ status: 200, body: { received: 1, duplicates: 0 } });
    return waitForInboxEvent(stack, { source: 'ZENDESK', deliveryId: event['id'] });
  };

  it('puts a ticket.created event in Account.support and the ticket\'s fields, with the Tickets API meanings', async () => {
    const applied = await deliver(ticketEvent('ticket-created-event.json', '40001'));
    expect(applied).toMatchObject({ status: 'APPLIED', eventType: 'zen:event-type:ticket.created', attempts: 1 });

    const customer = await stack.query<any>(`query($id: ID!) { account(id: $id) { support { openTickets urgentOpen } } }`, {
      token: await stack.customerToken(account._id, requester._id),
      variables: { id: account._id },
    });
    expect(customer.data.account.support).toEqual({ openTickets: 1, urgentOpen: 0 });

    expect(await ticketWith('40001')).toMatchObject({
      subject: 'Delivery report CSV export stops at 10,000 rows',
      description: 'Since this morning the CSV export of our delivery report stops at 10,000 rows. We need the full month for our billing run on Friday.',
      status: 'NEW',
      priority: 'HIGH',
      tags: ['csv_export', 'reporting'],
      createdAt: '2026-11-02T01:15:42.000Z',
      updatedAt: '2026-11-02T01:15:42.000Z',
      requester: { id: requester._id },
      externalIds: [{ source: 'zendesk', id: '40001' }],
      satisfaction: null,
      syncedAt: expect.any(String),
    });
  });

  it('makes the ticket findable by the account\'s users in search, through ticketChanges', async () => {
    await deliver(ticketEvent('ticket-created-event.json', '40002', { detail: { subject: 'Pallet labels print upside down', description: 'Every pallet label prints rotated by 180 degrees.' } }));
    const hub = await ticketWith('40002');
    const changes = await stack.query<any>(`{ ticketChanges { edges { node { id title removed } } } }`, { token: await stack.staffToken() });
    expect(changes.data.ticketChanges.edges.map((edge: any) => edge.node)).toContainEqual({ id: hub.id, title: 'Pallet labels print upside down', removed: false });
    const customer = await stack.customerToken(account._id, requester._id);
    const found = await searchUntil(stack, customer, { query: 'pallet labels upside down' }, (view) => view.totalCount > 0, 8_000);
    expect(found.edges[0]?.node.item).toEqual({ __typename: 'Ticket', id: hub.id, subject: 'Pallet labels print upside down' });
  });

  it('follows comment and status events: the agent\'s answer, its first-response time and the solve time', async () => {
    await deliver(ticketEvent('ticket-created-event.json', '40003'));
    await deliver(ticketEvent('ticket-comment-added-event.json', '40003'));
    await deliver(ticketEvent('ticket-status-changed-event.json', '40003'));
    const ticket = await ticketWith('40003');
    expect(ticket).toMatchObject({
      status: 'SOLVED',
      tags: ['csv_export', 'reporting', 'workaround_given'],
      updatedAt: '2026-11-04T08:30:00.000Z',
      solvedAt: '2026-11-04T08:30:00.000Z',
      firstResponseAt: '2026-11-02T03:02:10.114Z',
    });
    expect(ticket.comments.edges.map((edge: any) => edge.node)).toContainEqual({
      id: 'zendesk-8612290384151',
      authorName: 'Kenji Watanabe',
      authorRole: 'AGENT',
      body: 'Thanks for the report. Until the fix ships, export the month in two halves with the date filter; each half stays under the limit.',
      isPublic: true,
    });
  });

  it('never lets an older update arriving late overwrite a newer one', async () => {
    await deliver(ticketEvent('ticket-status-changed-event.json', '40004'));
    const late = await deliver(ticketEvent('ticket-created-event.json', '40004'));
    expect(late).toMatchObject({ status: 'APPLIED', result: expect.stringMatching(/^skipped: /) });
    expect(await ticketWith('40004')).toMatchObject({ status: 'SOLVED', updatedAt: '2026-11-04T08:30:00.000Z' });
  });

  it('changes the data once when the same delivery arrives twice', async () => {
    const event = ticketEvent('ticket-comment-added-event.json', '40005');
    await deliver(event);
    const before = await ticketWith('40005');
    const again = await postToZendeskRoute(stack, JSON.stringify(event));
    expect(again).toMatchObject({ status: 200, body: { received: 0, duplicates: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = await ticketWith('40005');
    expect(after.syncedAt).toBe(before.syncedAt);
    expect(after.comments.totalCount).toBe(1);
    const stored = (await listIntegrationEvents(stack, { source: 'ZENDESK' })).filter((candidate) => candidate.deliveryId === event['id']);
    expect(stored).toHaveLength(1);
  });

  it('refuses a wrong signature with 401 and stores nothing of it', async () => {
    const event = ticketEvent('ticket-created-event.json', '40006');
    const response = await postToZendeskRoute(stack, JSON.stringify(event), { secret: 'not-the-secret' });
    expect(response).toMatchObject({ status: 401, body: { errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] } });
    const stored = await listIntegrationEvents(stack, { source: 'ZENDESK' });
    expect(stored.map((candidate) => candidate.deliveryId)).not.toContain(event['id']);
    expect(await ticketWith('40006')).toBeUndefined();
  });

  it('answers malformed JSON with 400 and the reason, and stores nothing of it', async () => {
    const before = (await listIntegrationEvents(stack, { source: 'ZENDESK' })).length;
    const response = await postToZendeskRoute(stack, '{"id": "broken", "type": "zen:event-type:ticket.created",');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ errors: [{ message: expect.stringMatching(/^The body is not valid JSON: /), extensions: { code: 'BAD_USER_INPUT' } }] });
    expect(await listIntegrationEvents(stack, { source: 'ZENDESK' })).toHaveLength(before);
  });

  it('maps a trigger body\'s ticket with its satisfaction rating into the account\'s CSAT', async () => {
    const body = fixture('trigger-ticket.json');
    body['ticket'].id = 40007;
    const response = await postToZendeskRoute(stack, JSON.stringify(body));
    expect(response.status).toBe(200);
    await waitForInboxEvent(stack, { source: 'ZENDESK', deliveryId: 'ticket:40007:2026-10-30T09:12:45.000Z' });
    expect(await ticketWith('40007')).toMatchObject({
      subject: '請求書の住所が更新されない',
      status: 'CLOSED',
      priority: 'NORMAL',
      satisfaction: { rating: 'GOOD', comment: 'すぐに直していただき助かりました。' },
      solvedAt: '2026-10-30T09:12:45.000Z',
    });
    expect((await ticketsOfAccount()).support.csat90d).toBe(1);
  });

  it('keeps an event of an unlinked organization failing with the reason, and applies it on replay once the account is linked', async () => {
    const event = ticketEvent('ticket-created-event.json', '40008', { detail: { organization_id: '9990001' } });
    await postToZendeskRoute(stack, JSON.stringify(event));
    const waiting = await waitForInboxEvent(stack, { source: 'ZENDESK', deliveryId: event['id'] }, { isDone: (candidate) => candidate.lastError !== null });
    expect(waiting).toMatchObject({ status: 'PENDING', lastError: expect.stringContaining('Zendesk organization 9990001 (ticket 40008) is not linked to an account yet') });

    const staff = await stack.staffToken();
    const link = await stack.query<any>(`mutation($input: UpsertAccountInput!) { upsertAccount(input: $input) { id } }`, {
      token: staff,
      variables: { input: { id: account._id, externalIds: [{ source: 'zendesk', id: '9990001' }] } },
    });
    expect(link.errors).toBeUndefined();
    const replayed = await stack.query<any>(`mutation($id: ID!) { replayIntegrationEvent(id: $id) { status result } }`, { token: staff, variables: { id: waiting.id } });
    expect(replayed.data.replayIntegrationEvent).toEqual({ status: 'APPLIED', result: expect.stringContaining('from Zendesk ticket 40008') });
    expect(await ticketWith('40008')).toMatchObject({ status: 'NEW' });
  });

  it('creates a Help Center article from an article body, and removes it on article.unpublished', async () => {
    const response = await postToZendeskRoute(stack, JSON.stringify(fixture('help-center-article.json')));
    expect(response.status).toBe(200);
    const created = await waitForInboxEvent(stack, { source: 'ZENDESK', deliveryId: 'article:7005414006398:2026-11-05T02:11:40.000Z' });
    expect(created.status).toBe('APPLIED');
    const lookup = `{ articleByExternalId(source: "zendesk", id: "7005414006398") { id title locale section labels url visibility body } }`;
    const staff = await stack.staffToken();
    const article = (await stack.query<any>(lookup, { token: staff })).data.articleByExternalId;
    expect(article).toMatchObject({
      title: '配送レポートを月単位でエクスポートする方法',
      locale: 'ja',
      section: '7005437870078',
      labels: ['csv', 'delivery-report'],
      url: 'https://help.customerhub.example/hc/ja/articles/7005414006398',
      visibility: 'PUBLIC',
      body: expect.stringContaining('## 手順'),
    });

    const unpublished = fixture('article-unpublished-event.json');
    await deliver(unpublished);
    expect((await stack.query<any>(lookup, { token: staff })).data.articleByExternalId).toBeNull();
  });
});
