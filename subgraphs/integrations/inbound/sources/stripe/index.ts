import type { InboundSource } from '../../inbound-source';
import { applyStripeEvent } from './apply-subscription';
import { parseStripeEventBody } from './payloads';
import { verifyStripeSignature } from './signature';

/**
 * Stripe billing webhooks (`POST /webhooks/stripe`): subscription events become contracts. Every
 * verified event is kept, whatever its type; each is one delivery, identified by its `evt_…` id.
 */
export const stripeSource: InboundSource = {
  name: 'stripe',
  routes: ['POST /webhooks/stripe'],
  receive(request, config) {
    verifyStripeSignature(request.headers['stripe-signature'], request.rawBody, config.STRIPE_WEBHOOK_SECRET, request.receivedAt);
    const { event, json } = parseStripeEventBody(request.rawBody);
    return [{ deliveryId: event.id, eventType: event.type, payload: json }];
  },
  apply: (event, graph) => applyStripeEvent(event.payload, graph),
};
