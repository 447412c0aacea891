import { SignJWT } from 'jose';
import { bearerToken, createTokenVerifier, signToken, type AuthSettings } from '../../subgraphs/kit/auth';
import { errorCodeOf } from '../../subgraphs/kit/errors';

const settings: AuthSettings = {
  HUB_JWT_SECRET: 'test-secret-test-secret-test-secret-0001',
  HUB_JWKS_URL: undefined,
  HUB_JWT_ISSUER: 'customer-hub',
  HUB_JWT_AUDIENCE: 'customer-hub',
};
const verifier = createTokenVerifier(settings);

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

async function expectUnauthenticated(token: string, message: RegExp): Promise<void> {
  const error = await verifier.verify(token).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(errorCodeOf(error)).toBe('UNAUTHENTICATED');
  expect((error as Error).message).toMatch(message);
}

describe('token verification', () => {
  it('accepts a customer token and exposes its identity', async () => {
    const token = await signToken(settings, { subject: 'usr_1', role: 'customer', accountId: 'acc_1' });
    await expect(verifier.verify(token)).resolves.toEqual({ subject: 'usr_1', role: 'customer', accountId: 'acc_1', scopes: [] });
  });

  it('keeps integration scopes and drops account ids from non-customers', async () => {
    const token = await signToken(settings, { subject: 'zendesk', role: 'integration', accountId: 'acc_1', scopes: ['accounts:read'] });
    await expect(verifier.verify(token)).resolves.toMatchObject({ role: 'integration', accountId: null, scopes: ['accounts:read'] });
  });

  it('rejects an expired token', async () => {
    const token = await new SignJWT({ role: 'staff' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('staff_1')
      .setIssuer('customer-hub')
      .setAudience('customer-hub')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(settings.HUB_JWT_SECRET));
    await expectUnauthenticated(token, /expired/);
  });

  it('rejects a token signed with another secret', async () => {
    const forged = await signToken({ ...settings, HUB_JWT_SECRET: 'another-secret-another-secret-00000' }, { subject: 's', role: 'staff' });
    await expectUnauthenticated(forged, /Invalid token/);
  });

  it('rejects alg: none', async () => {
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({
      sub: 'staff_1',
      role: 'staff',
      iss: 'customer-hub',
      aud: 'customer-hub',
      exp: Math.floor(Date.now() / 1000) + 3600,
    })}.`;
    await expectUnauthenticated(unsigned, /Invalid token/);
  });

  it('rejects a customer token without account_id', async () => {
    const token = await signToken(settings, { subject: 'usr_1', role: 'customer' });
    await expectUnauthenticated(token, /claims/);
  });

  it('rejects an unknown role', async () => {
    const token = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer('customer-hub')
      .setAudience('customer-hub')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(settings.HUB_JWT_SECRET));
    await expectUnauthenticated(token, /claims/);
  });

  it('rejects a token for another audience', async () => {
    const token = await signToken({ ...settings, HUB_JWT_AUDIENCE: 'other' }, { subject: 's', role: 'staff' });
    await expectUnauthenticated(token, /Invalid token/);
  });
});

describe('bearerToken', () => {
  it('extracts the token from a Bearer header', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer abc')).toBe('abc');
  });

  it('returns null for anything else', () => {
    expect(bearerToken(undefined)).toBeNull();
    expect(bearerToken('Basic dXNlcjpwYXNz')).toBeNull();
    expect(bearerToken('Bearer')).toBeNull();
  });
});
