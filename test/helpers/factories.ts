import type { AccountDocument, UserDocument } from '../../subgraphs/accounts/model';

let sequence = 0;
/** A number no other factory call in this test file has returned: keeps built ids unique. */
export function nextSequence(): number {
  sequence += 1;
  return sequence;
}

/** An account document with sensible defaults; every call gives fresh ids and domains. */
export function buildAccount(overrides: Partial<AccountDocument> = {}): AccountDocument {
  const n = nextSequence();
  const now = new Date('2026-01-15T00:00:00Z');
  return {
    _id: `acc_t${n}`,
    name: `Test Company ${String(n).padStart(4, '0')}`,
    domains: [`company${n}.example.com`],
    segment: 'SMB',
    industry: 'Software',
    locale: 'en-US',
    customerSince: new Date('2025-01-15T00:00:00Z'),
    owner: { id: 'staff_test', name: 'Test Owner', email: 'owner@customerhub.example' },
    externalIds: [],
    syncedAt: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

export function buildUser(account: AccountDocument, overrides: Partial<UserDocument> = {}): UserDocument {
  const n = nextSequence();
  const now = new Date('2026-01-15T00:00:00Z');
  return {
    _id: `usr_t${n}`,
    accountId: account._id,
    email: `person${n}@${account.domains[0] ?? 'example.com'}`,
    name: `Person ${String(n).padStart(4, '0')}`,
    title: null,
    persona: 'END_USER',
    locale: account.locale,
    firstSeenAt: now,
    lastSeenAt: now,
    externalIds: [],
    syncedAt: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}
