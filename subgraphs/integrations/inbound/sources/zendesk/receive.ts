import type { IncomingHttpHeaders } from 'node:http';
import type { HubConfig } from '../../../../kit/config';
import { InboundRejection, type InboundEvent, type InboundRequest } from '../../inbound-source';
import { parseJsonBody } from '../json-body';
import { bytesFromBase64, equalsInConstantTime, hmacSha256 } from '../signatures';
import { articleBody, ticketTriggerBody, zendeskEvent } from './payloads';

/** The event type of a trigger's body that carries a ticket (Zendesk gives such bodies no type). */
export const TICKET_TRIGGER_EVENT = 'trigger:ticket';
/** The event type of a body that carries a Help Center article object. */
export const ARTICLE_BODY_EVENT = 'article:object';

export const SIGNATURE_HEADER = 'x-zendesk-webhook-signature';
export const TIMESTAMP_HEADER = 'x-zendesk-webhook-signature-timestamp';
const INVOCATION_HEADER = 'x-zendesk-webhook-invocation-id';

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Zendesk signs `timestamp + raw body` with HMAC-SHA256 and sends it base64-encoded. Checked over
 * the raw bytes, in constant time, before anything of the body is read.
 */
export function assertSignedByZendesk(request: InboundRequest, secret: string | undefined): void {
  if (!secret) throw new InboundRejection(401, 'UNAUTHENTICATED', 'Zendesk webhooks are not enabled: the hub has no ZENDESK_WEBHOOK_SECRET');
  const signature = headerValue(request.headers, SIGNATURE_HEADER);
  const timestamp = headerValue(request.headers, TIMESTAMP_HEADER);
  if (!signature || !timestamp) throw new InboundRejection(401, 'UNAUTHENTICATED', 'X-Zendesk-Webhook-Signature and its timestamp header are required');
  const given = bytesFromBase64(signature.trim());
  const expected = hmacSha256(secret, timestamp, request.rawBody);
  if (!given || !equalsInConstantTime(expected, given)) throw new InboundRejection(401, 'UNAUTHENTICATED', 'X-Zendesk-Webhook-Signature does not match the body');
}

function isObjectWith(value: unknown, key: string): boolean {
  return typeof value === 'object' && value !== null && key in value;
}

/**
 * The one event a verified body holds: an event webhook (`zen:event-type:…`, its own id), or a
 * trigger's body with a ticket or an article object. A redelivery carries the same invocation id;
 * without one, an event's id, or a ticket's id and update time, identify the delivery.
 */
export function receiveZendesk(request: InboundRequest, config: Pick<HubConfig, 'ZENDESK_WEBHOOK_SECRET'>): InboundEvent[] {
  assertSignedByZendesk(request, config.ZENDESK_WEBHOOK_SECRET);
  const payload = parseJsonBody(request.rawBody);
  const invocationId = headerValue(request.headers, INVOCATION_HEADER)?.trim() || undefined;
  const event = zendeskEvent.safeParse(payload);
  if (event.success) return [{ deliveryId: invocationId ?? event.data.id, eventType: event.data.type, payload }];
  const trigger = ticketTriggerBody.safeParse(payload);
  if (trigger.success) {
    const { id, updated_at: updatedAt } = trigger.data.ticket;
    return [{ deliveryId: invocationId ?? `ticket:${id}:${updatedAt.toISOString()}`, eventType: TICKET_TRIGGER_EVENT, payload }];
  }
  const article = articleBody.safeParse(payload);
  if (article.success) {
    const { id, updated_at: updatedAt } = article.data.article;
    return [{ deliveryId: invocationId ?? `article:${id}:${updatedAt.toISOString()}`, eventType: ARTICLE_BODY_EVENT, payload }];
  }
  // Name the problem of the shape the body was closest to.
  const closest = isObjectWith(payload, 'ticket') ? trigger.error : isObjectWith(payload, 'article') ? article.error : event.error;
  const [issue] = closest.issues;
  const where = issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'unknown shape';
  throw new InboundRejection(
    400,
    'BAD_USER_INPUT',
    `The body is neither a Zendesk event (id, type zen:event-type:…) nor a body with a ticket or article object (${where})`,
  );
}
