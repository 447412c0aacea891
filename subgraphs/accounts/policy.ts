import type { Identity } from '../kit/auth';
import { errors } from '../kit/errors';

/** Integration scopes this subgraph understands. */
export const SCOPES = { read: 'accounts:read', write: 'accounts:write' } as const;

function hasScope(identity: Identity, scope: string): boolean {
  return identity.scopes.includes(scope);
}

/**
 * Who may see and change what in the accounts subgraph: the one place these rules live.
 * Staff see all; integrations act within their scopes; a customer sees only their own account.
 */
export const accountsPolicy = {
  canReadAnyAccount(identity: Identity): boolean {
    if (identity.role === 'staff') return true;
    return identity.role === 'integration' && (hasScope(identity, SCOPES.read) || hasScope(identity, SCOPES.write));
  },

  canReadAccount(identity: Identity, accountId: string): boolean {
    return this.canReadAnyAccount(identity) || (identity.role === 'customer' && identity.accountId === accountId);
  },

  assertCanReadAccount(identity: Identity, accountId: string): void {
    if (!this.canReadAccount(identity, accountId)) throw errors.forbidden(`account ${accountId}`);
  },

  assertCanListAccounts(identity: Identity): void {
    if (!this.canReadAnyAccount(identity)) throw errors.forbidden('listing accounts needs staff or the accounts:read scope');
  },

  /** External ids and sync times are operational data for staff and integrations only. */
  assertCanSeeInternalFields(identity: Identity): void {
    if (!this.canReadAnyAccount(identity)) throw errors.forbidden('this field is for staff only');
  },

  assertCanWrite(identity: Identity): void {
    if (identity.role === 'staff') return;
    if (identity.role === 'integration' && hasScope(identity, SCOPES.write)) return;
    throw errors.forbidden('writing accounts needs staff or the accounts:write scope');
  },
};
