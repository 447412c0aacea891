import type { HubConfig } from '../../../../kit/config';
import { InboundRejection, type InboundEvent, type InboundRequest } from '../../inbound-source';
import { parseJsonBody } from '../json-body';
import { verifyDiscourseSignature } from './signature';

const badRequest = (message: string) => new InboundRejection(400, 'BAD_USER_INPUT', message);

function header(request: InboundRequest, name: string): string | undefined {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

/**
 * Checks the signature over the raw body, then reads the event's name and delivery id from the
 * headers and its JSON body. The delivery id is the forum's event id, qualified by the forum's
 * address (`X-Discourse-Instance`) so two forums' ids never meet.
 */
export function receiveDiscourse(request: InboundRequest, config: HubConfig): InboundEvent[] {
  verifyDiscourseSignature(request.headers['x-discourse-event-signature'], request.rawBody, config.DISCOURSE_WEBHOOK_SECRET);
  const eventName = header(request, 'x-discourse-event');
  if (!eventName || !/^[a-z_]{1,100}$/.test(eventName)) throw badRequest('The X-Discourse-Event header must name the event, e.g. post_created');
  const eventId = header(request, 'x-discourse-event-id');
  if (!eventId || !/^[\w-]{1,64}$/.test(eventId)) throw badRequest('The X-Discourse-Event-Id header must carry the delivery\'s id');
  const instance = header(request, 'x-discourse-instance')?.slice(0, 200);
  const payload = parseJsonBody(request.rawBody);
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) throw badRequest('The body must be a JSON object');
  return [{ deliveryId: instance ? `${instance}#${eventId}` : eventId, eventType: eventName, payload }];
}
