import { signToken } from '../../subgraphs/kit/auth';
import { InboundRejection, type InboundEvent, type InboundRequest } from '../../subgraphs/integrations/inbound/inbound-source';
import { xapiSource } from '../../subgraphs/integrations/inbound/sources/xapi';
import { testConfig } from '../helpers/stack';
import { appendixAStatementRepaired, xapiSample, xapiSamples } from '../fixtures/xapi/samples';

const config = testConfig({ HUB_XAPI_CREDENTIALS: 'lms-key:Zx81-secret:with-colon,backup:second-S3cret' });
const BASIC = `Basic ${Buffer.from('lms-key:Zx81-secret:with-colon').toString('base64')}`;
const RECEIVED_AT = new Date('2026-03-02T09:30:00.000Z');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function request(body: string | object, options: { method?: string; headers?: Record<string, string>; query?: string } = {}): InboundRequest {
  const method = options.method ?? 'POST';
  return {
    method,
    route: `${method} /xapi/statements`,
    headers: { 'content-type': 'application/json', 'x-experience-api-version': '1.0.3', authorization: BASIC, ...options.headers },
    query: new URLSearchParams(options.query ?? ''),
    rawBody: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
    receivedAt: RECEIVED_AT,
  };
}

function refusal(run: () => unknown): InboundRejection {
  try {
    run();
  } catch (error) {
    if (error instanceof InboundRejection) return error;
    throw error;
  }
  throw new Error('the request was accepted');
}

async function asyncRefusal(run: () => Promise<unknown>): Promise<InboundRejection> {
  const error = await run().then(
    () => new Error('the request was accepted'),
    (thrown: unknown) => thrown,
  );
  if (error instanceof InboundRejection) return error;
  throw error;
}

const receive = (incoming: InboundRequest): InboundEvent[] => xapiSource.receive(incoming, config);
const completed = () => xapiSample('xapi-statement-completed.json');

describe('the xAPI statements resource receiving statements', () => {
  describe('the specification\'s examples', () => {
    it.each(xapiSamples().filter((sample) => sample.file.endsWith('.json')).map((sample) => [sample.file, sample.text]))(
      'accepts %s as published, with its own id as the delivery id',
      (_file, text) => {
        const [event, ...others] = receive(request(text));
        const statement = JSON.parse(text) as { id: string; verb: { id: string } };
        expect(others).toEqual([]);
        expect(event).toMatchObject({ deliveryId: statement.id, eventType: statement.verb.id });
      },
    );

    it('refuses Appendix A\'s statement as published (a raw line break inside a string) with 400 and the parser\'s reason', () => {
      const [sample] = xapiSamples().filter((candidate) => candidate.file.endsWith('.txt'));
      const error = refusal(() => receive(request(sample?.text ?? '')));
      expect(error).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
      expect(error.message).toMatch(/^The body is not valid JSON: .*control character/i);
    });

    it('accepts Appendix A\'s statement once its line breaks are folded', () => {
      expect(receive(request(appendixAStatementRepaired())).map((event) => event.deliveryId)).toEqual(['fd41c918-b88b-4b20-a0a5-a4c32391aaa0']);
    });
  });

  describe('ids, stored times and batches', () => {
    it('assigns a UUID to a statement without id, and keeps the statement as sent with its id, stored time and timestamp', () => {
      const { id: _id, timestamp: _timestamp, ...withoutId } = xapiSample('xapi-statement-experienced.json');
      const [event] = receive(request(withoutId));
      expect(event?.deliveryId).toMatch(UUID);
      expect(event?.payload).toEqual({ ...withoutId, id: event?.deliveryId, timestamp: RECEIVED_AT.toISOString(), stored: RECEIVED_AT.toISOString() });
    });

    it('lower-cases statement ids, so the same statement in other letters is one delivery', () => {
      const [event] = receive(request({ ...completed(), id: 'D1EEC41F-1E93-4ED6-ACBF-5C4BD0C24269' }));
      expect(event?.deliveryId).toBe('d1eec41f-1e93-4ed6-acbf-5c4bd0c24269');
    });

    it('turns an array into one event per statement, in the order sent', () => {
      const events = receive(request([completed(), xapiSample('xapi-statement-simple-created.json'), { ...completed(), id: undefined }]));
      expect(events.map((event) => event.deliveryId)).toEqual(['d1eec41f-1e93-4ed6-acbf-5c4bd0c24269', '12345678-1234-5678-1234-567812345678', expect.stringMatching(UUID)]);
      expect(xapiSource.reply?.(events, request('[]'))).toEqual({
        status: 200,
        body: events.map((event) => event.deliveryId),
        headers: { 'X-Experience-API-Version': '1.0.3' },
      });
    });

    it('refuses a batch naming one statement id twice', () => {
      const error = refusal(() => receive(request([completed(), xapiSample('xapi-statement-experienced.json'), completed()])));
      expect(error).toMatchObject({ status: 400, message: 'Invalid statements.2.id: d1eec41f-1e93-4ed6-acbf-5c4bd0c24269 is used by another statement of this batch' });
    });

    it('refuses an empty batch and an empty body', () => {
      expect(refusal(() => receive(request('[]'))).message).toBe('Invalid statements: must hold at least one statement');
      expect(refusal(() => receive(request(''))).status).toBe(400);
    });
  });

  describe('PUT with statementId', () => {
    const id = 'd1eec41f-1e93-4ed6-acbf-5c4bd0c24269';

    it('stores the one statement under the statementId and answers 204', () => {
      const { id: _id, ...withoutId } = completed();
      const incoming = request(withoutId, { method: 'PUT', query: `statementId=${id}` });
      const events = receive(incoming);
      expect(events.map((event) => event.deliveryId)).toEqual([id]);
      expect(xapiSource.reply?.(events, incoming)).toMatchObject({ status: 204, headers: { 'X-Experience-API-Version': '1.0.3' } });
    });

    it.each([
      ['without statementId', '', completed(), 'Invalid statementId: the query parameter is required'],
      ['with a statementId that is no UUID', 'statementId=42', completed(), 'Invalid statementId: must be a UUID'],
      ['with a body id that differs', 'statementId=6690e6c9-3ef0-4ed3-8b37-7f3964730bee', completed(), `Invalid statement.id: ${id} differs from the statementId parameter 6690e6c9-3ef0-4ed3-8b37-7f3964730bee`],
      ['with an array', `statementId=${id}`, [completed()], 'Invalid statement: PUT takes one statement, not an array'],
    ])('refuses a PUT %s with 400', (_name, query, body, message) => {
      expect(refusal(() => receive(request(body, { method: 'PUT', query })))).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', message });
    });
  });

  describe('invalid statements are refused with 400 naming the field', () => {
    const base = completed();
    it.each([
      ['an actor without identifier', { ...base, actor: { objectType: 'Agent', name: 'Joe Schmoe' } }, 'statement.actor'],
      ['an actor with two identifiers', { ...base, actor: { mbox: 'mailto:joe@example.com', openid: 'http://joe.example.org/' } }, 'statement.actor'],
      ['an mbox that is no mailto IRI', { ...base, actor: { mbox: 'joe@example.com' } }, 'statement.actor.mbox'],
      ['an account without name', { ...base, actor: { account: { homePage: 'http://www.example.com' } } }, 'statement.actor.account.name'],
      ['an anonymous group without members', { ...base, actor: { objectType: 'Group', name: 'Team' } }, 'statement.actor.member'],
      ['no actor', { ...base, actor: undefined }, 'statement.actor'],
      ['a verb id that is no IRI', { ...base, verb: { id: 'completed' } }, 'statement.verb.id'],
      ['no verb', { ...base, verb: undefined }, 'statement.verb'],
      ['no object', { ...base, object: undefined }, 'statement.object'],
      ['an activity without id', { ...base, object: { objectType: 'Activity', definition: {} } }, 'statement.object.id'],
      ['a statement id that is no UUID', { ...base, id: 'statement-1' }, 'statement.id'],
      ['a scaled score above 1', { ...base, result: { score: { scaled: 1.5 } } }, 'statement.result.score.scaled'],
      ['a raw score above max', { ...base, result: { score: { raw: 12, min: 0, max: 10 } } }, 'statement.result.score.raw'],
      ['a duration that is no ISO 8601 duration', { ...base, result: { duration: '20 minutes' } }, 'statement.result.duration'],
      ['a timestamp that is no date-time', { ...base, timestamp: 'yesterday' }, 'statement.timestamp'],
      ['a version of another major', { ...base, version: '2.0.0' }, 'statement.version'],
      ['a voiding statement whose object is an activity', { ...base, verb: { id: 'http://adlnet.gov/expapi/verbs/voided' } }, 'statement.object.objectType'],
    ])('%s', (_name, statement, field) => {
      const error = refusal(() => receive(request(statement)));
      expect(error).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
      expect(error.message.startsWith(`Invalid ${field}:`)).toBe(true);
    });

    it('names the statement\'s position in a batch', () => {
      const error = refusal(() => receive(request([base, { ...base, id: undefined, verb: { id: 'sent' } }])));
      expect(error.message).toMatch(/^Invalid statements\.1\.verb\.id: must be an absolute IRI/);
    });
  });

  describe('the version header', () => {
    it.each(['1.0.0', '1.0.3', '1.0', '1.0.9'])('accepts %s', (version) => {
      expect(receive(request(completed(), { headers: { 'x-experience-api-version': version } }))).toHaveLength(1);
    });

    it.each([
      ['missing', undefined, 'The X-Experience-API-Version header is required (1.0.3)'],
      ['of another major version', '2.0.0', 'X-Experience-API-Version 2.0.0 is not supported: send 1.0.x (1.0.3)'],
      ['0.95', '0.95', 'X-Experience-API-Version 0.95 is not supported: send 1.0.x (1.0.3)'],
    ])('refuses a header %s with 400', (_name, version, message) => {
      const incoming = request(completed());
      if (version === undefined) delete incoming.headers['x-experience-api-version'];
      else incoming.headers['x-experience-api-version'] = version;
      expect(refusal(() => receive(incoming))).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', message });
    });

    it('is sent back with every answer, refusals included', () => {
      expect(xapiSource.answerHeaders).toEqual({ 'X-Experience-API-Version': '1.0.3' });
    });
  });

  describe('credentials', () => {
    it('accepts every configured Basic pair, whose secret may hold colons', () => {
      const backup = `Basic ${Buffer.from('backup:second-S3cret').toString('base64')}`;
      expect(receive(request(completed(), { headers: { authorization: backup } }))).toHaveLength(1);
      expect(receive(request(completed()))).toHaveLength(1);
    });

    it.each([
      ['no credentials', undefined],
      ['a wrong secret', `Basic ${Buffer.from('lms-key:Zx81-secret').toString('base64')}`],
      ['an unknown key', `Basic ${Buffer.from('other:Zx81-secret:with-colon').toString('base64')}`],
      ['a garbled header', 'Basic !!!'],
    ])('refuses %s with 401 before reading the body', (_name, authorization) => {
      const incoming = request('{ not even json', { headers: authorization ? { authorization } : {} });
      if (!authorization) delete incoming.headers.authorization;
      expect(refusal(() => receive(incoming))).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    });

    it('refuses Basic credentials when none are configured', () => {
      const unconfigured = testConfig();
      expect(refusal(() => xapiSource.receive(request(completed()), unconfigured))).toMatchObject({ status: 401 });
    });

    it('accepts an integration token holding learning:write (asynchronous check)', async () => {
      const token = await signToken(config, { subject: 'lms', role: 'integration', scopes: ['learning:write'] });
      const events = await xapiSource.receiveAsync?.(request(completed(), { headers: { authorization: `Bearer ${token}` } }), config);
      expect(events?.map((event) => event.deliveryId)).toEqual(['d1eec41f-1e93-4ed6-acbf-5c4bd0c24269']);
    });

    it('refuses a token without learning:write, or of another role, with 403', async () => {
      const tokens = [
        await signToken(config, { subject: 'lms', role: 'integration', scopes: ['learning:read'] }),
        await signToken(config, { subject: 'staff_1', role: 'staff' }),
      ];
      for (const token of tokens) {
        const incoming = request(completed(), { headers: { authorization: `Bearer ${token}` } });
        expect(await asyncRefusal(() => xapiSource.receiveAsync!(incoming, config))).toMatchObject({ status: 403, code: 'FORBIDDEN' });
      }
    });

    it('refuses a forged or expired token with 401', async () => {
      const forged = await signToken({ ...config, HUB_JWT_SECRET: 'another-secret-of-at-least-32-characters!' }, { subject: 'lms', role: 'integration', scopes: ['learning:write'] });
      const expired = await signToken(config, { subject: 'lms', role: 'integration', scopes: ['learning:write'], expiresIn: '-1s' });
      for (const token of [forged, expired, 'not.a.token']) {
        const incoming = request(completed(), { headers: { authorization: `Bearer ${token}` } });
        expect(await asyncRefusal(() => xapiSource.receiveAsync!(incoming, config))).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
      }
    });

    it('checks Basic credentials on the asynchronous path too, and refuses bearer tokens on the synchronous one', async () => {
      expect(await xapiSource.receiveAsync?.(request(completed()), config)).toHaveLength(1);
      const token = await signToken(config, { subject: 'lms', role: 'integration', scopes: ['learning:write'] });
      expect(refusal(() => receive(request(completed(), { headers: { authorization: `Bearer ${token}` } })))).toMatchObject({ status: 401 });
    });
  });
});
