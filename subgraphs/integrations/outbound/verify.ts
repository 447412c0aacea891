import { equalsInConstantTime } from '../inbound/sources/signatures';
import { webhookSecretBytes, webhookSignatureBytes } from './signing';

/**
 * How a receiver checks a webhook from the hub (the same steps any Standard Webhooks library
 * takes): read the three headers, refuse a timestamp more than `toleranceSeconds` away from its
 * clock (a replayed request), compute the HMAC over `{webhook-id}.{webhook-timestamp}.{raw body}`
 * with the subscription's secret, and accept when any `v1,` entry of `webhook-signature` equals
 * it, compared in constant time. The raw body must be the bytes received, before any JSON parsing.
 */

export type WebhookVerification =
  | { valid: true; id: string; timestampSeconds: number }
  | { valid: false; reason: 'MISSING_HEADER' | 'BAD_TIMESTAMP' | 'TIMESTAMP_OUT_OF_TOLERANCE' | 'BAD_SECRET' | 'NO_MATCHING_SIGNATURE' };

export interface VerifyWebhookOptions {
  /** The subscription's `whsec_…` secret. */
  secret: string;
  /** Request headers, names lower-cased (as Node gives them). */
  headers: Record<string, string | string[] | undefined>;
  /** The raw request body. */
  body: string | Buffer;
  /** Seconds the timestamp may differ from `now`; 5 minutes, as the standard recommends. */
  toleranceSeconds?: number;
  now?: Date;
}

const DEFAULT_TOLERANCE_SECONDS = 300;

function header(headers: VerifyWebhookOptions['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Verifies one received webhook; never throws. */
export function verifyWebhook(options: VerifyWebhookOptions): WebhookVerification {
  const id = header(options.headers, 'webhook-id');
  const timestamp = header(options.headers, 'webhook-timestamp');
  const signatures = header(options.headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) return { valid: false, reason: 'MISSING_HEADER' };
  if (!/^\d{1,12}$/.test(timestamp)) return { valid: false, reason: 'BAD_TIMESTAMP' };
  const timestampSeconds = Number(timestamp);
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - timestampSeconds) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) {
    return { valid: false, reason: 'TIMESTAMP_OUT_OF_TOLERANCE' };
  }
  if (!webhookSecretBytes(options.secret)) return { valid: false, reason: 'BAD_SECRET' };
  const expected = webhookSignatureBytes(options.secret, id, timestampSeconds, options.body);
  // Several space-separated entries may be sent (e.g. during a secret rotation); every one is compared.
  let matched = false;
  for (const entry of signatures.split(' ')) {
    const [version, value] = entry.split(',', 2);
    if (version !== 'v1' || !value) continue;
    matched = equalsInConstantTime(expected, Buffer.from(value, 'base64')) || matched;
  }
  return matched ? { valid: true, id, timestampSeconds } : { valid: false, reason: 'NO_MATCHING_SIGNATURE' };
}
