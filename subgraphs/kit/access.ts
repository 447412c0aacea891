import type { Identity } from './auth';
import { errors } from './errors';

/**
 * The rules every subgraph shares: staff see everything, integrations act within their scopes,
 * and a customer sees only their own account's data. Each subgraph's policy module builds on
 * these and adds its own (public content, staff-only fields).
 */
export function hasScope(identity: Identity, scope: string): boolean {
  return identity.role === 'integration' && identity.scopes.includes(scope);
}

/** Staff, or an integration holding one of the scopes. */
export function isPrivileged(identity: Identity, scopes: readonly string[]): boolean {
  return identity.role === 'staff' || scopes.some((scope) => hasScope(identity, scope));
}

/** Whether the caller may read data that belongs to `accountId`. */
export function canReadAccountData(identity: Identity, accountId: string, readScopes: readonly string[]): boolean {
  return isPrivileged(identity, readScopes) || (identity.role === 'customer' && identity.accountId === accountId);
}

export function assertCanReadAccountData(identity: Identity, accountId: string, readScopes: readonly string[]): void {
  if (!canReadAccountData(identity, accountId, readScopes)) throw errors.forbidden(`data of account ${accountId}`);
}

export function assertPrivileged(identity: Identity, scopes: readonly string[], what: string): void {
  if (!isPrivileged(identity, scopes)) throw errors.forbidden(`${what} needs staff or one of the scopes ${scopes.join(', ')}`);
}
