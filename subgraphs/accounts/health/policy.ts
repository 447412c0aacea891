import { assertPrivileged, canReadAccountData } from '../../kit/access';
import type { Identity } from '../../kit/auth';
import { errors } from '../../kit/errors';
import { SCOPES } from '../policy';

const READ_SCOPES = [SCOPES.read, SCOPES.write];

/**
 * Who may see what of account health: the one place these rules live. A customer reads their
 * own account's health, history, change and benchmark; lists, the distribution, alerts and the
 * backtest (which spans every account) are for staff and integrations with `accounts:read`; only
 * staff start a recompute.
 */
export const healthPolicy = {
  assertCanReadAccountHealth(identity: Identity, accountId: string): void {
    if (!canReadAccountData(identity, accountId, READ_SCOPES)) throw errors.forbidden(`health of account ${accountId}`);
  },

  assertCanReadPortfolio(identity: Identity): void {
    assertPrivileged(identity, READ_SCOPES, 'health lists, distribution and alerts');
  },

  assertCanReadBacktest(identity: Identity): void {
    assertPrivileged(identity, READ_SCOPES, 'the health backtest');
  },

  assertCanRecompute(identity: Identity): void {
    if (identity.role !== 'staff') throw errors.forbidden('recomputing health is for staff only');
  },
};
