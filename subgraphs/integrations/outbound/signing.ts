import { randomBytes } from 'node:crypto';
import { bytesFromBase64, hmacSha256 } from '../inbound/sources/signatures';

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): a secret is `whsec_` followed by
 * the base64 of 24–64 random bytes; each request carries `webhook-id`, `webhook-timestamp` and
 * `webhook-signature: v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">` keyed with those bytes.
 */

export const SECRET_PREFIX = 'whsec_';
export const MIN_SECRET_BYTES = 24;
export const MAX_SECRET_BYTES = 64;
const GENERATED_SECRET_BYTES = 32;

/** A new random secret in the standard's form. */
export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(GENERATED_SECRET_BYTES).toString('base64')}`;
}

/** The key bytes of a `whsec_…` secret; null when it is not one (wrong prefix, not base64, wrong length). */
export function webhookSecretBytes(secret: string): Buffer | null {
  if (!secret.startsWith(SECRET_PREFIX)) return null;
  const bytes = bytesFromBase64(secret.slice(SECRET_PREFIX.length));
  return bytes && bytes.length >= MIN_SECRET_BYTES && bytes.length <= MAX_SECRET_BYTES ? bytes : null;
}

function keyOf(secret: string): Buffer {
  const key = webhookSecretBytes(secret);
  if (!key) throw new Error('not a whsec_ secret of 24–64 bytes');
  return key;
}

/** The raw HMAC of one message: what `v1,` is followed by, before base64. */
export function webhookSignatureBytes(secret: string, id: string, timestampSeconds: number, body: string | Buffer): Buffer {
  return hmacSha256(keyOf(secret), `${id}.${timestampSeconds}.`, body);
}

/** `v1,<base64>`: the value of the `webhook-signature` header for one message. */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  return `v1,${webhookSignatureBytes(secret, id, timestampSeconds, body).toString('base64')}`;
}

/** The three headers of one delivery attempt; the timestamp is the attempt's, the id the event's. */
export function signedWebhookHeaders(secret: string, id: string, timestampSeconds: number, body: string): Record<string, string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': signWebhook(secret, id, timestampSeconds, body),
  };
}
