import { SignJWT } from 'jose';
import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { postGraphql, startStack, TEST_JWT_SECRET, type Stack } from '../helpers/stack';

function unsignedToken(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

async function expiredToken(): Promise<string> {
  return new SignJWT({ role: 'staff' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('staff_1')
    .setIssuer('customer-hub')
    .setAudience('customer-hub')
    .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
    .sign(new TextEncoder().encode(TEST_JWT_SECRET));
}

async function forgedToken(): Promise<string> {
  return new SignJWT({ role: 'staff' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('staff_1')
    .setIssuer('customer-hub')
    .setAudience('customer-hub')
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode('not-the-hub-secret-not-the-hub-secret'));
}

describe('authentication at the gateway and at each subgraph', () => {
  let stack: Stack;
  const mine = buildAccount();
  const theirs = buildAccount();
  const me = buildUser(mine);

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [mine, theirs], [me]);
  });
  afterAll(() => stack.stop());

  const badTokens: Array<[string, () => Promise<string>]> = [
    ['expired', expiredToken],
    ['forged (wrong secret)', forgedToken],
    ['alg: none', async () => unsignedToken({ sub: 'staff_1', role: 'staff', iss: 'customer-hub', aud: 'customer-hub', exp: 4102444800 })],
    ['malformed', async () => 'not-a-jwt'],
  ];

  it('answers a request without a token with UNAUTHENTICATED and 401', async () => {
    const result = await stack.query(`{ viewer { role } }`, { token: null });
    expect(result.status).toBe(401);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it.each(badTokens)('rejects a %s token at the gateway with 401 and a JSON error', async (_name, makeToken) => {
    const result = await stack.query(`{ viewer { role } }`, { token: await makeToken() });
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('answers a request straight to the accounts subgraph without a token with UNAUTHENTICATED', async () => {
    const result = await postGraphql(stack.subgraphUrls['accounts']!, `{ accounts { totalCount } }`);
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(result.data ?? null).toBeNull();
  });

  it.each(badTokens)('rejects a %s token straight at the accounts subgraph', async (_name, makeToken) => {
    const result = await postGraphql(stack.subgraphUrls['accounts']!, `{ accounts { totalCount } }`, { token: await makeToken() });
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it("authorizes _entities like root fields: a customer gets no other account's data from the subgraph", async () => {
    const token = await stack.customerToken(mine._id, me._id);
    const result = await postGraphql<any>(
      stack.subgraphUrls['accounts']!,
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Account { id name } } }`,
      { token, variables: { representations: [{ __typename: 'Account', id: mine._id }, { __typename: 'Account', id: theirs._id }] } },
    );
    expect(result.data._entities[0]).toEqual({ id: mine._id, name: mine.name });
    expect(result.data._entities[1]).toBeNull();
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(JSON.stringify(result)).not.toContain(theirs.name);
  });

  it('forwards the request id to the caller', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await stack.staffToken()}`, 'x-request-id': 'req-test-123' },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('req-test-123');
    expect(await response.json()).toEqual({ data: { viewer: { role: 'STAFF' } } });
  });

  it('blocks simple GET requests that could be cross-site (CSRF prevention)', async () => {
    const url = `${stack.gatewayUrl}?query=${encodeURIComponent('{ viewer { role } }')}`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${await stack.staffToken()}` } });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF|preflight/i);
  });
});
