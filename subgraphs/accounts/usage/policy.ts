import { assertCanReadAccountData, assertPrivileged } from '../../kit/access';
import type { Identity } from '../../kit/auth';

/** Integration scopes of product usage; reading reuses the accounts subgraph's read scope. */
export const USAGE_SCOPES = { write: 'usage:write', read: 'accounts:read' } as const;

/**
 * Who may record and read product usage: the one place these rules live. Staff see every
 * account's usage; integrations record with `usage:write` and read with `accounts:read`; a
 * customer reads only their own account's usage report.
 */
export const usagePolicy = {
  assertCanIngest(identity: Identity): void {
    assertPrivileged(identity, [USAGE_SCOPES.write], 'recording usage');
  },

  /** For `Account.usageReport`, whether reached from a root field or an `_entities` lookup. */
  assertCanReadAccountUsage(identity: Identity, accountId: string): void {
    assertCanReadAccountData(identity, accountId, [USAGE_SCOPES.read]);
  },
};
