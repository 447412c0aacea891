import { InboundRejection } from '../inbound-source';

/**
 * A verified body's JSON; a 400 refusal with the parser's reason otherwise, so the sender's
 * developer sees what is wrong in the delivery log of their system.
 */
export function parseJsonBody(rawBody: Buffer): unknown {
  if (rawBody.length === 0) throw new InboundRejection(400, 'BAD_USER_INPUT', 'The body is empty');
  try {
    return JSON.parse(rawBody.toString('utf8'));
  } catch (error) {
    throw new InboundRejection(400, 'BAD_USER_INPUT', `The body is not valid JSON: ${(error as Error).message}`);
  }
}
