import { assertPrivileged, canReadAccountData, isPrivileged } from '../kit/access';
import type { Identity } from '../kit/auth';
import { errors } from '../kit/errors';

/** Integration scopes this subgraph understands. */
export const SCOPES = { read: 'contracts:read', write: 'contracts:write' } as const;
const READ_SCOPES = [SCOPES.read, SCOPES.write];

/**
 * Who may see and change what in the contracts subgraph: the one place these rules live.
 * Staff see all and integrations act within their scopes. A customer sees their own account's
 * contracts and figures, and nothing else: no other account, no opportunity, no renewal list,
 * no revenue metrics, no import bookkeeping.
 */
export const contractsPolicy = {
  isPrivileged(identity: Identity): boolean {
    return isPrivileged(identity, READ_SCOPES);
  },

  canReadAccount(identity: Identity, accountId: string): boolean {
    return canReadAccountData(identity, accountId, READ_SCOPES);
  },

  /** For an account's contract figures and for `_entities` lookups of an account. */
  assertCanReadAccount(identity: Identity, accountId: string): void {
    if (!this.canReadAccount(identity, accountId)) throw errors.forbidden(`contracts of account ${accountId}`);
  },

  /**
   * A contract the caller may read. A customer gets FORBIDDEN for a contract that does not exist
   * too, so probing ids tells nothing; staff get null for it.
   */
  assertCanReadContract(identity: Identity, requestedId: string, contract: { accountId: string } | null): void {
    if (this.isPrivileged(identity)) return;
    if (!contract || !this.canReadAccount(identity, contract.accountId)) throw errors.forbidden(`contract ${requestedId}`);
  },

  /** Opportunities are sales data: staff and integrations only, never a customer, not even their own. */
  assertCanReadOpportunities(identity: Identity): void {
    assertPrivileged(identity, READ_SCOPES, 'opportunities');
  },

  assertCanListRenewals(identity: Identity): void {
    assertPrivileged(identity, READ_SCOPES, 'listing renewals');
  },

  assertCanReadRevenueMetrics(identity: Identity): void {
    assertPrivileged(identity, READ_SCOPES, 'revenue metrics');
  },

  /** External ids and sync times are operational data for staff and integrations only. */
  assertCanSeeInternalFields(identity: Identity): void {
    if (!this.isPrivileged(identity)) throw errors.forbidden('this field is for staff only');
  },

  assertCanWrite(identity: Identity): void {
    assertPrivileged(identity, [SCOPES.write], 'writing contracts');
  },
};
