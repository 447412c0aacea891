import { InboundRejection } from '../../inbound-source';
import { bytesFromHex, hmacSha256, matchesAny } from '../signatures';

/** How far the signed timestamp may lie from the time of arrival, as Stripe's own libraries allow. */
export const STRIPE_TOLERANCE_SECONDS = 300;

/** The parts of a `Stripe-Signature` header the hub checks. */
export interface StripeSignatureHeader {
  /** The `t` value exactly as sent: it is what was signed. */
  timestamp: string;
  timestampSeconds: number;
  /** Every `v1` value; there are several while a secret is being rolled. */
  signatures: Buffer[];
}

/**
 * Parses `t=<unix>,v1=<hex>[,v1=<hex>…][,v0=<hex>]`. `v0` (a test-mode scheme) and unknown keys
 * are skipped, as are `v1` values that are not hex. Null when there is not exactly one timestamp
 * or no usable `v1`.
 */
export function parseStripeSignature(header: string): StripeSignatureHeader | null {
  const timestamps: string[] = [];
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === 't') timestamps.push(value);
    const signature = key === 'v1' ? bytesFromHex(value) : null;
    if (signature) signatures.push(signature);
  }
  const [timestamp] = timestamps;
  if (timestamps.length !== 1 || !timestamp || !/^\d{1,12}$/.test(timestamp) || signatures.length === 0) return null;
  return { timestamp, timestampSeconds: Number(timestamp), signatures };
}

const refuse = (reason: string) => new InboundRejection(401, 'UNAUTHENTICATED', reason);

/**
 * Checks that Stripe signed these exact bytes recently: HMAC-SHA256 of `t.rawBody` with the
 * endpoint's secret (the whole `whsec_…` string is the key), compared in constant time with every
 * `v1`. Throws a 401 rejection otherwise, before anything is parsed.
 */
export function verifyStripeSignature(
  header: string | string[] | undefined,
  rawBody: Buffer,
  secret: string | undefined,
  receivedAt: Date,
): void {
  if (!secret) throw refuse('Stripe webhooks are not accepted: STRIPE_WEBHOOK_SECRET is not configured');
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) throw refuse('The Stripe-Signature header is missing');
  const parsed = parseStripeSignature(value);
  if (!parsed) throw refuse('The Stripe-Signature header is not of the form t=<timestamp>,v1=<signature>');
  const expected = hmacSha256(secret, parsed.timestamp, '.', rawBody);
  if (!matchesAny(expected, parsed.signatures)) throw refuse('No v1 signature in the Stripe-Signature header matches the body');
  const ageSeconds = receivedAt.getTime() / 1000 - parsed.timestampSeconds;
  if (Math.abs(ageSeconds) > STRIPE_TOLERANCE_SECONDS) {
    throw refuse(`The Stripe-Signature timestamp is ${Math.round(Math.abs(ageSeconds))} s away from now; at most ${STRIPE_TOLERANCE_SECONDS} s is accepted`);
  }
}
