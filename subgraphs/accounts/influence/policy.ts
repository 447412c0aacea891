import { assertPrivileged } from '../../kit/access';
import type { Identity } from '../../kit/auth';
import { SCOPES } from '../policy';

const READ_SCOPES = [SCOPES.read, SCOPES.write];

/**
 * Who may see community influence: it sums ARR and won opportunities of every account, so it is
 * for staff and integrations with `accounts:read` only; a customer is refused, even for a period
 * in which only their own account counts.
 */
export const influencePolicy = {
  assertCanReadInfluence(identity: Identity): void {
    assertPrivileged(identity, READ_SCOPES, 'community influence');
  },
};
