import type { GraphClient } from '../../../../kit/graph-client';
import type { ZendeskTicket } from './payloads';
import { ticketFieldsOf, ZENDESK, type TicketCommentFields } from './ticket-mapping';

/**
 * Writes a Zendesk ticket to support through the graph: the requester and organization are
 * resolved to the hub's user and account by their Zendesk ids, and an update older than the
 * stored ticket never overwrites it.
 */

/** A requester or organization the hub does not know yet: retried, and replayed after an import. */
export class UnlinkedZendeskRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnlinkedZendeskRecordError';
  }
}

const TICKET_CONTEXT = `query ZendeskTicketContext($ticket: String!, $requester: String!, $organization: String!, $hasOrganization: Boolean!) {
  ticketByExternalId(source: "${ZENDESK}", id: $ticket) { id updatedAt }
  userByExternalId(source: "${ZENDESK}", id: $requester) { id account { id } }
  accountByExternalId(source: "${ZENDESK}", id: $organization) @include(if: $hasOrganization) { id }
}`;

const USER_BY_EMAIL = `query ZendeskRequesterByEmail($email: String!) { userByEmail(email: $email) { id account { id } } }`;

const LINK_REQUESTER = `mutation LinkZendeskRequester($input: UpsertUserInput!) { upsertUser(input: $input) { id account { id } } }`;

const UPSERT_TICKET = `mutation UpsertZendeskTicket($input: UpsertTicketInput!) { upsertTicket(input: $input) { id status } }`;

interface HubUser {
  id: string;
  account: { id: string };
}

interface TicketContext {
  ticketByExternalId: { id: string; updatedAt: string } | null;
  userByExternalId: HubUser | null;
  accountByExternalId?: { id: string } | null;
}

/**
 * The hub user of a requester not linked yet, found by the e-mail the payload carries: the
 * Zendesk id is linked to them (or a user is created in the organization's account, else in the
 * account the e-mail's domain names), so the next event finds them by id.
 */
async function linkRequesterByEmail(graph: GraphClient, ticket: ZendeskTicket, requesterId: string, accountId: string | undefined): Promise<HubUser | null> {
  const email = ticket.requester?.email?.trim();
  if (!email) return null;
  const { userByEmail } = await graph.request<{ userByEmail: HubUser | null }>(USER_BY_EMAIL, { email });
  const name = ticket.requester?.name?.trim() || email.split('@')[0] || email;
  const input = {
    externalIds: [{ source: ZENDESK, id: requesterId }],
    email,
    // Someone the hub knows keeps their name and account; only the Zendesk id is added.
    ...(userByEmail ? {} : { name, ...(accountId ? { accountId } : {}) }),
  };
  const { upsertUser } = await graph.request<{ upsertUser: HubUser }>(LINK_REQUESTER, { input });
  return upsertUser;
}

/** What writing one Zendesk ticket did; `summary` is the inbox's short account of it. */
export interface TicketOutcome {
  change: 'created' | 'updated' | 'unchanged' | 'stale' | 'commented';
  summary: string;
}

/**
 * Upserts the ticket (and the comment, when given). A snapshot as old as the stored ticket
 * changes nothing; an older one changes nothing but its comment. Throws
 * `UnlinkedZendeskRecordError` when the requester or organization is unknown.
 */
export async function applyZendeskTicket(graph: GraphClient, ticket: ZendeskTicket, comment?: TicketCommentFields): Promise<TicketOutcome> {
  const fields = ticketFieldsOf(ticket);
  const requesterId = ticket.requester_id;
  if (!requesterId) throw new UnlinkedZendeskRecordError(`Zendesk ticket ${ticket.id} has no requester_id`);
  const context = await graph.request<TicketContext>(TICKET_CONTEXT, {
    ticket: ticket.id,
    requester: requesterId,
    organization: ticket.organization_id ?? '',
    hasOrganization: ticket.organization_id !== undefined,
  });
  const stored = context.ticketByExternalId;
  const storedAt = stored ? new Date(stored.updatedAt).getTime() : null;
  const sourceAt = ticket.updated_at.getTime();
  if (stored && storedAt !== null && storedAt >= sourceAt) {
    if (!comment) {
      return storedAt === sourceAt
        ? { change: 'unchanged', summary: `unchanged: ticket ${stored.id} already holds Zendesk ticket ${ticket.id} as of ${fields.updatedAt}` }
        : { change: 'stale', summary: `skipped: ticket ${stored.id} changed at ${stored.updatedAt}, after this update (${fields.updatedAt})` };
    }
    // A snapshot arriving late or again: its fields are known or outdated, but its comment may not be.
    await graph.request(UPSERT_TICKET, { input: { id: stored.id, comments: [comment], updatedAt: stored.updatedAt } });
    return { change: 'commented', summary: `ticket ${stored.id}: comment ${comment.id} added; its fields are not newer than the stored ones` };
  }
  const organizationAccount = context.accountByExternalId?.id;
  if (ticket.organization_id && !organizationAccount) {
    throw new UnlinkedZendeskRecordError(
      `Zendesk organization ${ticket.organization_id} (ticket ${ticket.id}) is not linked to an account yet: import the organizations, then replay`,
    );
  }
  const requester = context.userByExternalId ?? (await linkRequesterByEmail(graph, ticket, requesterId, organizationAccount));
  if (!requester) {
    throw new UnlinkedZendeskRecordError(`Zendesk user ${requesterId} (requester of ticket ${ticket.id}) is not linked to a user yet: import the users, then replay`);
  }
  const input = {
    ...fields,
    requesterId: requester.id,
    accountId: organizationAccount ?? requester.account.id,
    ...(comment ? { comments: [comment] } : {}),
  };
  const { upsertTicket } = await graph.request<{ upsertTicket: { id: string; status: string } }>(UPSERT_TICKET, { input });
  const change = stored ? 'updated' : 'created';
  return { change, summary: `ticket ${upsertTicket.id} ${change} from Zendesk ticket ${ticket.id} (${upsertTicket.status})` };
}
