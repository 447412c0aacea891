import { assertPrivileged, canReadAccountData, isPrivileged } from '../kit/access';
import type { Identity } from '../kit/auth';
import { errors } from '../kit/errors';
import type { MemberDocument, PostDocument, ReplyDocument } from './model';

/** Integration scopes this subgraph understands. */
export const SCOPES = { read: 'community:read', write: 'community:write' } as const;
const READ_SCOPES = [SCOPES.read, SCOPES.write];
const WRITE_SCOPES = [SCOPES.write];

/**
 * Which posts a caller may see, for lists that must be filtered before paging and counting:
 * everything, or public posts plus one account's own posts.
 */
export type PostAudience = { everything: true } | { everything: false; accountId: string };

/** The user and account a post or reply is written for. */
export interface Authorship {
  userId: string;
  accountId: string;
}

/**
 * Who may see and change what in the community subgraph: the one place these rules live.
 * Staff (and integrations with a community scope) see everything. Every customer reads public
 * community content: public posts, their authors' profiles, events. Account-only posts, private
 * profiles and links to users and accounts are for that account's own users.
 */
export const communityPolicy = {
  canReadEverything(identity: Identity): boolean {
    return isPrivileged(identity, READ_SCOPES);
  },

  canReadAccount(identity: Identity, accountId: string): boolean {
    return canReadAccountData(identity, accountId, READ_SCOPES);
  },

  assertCanReadAccount(identity: Identity, accountId: string): void {
    if (!this.canReadAccount(identity, accountId)) throw errors.forbidden(`community data of account ${accountId}`);
  },

  /** An integration without a community scope is the only caller kept from public content. */
  assertCanReadPublicContent(identity: Identity): void {
    if (identity.role === 'customer') return;
    assertPrivileged(identity, READ_SCOPES, 'reading the community');
  },

  postAudience(identity: Identity): PostAudience {
    this.assertCanReadPublicContent(identity);
    if (this.canReadEverything(identity)) return { everything: true };
    // Customer tokens always carry an account; without one, only public posts remain.
    return { everything: false, accountId: identity.accountId ?? '' };
  },

  canReadPost(identity: Identity, post: PostDocument): boolean {
    if (this.canReadEverything(identity)) return true;
    if (identity.role !== 'customer') return false;
    return post.visibility === 'PUBLIC' || identity.accountId === post.accountId;
  },

  assertCanReadPost(identity: Identity, post: PostDocument): void {
    if (!this.canReadPost(identity, post)) throw errors.forbidden(`post ${post._id}`);
  },

  /** A profile is public once its member wrote public content; before that it is their account's. */
  assertCanReadMember(identity: Identity, member: MemberDocument): void {
    this.assertCanReadPublicContent(identity);
    if (member.hasPublicContent || this.canReadAccount(identity, member.accountId)) return;
    throw errors.forbidden(`community member ${member._id}`);
  },

  /** External ids and sync times are operational data for staff and integrations only. */
  assertCanSeeInternalFields(identity: Identity): void {
    if (!this.canReadEverything(identity)) throw errors.forbidden('this field is for staff only');
  },

  assertCanWrite(identity: Identity): void {
    if (identity.role === 'customer') return;
    assertPrivileged(identity, WRITE_SCOPES, 'writing to the community');
  },

  /**
   * A customer writes as the token's user and account, and may not name anyone else. Staff and
   * integrations write on behalf of the user and account they name, both required.
   */
  authorshipOf(identity: Identity, requested: { authorUserId?: string | undefined; accountId?: string | undefined }): Authorship {
    this.assertCanWrite(identity);
    if (identity.role === 'customer') {
      if (!identity.accountId) throw errors.forbidden('a customer token without an account cannot write');
      const isSomeoneElse =
        (requested.authorUserId !== undefined && requested.authorUserId !== identity.subject) ||
        (requested.accountId !== undefined && requested.accountId !== identity.accountId);
      if (isSomeoneElse) throw errors.forbidden('customers write only as themselves');
      return { userId: identity.subject, accountId: identity.accountId };
    }
    const missing = (['authorUserId', 'accountId'] as const).filter((field) => requested[field] === undefined);
    if (missing.length) {
      throw errors.badUserInput(missing.map((field) => ({ field: `input.${field}`, message: 'is required when writing on behalf of a user' })));
    }
    return { userId: requested.authorUserId as string, accountId: requested.accountId as string };
  },

  /** Importing records with their external ids is for staff and integrations. */
  assertCanImport(identity: Identity): void {
    assertPrivileged(identity, WRITE_SCOPES, 'setting external ids');
  },

  /** The customer who wrote the post, still a user of the post's account. */
  isAuthorOf(identity: Identity, post: PostDocument): boolean {
    return identity.role === 'customer' && identity.subject === post.authorUserId && identity.accountId === post.accountId;
  },

  /** The question's author, or staff (and integrations allowed to write). */
  assertCanAcceptAnswer(identity: Identity, question: PostDocument): void {
    if (isPrivileged(identity, WRITE_SCOPES) || this.isAuthorOf(identity, question)) return;
    throw errors.forbidden('only the question\'s author or staff may accept an answer');
  },

  /** Editing or deleting a post: its author, or staff (and integrations allowed to write, which mirror other platforms). */
  assertCanChangePost(identity: Identity, post: PostDocument, action: 'edit' | 'delete'): void {
    if (isPrivileged(identity, WRITE_SCOPES) || this.isAuthorOf(identity, post)) return;
    throw errors.forbidden(`only the post's author or staff may ${action} post ${post._id}`);
  },

  /** Editing or deleting a reply: its author (a user of the reply's account), or staff and integrations allowed to write. */
  assertCanChangeReply(identity: Identity, reply: ReplyDocument, action: 'edit' | 'delete'): void {
    const isAuthor = identity.role === 'customer' && identity.subject === reply.authorUserId && identity.accountId === reply.accountId;
    if (isAuthor || isPrivileged(identity, WRITE_SCOPES)) return;
    throw errors.forbidden(`only the reply's author or staff may ${action} reply ${reply._id}`);
  },

  /** Finding records by another platform's id is how imports stay idempotent: staff and integrations only. */
  assertCanFindByExternalId(identity: Identity): void {
    assertPrivileged(identity, READ_SCOPES, 'finding community records by external id');
  },

  /** Events are the community team's programme: staff and integrations allowed to write run them. */
  assertCanManageEvents(identity: Identity): void {
    assertPrivileged(identity, WRITE_SCOPES, 'managing community events');
  },

  /** The change feed carries every account's private posts, so no customer reads it. */
  assertCanReadChangeFeed(identity: Identity): void {
    assertPrivileged(identity, READ_SCOPES, 'reading the community change feed');
  },

  /** Customers register themselves; nobody registers on someone else's behalf. */
  registrantOf(identity: Identity): Authorship {
    if (identity.role !== 'customer' || !identity.accountId) throw errors.forbidden('only customers register for events');
    return { userId: identity.subject, accountId: identity.accountId };
  },
};
