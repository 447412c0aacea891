import { generateWebhookSecret, signedWebhookHeaders, signWebhook, webhookSecretBytes } from '../../subgraphs/integrations/outbound/signing';
import { verifyWebhook } from '../../subgraphs/integrations/outbound/verify';

// The example the Standard Webhooks specification publishes with its reference libraries.
const SPEC_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const SPEC_ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const SPEC_TIMESTAMP = 1614265330;
const SPEC_BODY = '{"test": 2432232314}';
const SPEC_SIGNATURE = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';

const atSpecTime = new Date(SPEC_TIMESTAMP * 1000);
const specHeaders = { 'webhook-id': SPEC_ID, 'webhook-timestamp': String(SPEC_TIMESTAMP), 'webhook-signature': SPEC_SIGNATURE };
const secretOfBytes = (count: number) => `whsec_${Buffer.alloc(count, 7).toString('base64')}`;

describe('Standard Webhooks signatures', () => {
  it("signs the specification's example exactly as its reference libraries do", () => {
    expect(signWebhook(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY)).toBe(SPEC_SIGNATURE);
  });

  it('puts the id, the timestamp and the signature in the three standard headers', () => {
    expect(signedWebhookHeaders(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY)).toEqual(specHeaders);
  });

  it('generates whsec_ secrets of 32 random bytes, a different one each time', () => {
    const [first, second] = [generateWebhookSecret(), generateWebhookSecret()];
    expect(first).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(webhookSecretBytes(first)).toHaveLength(32);
    expect(first).not.toBe(second);
  });

  it.each([
    ['24 bytes, the least allowed', secretOfBytes(24), 24],
    ['64 bytes, the most allowed', secretOfBytes(64), 64],
    ['23 bytes', secretOfBytes(23), null],
    ['65 bytes', secretOfBytes(65), null],
    ['no whsec_ prefix', secretOfBytes(32).slice('whsec_'.length), null],
    ['characters outside base64', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLa!w', null],
  ])('reads a secret of %s', (_case, secret, expectedLength) => {
    expect(webhookSecretBytes(secret)?.length ?? null).toBe(expectedLength);
  });
});

describe('verifying a received webhook', () => {
  const verify = (overrides: Partial<Parameters<typeof verifyWebhook>[0]> = {}) =>
    verifyWebhook({ secret: SPEC_SECRET, headers: specHeaders, body: SPEC_BODY, now: atSpecTime, ...overrides });

  it("accepts the specification's example, from a string or the raw bytes", () => {
    expect(verify()).toEqual({ valid: true, id: SPEC_ID, timestampSeconds: SPEC_TIMESTAMP });
    expect(verify({ body: Buffer.from(SPEC_BODY) }).valid).toBe(true);
  });

  it('accepts a header listing several signatures when one of them matches', () => {
    const headers = { ...specHeaders, 'webhook-signature': `v1,bm90IHRoZSByaWdodCBzaWduYXR1cmUgYXQgYWxs ${SPEC_SIGNATURE}` };
    expect(verify({ headers }).valid).toBe(true);
  });

  it.each([
    ['a body changed by one character', { body: '{"test": 2432232315}' }, 'NO_MATCHING_SIGNATURE'],
    ['another secret', { secret: secretOfBytes(32) }, 'NO_MATCHING_SIGNATURE'],
    ['another webhook id', { headers: { ...specHeaders, 'webhook-id': 'msg_other' } }, 'NO_MATCHING_SIGNATURE'],
    ['a signature of another version', { headers: { ...specHeaders, 'webhook-signature': SPEC_SIGNATURE.replace('v1,', 'v2,') } }, 'NO_MATCHING_SIGNATURE'],
    ['a timestamp six minutes old', { now: new Date(atSpecTime.getTime() + 360_000) }, 'TIMESTAMP_OUT_OF_TOLERANCE'],
    ['a timestamp six minutes ahead', { now: new Date(atSpecTime.getTime() - 360_000) }, 'TIMESTAMP_OUT_OF_TOLERANCE'],
    ['a timestamp that is not a number', { headers: { ...specHeaders, 'webhook-timestamp': '2021-02-25' } }, 'BAD_TIMESTAMP'],
    ['no signature header', { headers: { 'webhook-id': SPEC_ID, 'webhook-timestamp': String(SPEC_TIMESTAMP) } }, 'MISSING_HEADER'],
    ['a secret not in whsec_ form', { secret: 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }, 'BAD_SECRET'],
  ])('refuses %s', (_case, overrides, reason) => {
    expect(verify(overrides)).toEqual({ valid: false, reason });
  });

  it('accepts a timestamp within the five minutes either way', () => {
    expect(verify({ now: new Date(atSpecTime.getTime() + 299_000) }).valid).toBe(true);
    expect(verify({ now: new Date(atSpecTime.getTime() - 299_000) }).valid).toBe(true);
  });
});
