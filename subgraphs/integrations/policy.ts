import { assertPrivileged } from '../kit/access';
import type { Identity } from '../kit/auth';

/** Integration scopes this subgraph understands. */
export const SCOPES = { read: 'integrations:read', write: 'integrations:write' } as const;
const READ_SCOPES = [SCOPES.read, SCOPES.write];

/**
 * Who may see and change what in the integrations subgraph: the one place these rules live.
 * Everything here is operational data (raw events from other systems, webhook endpoints and
 * their secrets), so staff and integrations with these scopes only; customers never, not even
 * for their own account.
 */
export const integrationsPolicy = {
  /** Reading received events, subscriptions or delivery logs; `what` names it in the refusal. */
  assertCanRead(identity: Identity, what: string): void {
    assertPrivileged(identity, READ_SCOPES, what);
  },

  /** Replaying events, changing subscriptions; `what` names it in the refusal. */
  assertCanWrite(identity: Identity, what: string): void {
    assertPrivileged(identity, [SCOPES.write], what);
  },
};
