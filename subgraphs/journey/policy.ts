import { canReadAccountData, isPrivileged } from '../kit/access';
import type { Identity } from '../kit/auth';
import { errors } from '../kit/errors';

/** Integration scopes this subgraph understands. */
export const SCOPES = { read: 'journey:read', write: 'journey:write' } as const;
const READ_SCOPES = [SCOPES.read, SCOPES.write];
const WRITE_SCOPES = [SCOPES.write];

/**
 * Who may see and change what in the journey subgraph: the one place these rules live.
 * A journey is personal (it tells how one person is doing), so a customer reads only their own,
 * not a colleague's; an account's onboarding checklist is shared work, so every user of the
 * account reads it and ticks its tasks. Staff read and change all; integrations act within
 * `journey:read` / `journey:write`.
 */
export const journeyPolicy = {
  /**
   * For `User.journey` and every `_entities` lookup of a user here. A customer's representation
   * must also name their own account: the token's account is what they may read.
   */
  assertCanReadJourney(identity: Identity, userId: string, accountId: string | undefined): void {
    if (isPrivileged(identity, READ_SCOPES)) return;
    const isOwn = identity.role === 'customer' && identity.subject === userId && (accountId === undefined || accountId === identity.accountId);
    if (!isOwn) throw errors.forbidden(`the journey of user ${userId}`);
  },

  /**
   * For `advocateCandidates` and `dormantUsers`: lists across every account, for customer
   * success. Staff and `journey:read` integrations (the future alert delivery) only.
   */
  assertCanReadStaffLists(identity: Identity, list: string): void {
    if (!isPrivileged(identity, READ_SCOPES)) throw errors.forbidden(`${list} is for staff and integrations with ${SCOPES.read}`);
  },

  /** For `Account.onboarding` and every `_entities` lookup of an account here. */
  assertCanReadOnboarding(identity: Identity, accountId: string): void {
    if (!canReadAccountData(identity, accountId, READ_SCOPES)) throw errors.forbidden(`the onboarding of account ${accountId}`);
  },

  /** Completing and reopening tasks: the account's own users, staff, `journey:write` integrations. */
  assertCanChangeOnboarding(identity: Identity, accountId: string): void {
    if (!canReadAccountData(identity, accountId, WRITE_SCOPES)) throw errors.forbidden(`changing the onboarding of account ${accountId}`);
  },
};
