import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { createTokenVerifier, DEVELOPMENT_JWT_SECRET, type TokenVerifier } from '../../subgraphs/kit/auth';
import { errorCodeOf } from '../../subgraphs/kit/errors';

const KEY_ID = 'hub-test-key-1';

/** Serves `{ keys }` as a JWKS document, like an identity provider's `/.well-known/jwks.json`. */
async function startJwksServer(keys: JWK[]): Promise<{ server: Server; url: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json` };
}

function customerToken(protectedHeader: { alg: string; kid?: string }) {
  return new SignJWT({ role: 'customer', account_id: 'acc_1' })
    .setProtectedHeader({ ...protectedHeader, typ: 'JWT' })
    .setSubject('usr_1')
    .setIssuer('customer-hub')
    .setAudience('customer-hub')
    .setIssuedAt()
    .setExpirationTime('1h');
}

async function rejectionOf(verifier: TokenVerifier, token: string): Promise<unknown> {
  return verifier.verify(token).then(
    () => null,
    (caught: unknown) => caught,
  );
}

describe('token verification against a JWKS (HUB_JWKS_URL)', () => {
  let server: Server;
  let verifier: TokenVerifier;
  let privateKey: CryptoKey;
  let publicJwk: JWK;
  let publicPem: string;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    privateKey = pair.privateKey;
    publicJwk = { ...(await exportJWK(pair.publicKey)), kid: KEY_ID, alg: 'RS256' };
    publicPem = await exportSPKI(pair.publicKey);
    const jwks = await startJwksServer([publicJwk]);
    server = jwks.server;
    verifier = createTokenVerifier({
      HUB_JWKS_URL: jwks.url,
      HUB_JWT_SECRET: undefined,
      HUB_JWT_ISSUER: 'customer-hub',
      HUB_JWT_AUDIENCE: 'customer-hub',
    });
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('accepts an RS256 token signed with the published key and exposes its identity', async () => {
    const token = await customerToken({ alg: 'RS256', kid: KEY_ID }).sign(privateKey);
    await expect(verifier.verify(token)).resolves.toEqual({ subject: 'usr_1', role: 'customer', accountId: 'acc_1', scopes: [] });
  });

  it('rejects a token signed by another RSA key that claims the same kid', async () => {
    const impostor = await generateKeyPair('RS256');
    const token = await customerToken({ alg: 'RS256', kid: KEY_ID }).sign(impostor.privateKey);
    const error = await rejectionOf(verifier, token);
    expect(errorCodeOf(error)).toBe('UNAUTHENTICATED');
    expect((error as Error).message).toBe('Invalid token');
  });

  // Algorithm confusion: an attacker who knows the public key uses it as an HMAC secret.
  const hmacSecrets: Array<[string, () => Uint8Array]> = [
    ['the public key modulus', () => Buffer.from(publicJwk.n ?? '', 'base64url')],
    ['the public key PEM', () => new TextEncoder().encode(publicPem)],
    ['the development secret', () => new TextEncoder().encode(DEVELOPMENT_JWT_SECRET)],
  ];

  it.each(hmacSecrets)('rejects an HS256 token signed with %s', async (_name, secret) => {
    const token = await customerToken({ alg: 'HS256', kid: KEY_ID }).sign(secret());
    const error = await rejectionOf(verifier, token);
    expect(errorCodeOf(error)).toBe('UNAUTHENTICATED');
    expect((error as Error).message).toBe('Invalid token');
  });
});
