import { assertPrivileged, isPrivileged } from '../kit/access';
import type { Identity } from '../kit/auth';
import { errors } from '../kit/errors';
import type { ContentAudience } from '../kit/content-feed';
import type { SearchScope } from './index/search-index';

/** Integration scopes this subgraph understands. */
export const SCOPES = { read: 'search:read', write: 'search:write' } as const;
const READ_SCOPES = [SCOPES.read, SCOPES.write];
const WRITE_SCOPES = [SCOPES.write];

/**
 * Who finds what: staff (and integrations with a search scope) find everything; a customer finds
 * public content and their own account's items. The owners decide each item's audience; this
 * module only turns the caller into a scope that the index applies before ranking and counting.
 */
export const searchPolicy = {
  scopeOf(identity: Identity): SearchScope {
    if (isPrivileged(identity, READ_SCOPES)) return { everything: true };
    if (identity.role !== 'customer') throw errors.forbidden(`searching needs a customer token, staff, or one of the scopes ${READ_SCOPES.join(', ')}`);
    return { everything: false, accountId: identity.accountId ?? null };
  },

  assertCanReadExternalDocument(identity: Identity, document: { _id: string; audience: ContentAudience }): void {
    const scope = this.scopeOf(identity);
    if (scope.everything || document.audience === 'PUBLIC') return;
    throw errors.forbidden(`external document ${document._id}`);
  },

  /** External ids and sync times are operational data for staff and integrations only. */
  assertCanSeeInternalFields(identity: Identity): void {
    if (!isPrivileged(identity, READ_SCOPES)) throw errors.forbidden('this field is for staff only');
  },

  /** The change feed carries staff-only documents: for staff and integrations. */
  assertCanReadFeed(identity: Identity): void {
    assertPrivileged(identity, READ_SCOPES, 'reading the external document feed');
  },

  assertCanWrite(identity: Identity): void {
    assertPrivileged(identity, WRITE_SCOPES, 'importing external documents');
  },
};
