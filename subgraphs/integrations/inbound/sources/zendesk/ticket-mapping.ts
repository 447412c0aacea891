import type { ZendeskComment, ZendeskTicket } from './payloads';

/** How the hub names Zendesk as the source of an external id. */
export const ZENDESK = 'zendesk';

/** Support's limits on what an upsert may carry (see `subgraphs/support/inputs.ts`). */
const MAX_SUBJECT_LENGTH = 300;
const MAX_DESCRIPTION_LENGTH = 20_000;
const MAX_SATISFACTION_COMMENT_LENGTH = 2_000;
const MAX_TAGS = 50;
const SUPPORT_LABEL = /^[\p{L}\p{N}_:.-]{1,50}$/u;

const STATUSES = { new: 'NEW', open: 'OPEN', pending: 'PENDING', hold: 'ON_HOLD', solved: 'SOLVED', closed: 'CLOSED' } as const;
const PRIORITIES = { urgent: 'URGENT', high: 'HIGH', normal: 'NORMAL', low: 'LOW' } as const;

type SupportStatus = (typeof STATUSES)[keyof typeof STATUSES];
type SupportPriority = (typeof PRIORITIES)[keyof typeof PRIORITIES];

/** The fields of support's `UpsertTicketInput` a Zendesk ticket fills, as GraphQL variables. */
export interface TicketFields {
  externalIds: Array<{ source: string; id: string }>;
  subject: string;
  description: string;
  status: SupportStatus;
  priority?: SupportPriority;
  tags?: string[];
  satisfaction?: { rating: 'GOOD' | 'BAD'; comment: string | null } | null;
  createdAt: string;
  updatedAt: string;
}

/** A comment for `UpsertTicketInput.comments`, keyed by its Zendesk id so a repeat replaces it. */
export interface TicketCommentFields {
  id: string;
  authorName: string;
  authorRole: 'REQUESTER' | 'AGENT';
  body: string;
  isPublic: boolean;
  createdAt: string;
}

function clip(text: string, maxLength: number): string {
  return text.length > maxLength ? text.slice(0, maxLength) : text;
}

/** Zendesk tags are free-form; support keeps lower-case labels without spaces and drops the rest. */
function labelsOf(tags: readonly string[]): string[] {
  const labels = tags.map((tag) => tag.trim().toLowerCase()).filter((tag) => SUPPORT_LABEL.test(tag));
  return [...new Set(labels)].slice(0, MAX_TAGS);
}

/**
 * `offered` and `unoffered` mean nobody rated the ticket yet: no rating. A rating Zendesk does not
 * send at all (event webhooks carry none) leaves the stored one alone.
 */
function satisfactionOf(rating: ZendeskTicket['satisfaction_rating']): TicketFields['satisfaction'] {
  if (rating === undefined) return undefined;
  if (rating === null || rating.score === 'offered' || rating.score === 'unoffered') return null;
  const comment = rating.comment?.trim();
  return { rating: rating.score.startsWith('good') ? 'GOOD' : 'BAD', comment: comment ? clip(comment, MAX_SATISFACTION_COMMENT_LENGTH) : null };
}

/** Whether the ticket is one the hub keeps: deleted tickets (in the incremental export) are not. */
export function isKeptTicket(ticket: ZendeskTicket): boolean {
  return ticket.status !== 'deleted';
}

/**
 * A Zendesk ticket's fields as support stores them, following the Tickets API's meanings:
 * `hold` is ON_HOLD, no priority keeps support's default, the first comment is the description.
 * Zendesk allows an empty subject (it then shows the description), support does not.
 */
export function ticketFieldsOf(ticket: ZendeskTicket): TicketFields {
  const status = ticket.status === 'deleted' ? null : STATUSES[ticket.status];
  if (!status) throw new Error(`Zendesk ticket ${ticket.id} is deleted and is not kept`);
  const description = ticket.description?.trim() || ticket.subject?.trim() || `Zendesk ticket #${ticket.id}`;
  const subject = ticket.subject?.trim() || description.split('\n')[0]?.trim() || `Zendesk ticket #${ticket.id}`;
  const satisfaction = satisfactionOf(ticket.satisfaction_rating);
  return {
    externalIds: [{ source: ZENDESK, id: ticket.id }],
    subject: clip(subject, MAX_SUBJECT_LENGTH),
    description: clip(description, MAX_DESCRIPTION_LENGTH),
    status,
    ...(ticket.priority ? { priority: PRIORITIES[ticket.priority] } : {}),
    ...(ticket.tags ? { tags: labelsOf(ticket.tags) } : {}),
    ...(satisfaction !== undefined ? { satisfaction } : {}),
    createdAt: ticket.created_at.toISOString(),
    updatedAt: ticket.updated_at.toISOString(),
  };
}

/** The comment of a `ticket.comment_added` event; null when it has no text (an attachment alone). */
export function commentFieldsOf(comment: ZendeskComment, writtenAt: Date): TicketCommentFields | null {
  const body = comment.body.trim();
  if (!body) return null;
  return {
    id: `zendesk-${comment.id}`,
    authorName: clip(comment.author?.name?.trim() || 'Zendesk user', 200),
    authorRole: comment.author?.is_staff ? 'AGENT' : 'REQUESTER',
    body: clip(body, MAX_DESCRIPTION_LENGTH),
    isPublic: comment.is_public ?? true,
    createdAt: writtenAt.toISOString(),
  };
}
