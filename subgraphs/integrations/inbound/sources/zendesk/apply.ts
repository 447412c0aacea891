import { z } from 'zod';
import type { GraphClient } from '../../../../kit/graph-client';
import type { StoredInboundEvent } from '../../inbound-source';
import { applyHelpCenterArticle, applyPublishedArticle, removeZendeskArticle } from './article-apply';
import { articleBody, articleEventDetail, commentAddedEvent, ticketTriggerBody, zendeskEvent, zendeskId, zendeskTicket } from './payloads';
import { ARTICLE_BODY_EVENT, TICKET_TRIGGER_EVENT } from './receive';
import { applyZendeskTicket } from './ticket-apply';
import { commentFieldsOf } from './ticket-mapping';

const EVENT_PREFIX = 'zen:event-type:';

/**
 * Ticket events whose `detail` is the ticket as it now is: each one upserts that snapshot. Other
 * ticket events (deletions, merges, attachments, followers…) change nothing the hub keeps.
 */
const TICKET_SNAPSHOT_EVENTS = new Set([
  'ticket.created',
  'ticket.status_changed',
  'ticket.custom_status_changed',
  'ticket.priority_changed',
  'ticket.tags_changed',
  'ticket.comment_added',
  'ticket.subject_changed',
  'ticket.description_changed',
  'ticket.organization_changed',
  'ticket.requester_changed',
]);

const publishedArticleEvent = z.looseObject({
  title: z.string().nullish(),
  locale: z.string().nullish(),
  section_id: zendeskId.nullish(),
});

/** Parses a stored payload again; a shape that does not fit fails the event, naming the field. */
function parsePart<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => `${[what, ...issue.path.map(String)].join('.')}: ${issue.message}`);
  throw new Error(`The Zendesk ${what} does not fit the documented shape: ${issues.join('; ')}`);
}

/** When an event happened: its `time`, else the moment the hub received it. */
function eventTime(time: string | undefined, receivedAt: Date): Date {
  const parsed = time ? new Date(time) : null;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : receivedAt;
}

async function applyEventWebhook(event: StoredInboundEvent, graph: GraphClient): Promise<string> {
  const envelope = parsePart(zendeskEvent, event.payload, 'event');
  const type = envelope.type.slice(EVENT_PREFIX.length);
  const at = eventTime(envelope.time, event.receivedAt);
  if (TICKET_SNAPSHOT_EVENTS.has(type)) {
    const ticket = parsePart(zendeskTicket, envelope.detail, 'detail');
    if (type !== 'ticket.comment_added') return (await applyZendeskTicket(graph, ticket)).summary;
    const { comment } = parsePart(commentAddedEvent, envelope.event, 'event');
    return (await applyZendeskTicket(graph, ticket, commentFieldsOf(comment, at) ?? undefined)).summary;
  }
  if (type === 'article.published') {
    const { id } = parsePart(articleEventDetail, envelope.detail, 'detail');
    const published = parsePart(publishedArticleEvent, envelope.event ?? {}, 'event');
    return applyPublishedArticle(graph, { id, title: published.title ?? undefined, locale: published.locale ?? undefined, sectionId: published.section_id ?? undefined, at });
  }
  if (type === 'article.unpublished') {
    const { id } = parsePart(articleEventDetail, envelope.detail, 'detail');
    return removeZendeskArticle(graph, id, at);
  }
  return `ignored: ${envelope.type} changes nothing the hub keeps`;
}

/** Applies one stored Zendesk event through the graph; see `InboundSource.apply`. */
export async function applyZendeskEvent(event: StoredInboundEvent, graph: GraphClient): Promise<string> {
  switch (event.eventType) {
    case TICKET_TRIGGER_EVENT:
      return (await applyZendeskTicket(graph, parsePart(ticketTriggerBody, event.payload, 'body').ticket)).summary;
    case ARTICLE_BODY_EVENT:
      return applyHelpCenterArticle(graph, parsePart(articleBody, event.payload, 'body').article);
    default:
      return applyEventWebhook(event, graph);
  }
}
