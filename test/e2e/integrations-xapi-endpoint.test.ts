import { InboxRepository } from '../../subgraphs/integrations/inbound/repository';
import { subgraphDatabase } from '../../subgraphs/kit/subgraph-service';
import { appendixAStatementRepaired, xapiSample, xapiSamples } from '../fixtures/xapi/samples';
import { baseUrlOf, sendRaw, type RawResponse } from '../helpers/integrations';
import { startStack, testConfig, type Stack } from '../helpers/stack';

const BASIC = `Basic ${Buffer.from('lms-prod:9f4c2b7e-xapi-secret').toString('base64')}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the xAPI statements resource on the public port', () => {
  let stack: Stack;
  let inbox: InboxRepository;

  beforeAll(async () => {
    // No inbox runs: this file is about what is answered and stored, not applied.
    stack = await startStack({ config: testConfig({ HUB_XAPI_CREDENTIALS: 'lms-prod:9f4c2b7e-xapi-secret', HUB_INBOX_POLL_MS: '0' }) });
    inbox = new InboxRepository(subgraphDatabase(stack, 'integrations'));
  });
  afterAll(() => stack.stop());

  function send(body: string | object, options: { method?: string; query?: string; headers?: Record<string, string | undefined> } = {}): Promise<RawResponse> {
    const headers: Record<string, string> = {};
    const wanted = { 'content-type': 'application/json', 'x-experience-api-version': '1.0.3', authorization: BASIC, ...options.headers };
    for (const [name, value] of Object.entries(wanted)) if (value !== undefined) headers[name] = value;
    return sendRaw(baseUrlOf(stack.gatewayUrl), `/xapi/statements${options.query ?? ''}`, {
      method: options.method ?? 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  const storedIds = async () => (await inbox.events.find({ source: 'xapi' }).toArray()).map((event) => event.deliveryId).sort();

  async function expectNothingStored(run: () => Promise<void>) {
    const before = await storedIds();
    await run();
    expect(await storedIds()).toEqual(before);
  }

  it.each([
    ...xapiSamples().filter((sample) => sample.file.endsWith('.json')).map((sample) => [sample.file, sample.text]),
    ['Appendix A\'s statement with its line breaks folded', appendixAStatementRepaired()],
  ])('accepts %s: 200, its id, the version header, one inbox event', async (_name, text) => {
    const { id, verb } = JSON.parse(text) as { id: string; verb: { id: string } };
    const response = await send(text);
    expect(response).toMatchObject({ status: 200, body: [id] });
    expect(response.headers.get('x-experience-api-version')).toBe('1.0.3');
    expect(await inbox.events.findOne({ source: 'xapi', deliveryId: id })).toMatchObject({ eventType: verb.id, status: 'PENDING', rawBody: text });
  });

  it('answers an array with the ids in order, a new UUID for a statement without one', async () => {
    const { id: _id, ...withoutId } = xapiSample('xapi-statement-experienced.json');
    const first = { ...xapiSample('xapi-statement-completed.json'), id: 'f0a1c2d3-0000-4000-8000-00000000a001' };
    const response = await send([first, withoutId]);
    expect(response.status).toBe(200);
    expect(response.body).toEqual([first.id, expect.stringMatching(UUID)]);
    const assigned = (response.body as string[])[1] ?? '';
    expect(await inbox.events.findOne({ source: 'xapi', deliveryId: assigned })).toMatchObject({ payload: { ...withoutId, id: assigned } });
  });

  it('stores a statement sent twice once, answering its id both times', async () => {
    const statement = { ...xapiSample('xapi-statement-completed.json'), id: 'f0a1c2d3-0000-4000-8000-00000000a002' };
    expect((await send(statement)).body).toEqual([statement.id]);
    expect((await send(statement)).body).toEqual([statement.id]);
    expect(await inbox.events.countDocuments({ source: 'xapi', deliveryId: statement.id })).toBe(1);
  });

  it('refuses a statement id sent again with other content with 409, storing nothing of the request', async () => {
    const statement = { ...xapiSample('xapi-statement-completed.json'), id: 'f0a1c2d3-0000-4000-8000-00000000a0c1' };
    expect((await send(statement)).status).toBe(200);
    const changed = { ...statement, result: { completion: false } };
    const other = { ...xapiSample('xapi-statement-experienced.json'), id: 'f0a1c2d3-0000-4000-8000-00000000a0c2' };
    await expectNothingStored(async () => {
      const response = await send([other, changed]);
      expect(response.status).toBe(409);
      expect(response.headers.get('x-experience-api-version')).toBe('1.0.3');
      expect(response.body).toMatchObject({ errors: [{ message: `${statement.id} was received before with other content`, extensions: { code: 'CONFLICT' } }] });
      expect((await send(changed, { method: 'PUT', query: `?statementId=${statement.id}` })).status).toBe(409);
    });
    // The same statement again, its members in another order and with what the LRS assigns, is no conflict.
    const reordered = { ...Object.fromEntries(Object.entries(statement).reverse()), stored: '2026-11-22T00:00:00Z' };
    expect((await send(reordered, { method: 'PUT', query: `?statementId=${statement.id}` })).status).toBe(204);
  });

  it('takes a PUT under its statementId with 204 and the version header', async () => {
    const { id: _id, ...withoutId } = xapiSample('xapi-statement-experienced.json');
    const statementId = 'f0a1c2d3-0000-4000-8000-00000000a003';
    const response = await send(withoutId, { method: 'PUT', query: `?statementId=${statementId}` });
    expect(response.status).toBe(204);
    expect(response.headers.get('x-experience-api-version')).toBe('1.0.3');
    expect(await inbox.events.findOne({ source: 'xapi', deliveryId: statementId })).toMatchObject({ payload: { id: statementId } });
  });

  it('accepts an integration token holding learning:write instead of Basic credentials', async () => {
    const statement = { ...xapiSample('xapi-statement-experienced.json'), id: 'f0a1c2d3-0000-4000-8000-00000000a004' };
    const token = await stack.integrationToken(['learning:write']);
    expect(await send(statement, { headers: { authorization: `Bearer ${token}` } })).toMatchObject({ status: 200, body: [statement.id] });
  });

  describe('refusals store nothing and still carry the version header', () => {
    const statement = { ...xapiSample('xapi-statement-completed.json'), id: 'f0a1c2d3-0000-4000-8000-00000000a0ff' };

    type Headers = Record<string, string | undefined>;
    it.each<[string, () => Promise<Headers>, number, string]>([
      ['no credentials', async () => ({ authorization: undefined }), 401, 'UNAUTHENTICATED'],
      ['a wrong secret', async () => ({ authorization: `Basic ${Buffer.from('lms-prod:guess').toString('base64')}` }), 401, 'UNAUTHENTICATED'],
      ['a token without learning:write', async () => ({ authorization: `Bearer ${await stack.integrationToken(['learning:read'])}` }), 403, 'FORBIDDEN'],
      ['no version header', async () => ({ 'x-experience-api-version': undefined }), 400, 'BAD_USER_INPUT'],
      ['a version of another major', async () => ({ 'x-experience-api-version': '2.0.0' }), 400, 'BAD_USER_INPUT'],
    ])('%s', async (_name, headers, status, code) => {
      const sent = await headers();
      await expectNothingStored(async () => {
        const response = await send(statement, { headers: sent });
        expect(response.status).toBe(status);
        expect(response.body).toMatchObject({ errors: [{ extensions: { code } }] });
        expect(response.headers.get('x-experience-api-version')).toBe('1.0.3');
      });
    });

    it.each([
      ['an actor without identifier', { ...statement, actor: { name: 'Joe Schmoe' } }, /^Invalid statement\.actor: /],
      ['a verb that is no IRI', { ...statement, verb: { id: 'completed' } }, /^Invalid statement\.verb\.id: /],
      ['no object', { ...statement, object: undefined }, /^Invalid statement\.object: /],
      ['Appendix A\'s statement as published', xapiSamples().find((sample) => sample.file.endsWith('.txt'))?.text ?? '', /^The body is not valid JSON: /],
    ])('an invalid statement: %s gets 400 naming the field', async (_name, body, message) => {
      await expectNothingStored(async () => {
        const response = await send(body);
        expect(response.status).toBe(400);
        expect((response.body as { errors: Array<{ message: string }> }).errors[0]?.message).toMatch(message);
        expect(response.headers.get('x-experience-api-version')).toBe('1.0.3');
      });
    });

    it('refuses a whole batch when one statement in it is invalid', async () => {
      await expectNothingStored(async () => {
        const response = await send([statement, { ...statement, id: undefined, actor: {} }]);
        expect(response.status).toBe(400);
        expect((response.body as { errors: Array<{ message: string }> }).errors[0]?.message).toMatch(/^Invalid statements\.1\.actor: /);
      });
    });

    it('refuses a body over the size limit at the gateway with 413', async () => {
      await expectNothingStored(async () => {
        const response = await send({ ...statement, padding: 'x'.repeat(stack.config.HUB_WEBHOOK_MAX_BODY_BYTES) });
        expect(response.status).toBe(413);
        expect(response.headers.get('x-experience-api-version')).toBe('1.0.3');
      });
    });

    it('refuses a PUT without statementId', async () => {
      await expectNothingStored(async () => {
        expect(await send(statement, { method: 'PUT' })).toMatchObject({ status: 400, body: { errors: [{ message: 'Invalid statementId: the query parameter is required' }] } });
      });
    });
  });
});
