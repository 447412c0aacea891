import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InboundRejection, type InboundRequest } from '../../subgraphs/integrations/inbound/inbound-source';
import { zendeskSource } from '../../subgraphs/integrations/inbound/sources/zendesk';

const SECRET = 'dGhpcyBpcyBhIHplbmRlc2sgd2ViaG9vayBzZWNyZXQ=';
const config = { ZENDESK_WEBHOOK_SECRET: SECRET } as Parameters<typeof zendeskSource.receive>[1];
const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/zendesk', name), 'utf8');

function signed(body: string, options: { secret?: string; timestamp?: string; headers?: Record<string, string> } = {}): InboundRequest {
  const timestamp = options.timestamp ?? '2026-11-02T01:15:43Z';
  const signature = createHmac('sha256', options.secret ?? SECRET).update(timestamp + body).digest('base64');
  return {
    method: 'POST',
    route: 'POST /webhooks/zendesk',
    headers: { 'x-zendesk-webhook-signature': signature, 'x-zendesk-webhook-signature-timestamp': timestamp, ...options.headers },
    query: new URLSearchParams(),
    rawBody: Buffer.from(body, 'utf8'),
    receivedAt: new Date('2026-11-02T01:15:44Z'),
  };
}

function rejectionOf(action: () => unknown): InboundRejection {
  try {
    action();
  } catch (error) {
    if (error instanceof InboundRejection) return error;
    throw error;
  }
  throw new Error('expected the request to be refused');
}

describe('receiving Zendesk webhooks', () => {
  it('accepts a signed ticket event, keyed by the event id, with its parsed payload', () => {
    const body = fixture('ticket-created-event.json');
    const [event, ...rest] = zendeskSource.receive(signed(body), config);
    expect(rest).toEqual([]);
    expect(event).toEqual({
      deliveryId: 'cbe4028c-7239-495d-b020-f22348516046',
      eventType: 'zen:event-type:ticket.created',
      payload: JSON.parse(body),
    });
  });

  it('keys a delivery by X-Zendesk-Webhook-Invocation-Id when Zendesk sends one', () => {
    const request = signed(fixture('ticket-created-event.json'), { headers: { 'x-zendesk-webhook-invocation-id': '8350205582' } });
    expect(zendeskSource.receive(request, config)[0]?.deliveryId).toBe('8350205582');
  });

  it('accepts a trigger body carrying a ticket, keyed by the ticket id and its update time', () => {
    const [event] = zendeskSource.receive(signed(fixture('trigger-ticket.json')), config);
    expect(event).toMatchObject({ deliveryId: 'ticket:35501:2026-10-30T09:12:45.000Z', eventType: 'trigger:ticket' });
  });

  it('accepts a body carrying a Help Center article', () => {
    const [event] = zendeskSource.receive(signed(fixture('help-center-article.json')), config);
    expect(event).toMatchObject({ deliveryId: 'article:7005414006398:2026-11-05T02:11:40.000Z', eventType: 'article:object' });
  });

  it('refuses a signature made with another secret with 401', () => {
    const rejection = rejectionOf(() => zendeskSource.receive(signed(fixture('ticket-created-event.json'), { secret: 'another-secret' }), config));
    expect(rejection).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', message: 'X-Zendesk-Webhook-Signature does not match the body' });
  });

  it('checks the signature over the raw bytes: re-serialised JSON with the same meaning is refused', () => {
    const request = signed(fixture('ticket-created-event.json'));
    const tampered = { ...request, rawBody: Buffer.from(JSON.stringify(JSON.parse(request.rawBody.toString('utf8')))) };
    expect(rejectionOf(() => zendeskSource.receive(tampered, config)).status).toBe(401);
  });

  it('signs the timestamp too: the same body with another timestamp header is refused', () => {
    const request = signed(fixture('ticket-created-event.json'));
    const replayed = { ...request, headers: { ...request.headers, 'x-zendesk-webhook-signature-timestamp': '2026-11-03T00:00:00Z' } };
    expect(rejectionOf(() => zendeskSource.receive(replayed, config)).status).toBe(401);
  });

  it('refuses a request without the signature headers, or a garbled signature, with 401', () => {
    const request = signed(fixture('ticket-created-event.json'));
    const unsigned = { ...request, headers: { 'content-type': 'application/json' } };
    expect(rejectionOf(() => zendeskSource.receive(unsigned, config))).toMatchObject({
      status: 401,
      message: 'X-Zendesk-Webhook-Signature and its timestamp header are required',
    });
    const garbled = { ...request, headers: { ...request.headers, 'x-zendesk-webhook-signature': 'not base64!' } };
    expect(rejectionOf(() => zendeskSource.receive(garbled, config)).status).toBe(401);
  });

  it('refuses every request with 401 while no webhook secret is configured', () => {
    const rejection = rejectionOf(() => zendeskSource.receive(signed(fixture('ticket-created-event.json')), {} as typeof config));
    expect(rejection).toMatchObject({ status: 401, message: expect.stringContaining('ZENDESK_WEBHOOK_SECRET') });
  });

  it('answers malformed JSON with 400 and the parser\'s reason, after the signature passed', () => {
    const rejection = rejectionOf(() => zendeskSource.receive(signed('{"type": "zen:event-type:ticket.created",'), config));
    expect(rejection).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', message: expect.stringMatching(/^The body is not valid JSON: /) });
  });

  it('answers JSON that is no Zendesk payload with 400 naming what is missing', () => {
    expect(rejectionOf(() => zendeskSource.receive(signed('{"hello": "world"}'), config))).toMatchObject({
      status: 400,
      message: expect.stringContaining('id: '),
    });
    const badTicket = JSON.stringify({ ticket: { id: 1, status: 'archived', created_at: '2026-11-01T00:00:00Z', updated_at: '2026-11-01T00:00:00Z' } });
    expect(rejectionOf(() => zendeskSource.receive(signed(badTicket), config))).toMatchObject({
      status: 400,
      message: expect.stringContaining('ticket.status: must be one of new, open, pending, hold, solved, closed, deleted'),
    });
  });

  it('answers on the public route POST /webhooks/zendesk', () => {
    expect(zendeskSource.routes).toEqual(['POST /webhooks/zendesk']);
    expect(zendeskSource.name).toBe('zendesk');
  });
});
