import { createHash } from 'node:crypto';
import { bearerToken, createTokenVerifier, type Identity, type TokenVerifier } from '../../../../kit/auth';
import type { HubConfig } from '../../../../kit/config';
import { InboundRejection, type InboundRequest } from '../../inbound-source';
import { equalsInConstantTime } from '../signatures';

/** The scope a hub token needs to send statements: they end up as learning records. */
export const STATEMENTS_SCOPE = 'learning:write';

const unauthenticated = (message: string) => new InboundRejection(401, 'UNAUTHENTICATED', message);

/** Digests have one length whatever was sent, so comparing them takes the same time for every guess. */
const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

function headerValue(request: InboundRequest): string | undefined {
  const value = request.headers.authorization;
  return Array.isArray(value) ? value[0] : value;
}

/** `key:secret` pairs from HUB_XAPI_CREDENTIALS (the config has checked their shape). */
function configuredPairs(config: HubConfig): string[] {
  return config.HUB_XAPI_CREDENTIALS?.split(',') ?? [];
}

/**
 * Whether the request carries HTTP Basic credentials: a pair configured in HUB_XAPI_CREDENTIALS.
 * Every configured pair is compared, in constant time, so timing tells neither the key nor the
 * secret. Throws 401 for a Basic header that matches none.
 */
export function checkBasicCredentials(request: InboundRequest, config: HubConfig): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(headerValue(request) ?? '');
  if (!match?.[1]) return false;
  const sent = digest(Buffer.from(match[1], 'base64').toString('utf8'));
  let isKnown = false;
  for (const pair of configuredPairs(config)) isKnown = equalsInConstantTime(digest(pair), sent) || isKnown;
  if (!isKnown) throw unauthenticated('The Basic credentials are not valid');
  return true;
}

/** One verifier per configuration, so keys fetched from a JWKS URL are cached between requests. */
const verifiers = new WeakMap<HubConfig, TokenVerifier>();

function verifierFor(config: HubConfig): TokenVerifier {
  let verifier = verifiers.get(config);
  if (!verifier) {
    verifier = createTokenVerifier(config);
    verifiers.set(config, verifier);
  }
  return verifier;
}

/**
 * Checks a bearer token: a hub token of an integration holding `learning:write`. A token that
 * does not verify gets 401; a valid one without that role and scope gets 403.
 */
export async function checkBearerToken(request: InboundRequest, config: HubConfig): Promise<Identity> {
  const token = bearerToken(request.headers.authorization);
  if (!token) throw unauthenticated('Send HTTP Basic credentials or a bearer token');
  let identity: Identity;
  try {
    identity = await verifierFor(config).verify(token);
  } catch {
    throw unauthenticated('The bearer token is not valid');
  }
  if (identity.role !== 'integration' || !identity.scopes.includes(STATEMENTS_SCOPE)) {
    throw new InboundRejection(403, 'FORBIDDEN', `Sending statements needs an integration token with the scope ${STATEMENTS_SCOPE}`);
  }
  return identity;
}

/**
 * The synchronous check: HTTP Basic only, since a bearer token can only be verified
 * asynchronously. Throws 401 for anything else.
 */
export function checkCredentialsNow(request: InboundRequest, config: HubConfig): void {
  if (checkBasicCredentials(request, config)) return;
  if (bearerToken(request.headers.authorization)) throw unauthenticated('Bearer tokens are not accepted on this route; send HTTP Basic credentials');
  throw unauthenticated('Send HTTP Basic credentials or a bearer token');
}

/** The full check: HTTP Basic credentials, or else a bearer token. */
export async function checkCredentials(request: InboundRequest, config: HubConfig): Promise<void> {
  if (checkBasicCredentials(request, config)) return;
  await checkBearerToken(request, config);
}
