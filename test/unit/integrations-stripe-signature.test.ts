import { createHmac } from 'node:crypto';
import { InboundRejection } from '../../subgraphs/integrations/inbound/inbound-source';
import { parseStripeSignature, verifyStripeSignature } from '../../subgraphs/integrations/inbound/sources/stripe/signature';

const SECRET = 'whsec_test_8fQ2kR4vW9xY1zA3bC5dE7gH';
const BODY = Buffer.from('{"id":"evt_1","object":"event"}');
const NOW = new Date('2026-03-01T12:00:00Z');
const T = Math.floor(NOW.getTime() / 1000);

const sign = (timestamp: number | string, body: Buffer = BODY, secret = SECRET) =>
  createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');

function refusal(header: string | undefined, options: { secret?: string | undefined; body?: Buffer; now?: Date } = {}): InboundRejection | null {
  try {
    verifyStripeSignature(header, options.body ?? BODY, 'secret' in options ? options.secret : SECRET, options.now ?? NOW);
    return null;
  } catch (error) {
    if (error instanceof InboundRejection) return error;
    throw error;
  }
}

describe('Stripe-Signature header', () => {
  it('reads the timestamp and every v1 signature, skipping v0 and unknown keys', () => {
    const parsed = parseStripeSignature(`t=${T},v1=${'ab'.repeat(32)},v0=${'cd'.repeat(32)},v1=${'ef'.repeat(32)},x=1`);
    expect(parsed?.timestampSeconds).toBe(T);
    expect(parsed?.signatures.map((signature) => signature.toString('hex'))).toEqual(['ab'.repeat(32), 'ef'.repeat(32)]);
  });

  it.each([
    ['no timestamp', `v1=${'ab'.repeat(32)}`],
    ['no v1', `t=${T},v0=${'ab'.repeat(32)}`],
    ['two timestamps', `t=${T},t=${T + 1},v1=${'ab'.repeat(32)}`],
    ['a timestamp that is not a number', `t=soon,v1=${'ab'.repeat(32)}`],
    ['a v1 that is not hex', `t=${T},v1=not-hex`],
  ])('is garbled with %s', (_case, header) => {
    expect(parseStripeSignature(header)).toBeNull();
  });
});

describe('verifying a Stripe webhook', () => {
  it('accepts the body Stripe signed within the tolerance', () => {
    expect(refusal(`t=${T - 300},v1=${sign(T - 300)}`)).toBeNull();
    expect(refusal(`t=${T},v1=${sign(T)}`)).toBeNull();
  });

  it('accepts the request when any of several v1 signatures matches, as while a secret is rolled', () => {
    const header = `t=${T},v1=${sign(T, BODY, 'whsec_old_secret')},v1=${sign(T)},v0=${'00'.repeat(32)}`;
    expect(refusal(header)).toBeNull();
  });

  it('refuses a signature made with another secret', () => {
    const refused = refusal(`t=${T},v1=${sign(T, BODY, 'whsec_someone_else')}`);
    expect(refused).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(refused?.message).toMatch(/No v1 signature/);
  });

  it('refuses a body changed after signing', () => {
    expect(refusal(`t=${T},v1=${sign(T)}`, { body: Buffer.from('{"id":"evt_2","object":"event"}') })?.status).toBe(401);
  });

  it('refuses a timestamp 301 s old, or 301 s in the future', () => {
    expect(refusal(`t=${T - 301},v1=${sign(T - 301)}`)?.message).toMatch(/301 s away from now; at most 300 s/);
    expect(refusal(`t=${T + 301},v1=${sign(T + 301)}`)?.status).toBe(401);
  });

  it('refuses a signature over another timestamp than the one sent', () => {
    expect(refusal(`t=${T},v1=${sign(T - 1)}`)?.status).toBe(401);
  });

  it('refuses a missing or garbled header', () => {
    expect(refusal(undefined)?.message).toMatch(/missing/);
    expect(refusal('garbage')?.message).toMatch(/not of the form/);
  });

  it('refuses everything, saying why, while no secret is configured', () => {
    expect(refusal(`t=${T},v1=${sign(T)}`, { secret: undefined })?.message).toMatch(/STRIPE_WEBHOOK_SECRET is not configured/);
  });
});
