import { InboundRejection } from '../../inbound-source';
import { bytesFromHex, equalsInConstantTime, hmacSha256 } from '../signatures';

const refuse = (reason: string) => new InboundRejection(401, 'UNAUTHENTICATED', reason);

/**
 * Checks `X-Discourse-Event-Signature: sha256=<hex>`: the HMAC-SHA256 of the raw body with the
 * webhook's secret, compared in constant time. Throws a 401 rejection otherwise, before anything
 * is parsed.
 */
export function verifyDiscourseSignature(header: string | string[] | undefined, rawBody: Buffer, secret: string | undefined): void {
  if (!secret) throw refuse('Discourse webhooks are not accepted: DISCOURSE_WEBHOOK_SECRET is not configured');
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) throw refuse('The X-Discourse-Event-Signature header is missing');
  const match = /^sha256=([0-9a-fA-F]+)$/.exec(value.trim());
  const signature = match?.[1] ? bytesFromHex(match[1]) : null;
  if (!signature) throw refuse('The X-Discourse-Event-Signature header is not of the form sha256=<hex>');
  if (!equalsInConstantTime(hmacSha256(secret, rawBody), signature)) {
    throw refuse('The X-Discourse-Event-Signature does not match the body');
  }
}
