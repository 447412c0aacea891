import { assertCanReadAccountData, assertPrivileged, canReadAccountData, isPrivileged } from '../kit/access';
import type { Identity } from '../kit/auth';
import { errors } from '../kit/errors';
import type { ArticleDocument, ArticleVisibility, TicketDocument } from './model';

/** Integration scopes this subgraph understands. */
export const SCOPES = { read: 'support:read', write: 'support:write' } as const;
const READ_SCOPES = [SCOPES.read, SCOPES.write];

/** Which tickets a list may contain: every account's (`{}`), or one account's. */
export interface TicketScope {
  accountId?: string;
}

function customerAccountId(identity: Identity): string | null {
  return identity.role === 'customer' ? identity.accountId : null;
}

/**
 * Who may see and change what in the support subgraph: the one place these rules live.
 * Staff and integrations with a support scope see all, internal notes and internal articles
 * included; a customer sees their own account's tickets (public comments only) and public
 * articles; anyone else sees nothing.
 */
export const supportPolicy = {
  canReadEverything(identity: Identity): boolean {
    return isPrivileged(identity, READ_SCOPES);
  },

  assertCanReadAccount(identity: Identity, accountId: string): void {
    assertCanReadAccountData(identity, accountId, READ_SCOPES);
  },

  /**
   * The scope of a ticket list, applied before paging and counting. A customer is confined to
   * their own account; asking for another account's tickets is FORBIDDEN, not an empty list.
   */
  ticketListScope(identity: Identity, requestedAccountId: string | undefined): TicketScope {
    if (this.canReadEverything(identity)) return requestedAccountId ? { accountId: requestedAccountId } : {};
    const own = customerAccountId(identity);
    if (!own) throw errors.forbidden(`listing tickets needs staff, a customer token or one of the scopes ${READ_SCOPES.join(', ')}`);
    if (requestedAccountId && requestedAccountId !== own) throw errors.forbidden(`tickets of account ${requestedAccountId}`);
    return { accountId: own };
  },

  /**
   * The scope of one user's ticket list. We know a user's account only from the tickets they
   * asked (`requesterAccountIds`): a customer gets FORBIDDEN for a user whose tickets all belong
   * to other accounts, and otherwise only tickets of their own account, so a user we hold
   * nothing about yields an empty list, never another account's data.
   */
  userTicketScope(identity: Identity, userId: string, requesterAccountIds: readonly string[]): TicketScope {
    if (this.canReadEverything(identity)) return {};
    const own = customerAccountId(identity);
    if (!own) throw errors.forbidden(`tickets of user ${userId}`);
    if (requesterAccountIds.length > 0 && !requesterAccountIds.includes(own)) throw errors.forbidden(`tickets of user ${userId}`);
    return { accountId: own };
  },

  /** Customers get FORBIDDEN for unknown tickets too, so probing ids tells them nothing. */
  assertCanReadTicket(identity: Identity, id: string, ticket: TicketDocument | null): void {
    if (this.canReadEverything(identity)) return;
    if (!ticket || !canReadAccountData(identity, ticket.accountId, READ_SCOPES)) throw errors.forbidden(`ticket ${id}`);
  },

  /** Internal notes are for staff and integrations; customers neither see nor count them. */
  canSeeInternalComments(identity: Identity): boolean {
    return this.canReadEverything(identity);
  },

  /** External ids, sync times and tags are operational data for staff and integrations only. */
  assertCanSeeInternalFields(identity: Identity): void {
    if (!this.canReadEverything(identity)) throw errors.forbidden('this field is for staff only');
  },

  /** The article visibilities a caller may list; anyone but staff, integrations and customers may list none. */
  readableArticleVisibilities(identity: Identity): readonly ArticleVisibility[] {
    if (this.canReadEverything(identity)) return ['PUBLIC', 'INTERNAL'];
    if (customerAccountId(identity)) return ['PUBLIC'];
    throw errors.forbidden(`reading articles needs staff, a customer token or one of the scopes ${READ_SCOPES.join(', ')}`);
  },

  /** Customers get FORBIDDEN for internal and unknown articles alike. */
  assertCanReadArticle(identity: Identity, id: string, article: ArticleDocument | null): void {
    if (this.canReadEverything(identity)) return;
    const visibilities = this.readableArticleVisibilities(identity);
    if (!article || !visibilities.includes(article.visibility)) throw errors.forbidden(`article ${id}`);
  },

  /** The content feeds carry every account's tickets and the internal articles. */
  assertCanReadContentFeed(identity: Identity): void {
    assertPrivileged(identity, READ_SCOPES, 'reading the support content feeds');
  },

  /** Looking records up by another system's id is how imports match them: staff and integrations only. */
  assertCanLookUpByExternalId(identity: Identity): void {
    assertPrivileged(identity, READ_SCOPES, 'looking up tickets and articles by external id');
  },

  assertCanWrite(identity: Identity): void {
    assertPrivileged(identity, [SCOPES.write], 'writing tickets and articles');
  },

  /** Only a signed-in customer's views count toward their account's self-service rate. */
  viewingAccountId(identity: Identity): string {
    const own = customerAccountId(identity);
    if (!own) throw errors.forbidden('article views are recorded for signed-in customers only');
    return own;
  },
};
