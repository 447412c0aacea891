import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { HubConfig } from './config';
import { errors } from './errors';
import type { Logger } from './logger';

export const ROLES = ['staff', 'customer', 'integration'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as proven by a verified token. */
export interface Identity {
  readonly subject: string;
  readonly role: Role;
  /** The customer's account; null for staff and integrations. */
  readonly accountId: string | null;
  readonly scopes: readonly string[];
}

/**
 * Well-known, public development secret: lets `npm start` work with no setup. Refused in
 * production by the config schema, and announced loudly whenever it is used.
 */
export const DEVELOPMENT_JWT_SECRET = 'customer-hub-development-secret-do-not-use-in-production';

const claimsSchema = z
  .object({
    sub: z.string().min(1),
    role: z.enum(ROLES),
    account_id: z.string().min(1).optional(),
    scopes: z.array(z.string().min(1)).default([]),
  })
  .refine((claims) => claims.role !== 'customer' || claims.account_id !== undefined, {
    message: 'customer tokens need account_id',
    path: ['account_id'],
  });

export interface TokenVerifier {
  verify(token: string): Promise<Identity>;
}

export type AuthSettings = Pick<HubConfig, 'HUB_JWT_SECRET' | 'HUB_JWKS_URL' | 'HUB_JWT_ISSUER' | 'HUB_JWT_AUDIENCE'>;

export function usesDevelopmentSecret(settings: AuthSettings): boolean {
  return !settings.HUB_JWKS_URL && !settings.HUB_JWT_SECRET;
}

export function warnIfDevelopmentSecret(settings: AuthSettings, logger: Logger): void {
  if (!usesDevelopmentSecret(settings)) return;
  logger.warn(
    '!!! Using the PUBLIC development JWT secret: anyone can mint tokens. Set HUB_JWT_SECRET or HUB_JWKS_URL before exposing this hub. !!!',
  );
}

function signingSecret(settings: AuthSettings): Uint8Array {
  return new TextEncoder().encode(settings.HUB_JWT_SECRET ?? DEVELOPMENT_JWT_SECRET);
}

/**
 * Verifies bearer tokens: HS256 with the shared secret, or asymmetric keys from a JWKS URL.
 * The algorithm list is fixed, so `alg: none` and algorithm-confusion tokens never verify.
 */
export function createTokenVerifier(settings: AuthSettings): TokenVerifier {
  const key: Uint8Array | JWTVerifyGetKey = settings.HUB_JWKS_URL
    ? createRemoteJWKSet(new URL(settings.HUB_JWKS_URL))
    : signingSecret(settings);
  const algorithms = settings.HUB_JWKS_URL ? ['RS256', 'PS256', 'ES256', 'EdDSA'] : ['HS256'];
  return {
    async verify(token) {
      let payload: unknown;
      try {
        const verified = await jwtVerify(token, key as Uint8Array, {
          algorithms,
          issuer: settings.HUB_JWT_ISSUER,
          audience: settings.HUB_JWT_AUDIENCE,
        });
        payload = verified.payload;
      } catch (error) {
        const reason = (error as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'Token expired' : 'Invalid token';
        throw errors.unauthenticated(reason);
      }
      const claims = claimsSchema.safeParse(payload);
      if (!claims.success) throw errors.unauthenticated('Token claims are invalid');
      const { sub, role, account_id: accountId, scopes } = claims.data;
      return Object.freeze({ subject: sub, role, accountId: role === 'customer' ? (accountId ?? null) : null, scopes });
    },
  };
}

/** `Authorization: Bearer <token>` → the token; anything else → null. */
export function bearerToken(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^Bearer\s+(\S+)\s*$/i.exec(value) : null;
  return match?.[1] ?? null;
}

export interface TokenRequest {
  subject: string;
  role: Role;
  accountId?: string;
  scopes?: readonly string[];
  expiresIn?: string;
}

/** Mints an HS256 token with the configured (or development) secret: for demos, scripts and tests. */
export async function signToken(settings: AuthSettings, request: TokenRequest): Promise<string> {
  const claims: Record<string, unknown> = { role: request.role };
  if (request.accountId) claims['account_id'] = request.accountId;
  if (request.scopes?.length) claims['scopes'] = [...request.scopes];
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.subject)
    .setIssuer(settings.HUB_JWT_ISSUER)
    .setAudience(settings.HUB_JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '12h')
    .sign(signingSecret(settings));
}
