import { assertPrivileged, canReadAccountData, isPrivileged } from '../kit/access';
import type { Identity } from '../kit/auth';
import { errors } from '../kit/errors';

/** Integration scopes this subgraph understands. */
export const SCOPES = { read: 'learning:read', write: 'learning:write' } as const;
const READ_SCOPES = [SCOPES.read, SCOPES.write];
const WRITE_SCOPES = [SCOPES.write];

/** Whose learning a write acts on. */
export interface LearnerRef {
  userId: string;
  accountId: string;
}

/**
 * Who may see and change what in the learning subgraph: the one place these rules live.
 * The catalog (courses, paths, quests, badges) is public to every signed-in caller. A user's
 * learning belongs to the account stored with it: staff and `learning:read` integrations see
 * all, a customer only their own account's. Customers enroll and record progress only for
 * themselves; staff and `learning:write` integrations for anyone, and only they manage the
 * catalog.
 */
export const learningPolicy = {
  /**
   * Every caller that reaches a resolver carries a verified token, and the catalog is public
   * to all of them; kept as a rule so that changing it is a one-line change here.
   */
  canReadCatalog(_identity: Identity): boolean {
    return true;
  },

  assertCanReadCatalog(identity: Identity): void {
    if (!this.canReadCatalog(identity)) throw errors.forbidden('the learning catalog');
  },

  canReadAllLearners(identity: Identity): boolean {
    return isPrivileged(identity, READ_SCOPES);
  },

  canReadAccountLearning(identity: Identity, accountId: string): boolean {
    return canReadAccountData(identity, accountId, READ_SCOPES);
  },

  assertCanReadAccountLearning(identity: Identity, accountId: string): void {
    if (!this.canReadAccountLearning(identity, accountId)) throw errors.forbidden(`learning of account ${accountId}`);
  },

  /**
   * A user's learning is authorized by the account stored with it. A user this subgraph holds
   * nothing about (`storedAccountId` null) has nothing to hide: their learning is empty.
   */
  assertCanReadUserLearning(identity: Identity, userId: string, storedAccountId: string | null): void {
    if (storedAccountId !== null && !this.canReadAccountLearning(identity, storedAccountId)) {
      throw errors.forbidden(`learning of user ${userId}`);
    }
  },

  /** Unknown enrollments are refused like other accounts' ones, so ids leak nothing. */
  assertCanReadEnrollment(identity: Identity, enrollmentId: string, enrollment: { accountId: string } | null): void {
    if (enrollment ? this.canReadAccountLearning(identity, enrollment.accountId) : this.canReadAllLearners(identity)) return;
    throw errors.forbidden(`enrollment ${enrollmentId}`);
  },

  /** Customers act only as themselves, within their own account. */
  isSelf(identity: Identity, learner: LearnerRef): boolean {
    return identity.role === 'customer' && identity.subject === learner.userId && identity.accountId === learner.accountId;
  },

  assertCanWriteFor(identity: Identity, learner: LearnerRef): void {
    if (this.isSelf(identity, learner)) return;
    assertPrivileged(identity, WRITE_SCOPES, `learning of user ${learner.userId}`);
  },

  /**
   * The change feed lists every course, archived ones included, for the search index: staff and
   * integrations only, like every content feed, even though the catalog itself is public.
   */
  assertCanReadContentFeed(identity: Identity): void {
    assertPrivileged(identity, READ_SCOPES, 'the course change feed');
  },

  /** Creating, changing and archiving courses is catalog administration: staff, or an LMS sync. */
  assertCanManageCatalog(identity: Identity): void {
    assertPrivileged(identity, WRITE_SCOPES, 'managing the course catalog');
  },

  /** xAPI statements arrive from an LMS through the integrations service (or from staff). */
  assertCanRecordStatements(identity: Identity): void {
    assertPrivileged(identity, WRITE_SCOPES, 'recording learning statements');
  },

  /** Stored statements are raw data from another system: staff and integrations only. */
  assertCanReadStatements(identity: Identity): void {
    assertPrivileged(identity, READ_SCOPES, 'reading learning statements');
  },

  canSeeInternalFields(identity: Identity): boolean {
    return isPrivileged(identity, READ_SCOPES);
  },

  /** External ids and sync times are operational data for staff and integrations only. */
  assertCanSeeInternalFields(identity: Identity): void {
    if (!this.canSeeInternalFields(identity)) throw errors.forbidden('this field is for staff only');
  },
};
