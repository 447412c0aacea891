import { assertPrivileged, canReadAccountData, isPrivileged } from '../kit/access';
import type { Identity } from '../kit/auth';
import { errors } from '../kit/errors';

/** Integration scopes this subgraph understands. */
export const SCOPES = { read: 'accounts:read', write: 'accounts:write' } as const;
const READ_SCOPES = [SCOPES.read, SCOPES.write];

/**
 * Who may see and change what in the accounts subgraph: the one place these rules live.
 * Staff see all; integrations act within their scopes; a customer sees only their own account.
 */
export const accountsPolicy = {
  canReadAnyAccount(identity: Identity): boolean {
    return isPrivileged(identity, READ_SCOPES);
  },

  canReadAccount(identity: Identity, accountId: string): boolean {
    return canReadAccountData(identity, accountId, READ_SCOPES);
  },

  assertCanReadAccount(identity: Identity, accountId: string): void {
    if (!this.canReadAccount(identity, accountId)) throw errors.forbidden(`account ${accountId}`);
  },

  assertCanListAccounts(identity: Identity): void {
    assertPrivileged(identity, READ_SCOPES, 'listing accounts');
  },

  /** Finding a record by another system's id or by e-mail is identity resolution, for staff and integrations. */
  assertCanResolveIdentities(identity: Identity): void {
    assertPrivileged(identity, READ_SCOPES, 'looking up accounts and users by external id or e-mail');
  },

  /** External ids and sync times are operational data for staff and integrations only. */
  assertCanSeeInternalFields(identity: Identity): void {
    if (!this.canReadAnyAccount(identity)) throw errors.forbidden('this field is for staff only');
  },

  assertCanWrite(identity: Identity): void {
    assertPrivileged(identity, [SCOPES.write], 'writing accounts');
  },
};
