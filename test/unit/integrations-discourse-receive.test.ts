import { loadConfig } from '../../subgraphs/kit/config';
import { InboundRejection, type InboundRequest } from '../../subgraphs/integrations/inbound/inbound-source';
import { receiveDiscourse } from '../../subgraphs/integrations/inbound/sources/discourse/receive';
import { discourseHeaders, discoursePayload } from '../fixtures/discourse/discourse-events';

const SECRET = 'discourse-webhook-secret-0123456789';
const config = loadConfig({ NODE_ENV: 'test', DISCOURSE_WEBHOOK_SECRET: SECRET });

function request(body: string, headers: Record<string, string>): InboundRequest {
  return { method: 'POST', route: 'POST /webhooks/discourse', headers, query: new URLSearchParams(), rawBody: Buffer.from(body), receivedAt: new Date() };
}

function refusal(body: string, headers: Record<string, string>, settings = config): InboundRejection {
  try {
    receiveDiscourse(request(body, headers), settings);
  } catch (error) {
    if (error instanceof InboundRejection) return error;
    throw error;
  }
  throw new Error('the request was accepted');
}

describe('receiving a Discourse web hook', () => {
  const body = JSON.stringify(discoursePayload('post_created.first-post'));

  it('keeps the event under its name, with the forum\'s address and event id as delivery id', () => {
    const [event] = receiveDiscourse(request(body, discourseHeaders('post_created', 9001, body, SECRET)), config);
    expect(event).toEqual({ deliveryId: 'https://community.example.com#9001', eventType: 'post_created', payload: JSON.parse(body) });
  });

  it('refuses a signature made with another secret, or over other bytes, with 401', () => {
    expect(refusal(body, discourseHeaders('post_created', 1, body, 'another-secret'))).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(refusal(`${body} `, discourseHeaders('post_created', 1, body, SECRET)).message).toMatch(/does not match the body/);
  });

  it('refuses a missing or garbled signature header with 401', () => {
    const headers = discourseHeaders('post_created', 1, body, SECRET);
    expect(refusal(body, { ...headers, 'x-discourse-event-signature': '' }).message).toMatch(/missing/);
    expect(refusal(body, { ...headers, 'x-discourse-event-signature': 'sha1=abcd' }).message).toMatch(/sha256=<hex>/);
    expect(refusal(body, { ...headers, 'x-discourse-event-signature': 'sha256=abc' }).status).toBe(401);
  });

  it('refuses everything while no secret is configured, saying so', () => {
    const unconfigured = loadConfig({ NODE_ENV: 'test' });
    expect(refusal(body, discourseHeaders('post_created', 1, body, SECRET), unconfigured).message).toMatch(/DISCOURSE_WEBHOOK_SECRET is not configured/);
  });

  it('checks the signature before reading anything else: unsigned garbage is 401, not 400', () => {
    expect(refusal('{not json', { 'x-discourse-event': 'post_created' }).status).toBe(401);
  });

  it('refuses signed JSON that does not parse with 400 and the reason', () => {
    const broken = '{"post": {"id": 1842,';
    const rejection = refusal(broken, discourseHeaders('post_created', 2, broken, SECRET));
    expect(rejection).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    expect(rejection.message).toMatch(/^The body is not valid JSON: /);
  });

  it('refuses a signed request without its event name or delivery id with 400', () => {
    const headers = discourseHeaders('post_created', 3, body, SECRET);
    const { 'x-discourse-event': _event, ...withoutEvent } = headers;
    const { 'x-discourse-event-id': _id, ...withoutId } = headers;
    expect(refusal(body, withoutEvent).message).toMatch(/X-Discourse-Event header/);
    expect(refusal(body, withoutId).message).toMatch(/X-Discourse-Event-Id header/);
  });

  it('refuses a signed body that is JSON but no object with 400', () => {
    expect(refusal('[1,2]', discourseHeaders('post_created', 4, '[1,2]', SECRET)).message).toBe('The body must be a JSON object');
  });
});
