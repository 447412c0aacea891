import { profileAccounts } from '../../scripts/demo-data/context';
import type { AccountDocument, UserDocument } from '../../subgraphs/accounts/model';
import { createRandom } from '../../scripts/demo-data/random';
import {
  DEMO_STAFF,
  accountId,
  generateDemoData,
  pickDemoCustomer,
  userId,
  type DemoData,
} from '../../scripts/demo-data/generate';

const NOW = new Date('2025-06-01T09:00:00.000Z');
const DAY_MS = 86_400_000;

function usersByAccount(data: DemoData): Map<string, UserDocument[]> {
  const grouped = new Map<string, UserDocument[]>();
  for (const user of data.users) grouped.set(user.accountId, [...(grouped.get(user.accountId) ?? []), user]);
  return grouped;
}

function findAccount(data: DemoData, id: string): AccountDocument {
  const account = data.accounts.find((candidate) => candidate._id === id);
  if (!account) throw new Error(`no account ${id}`);
  return account;
}

function everyDocument(data: DemoData): (AccountDocument | UserDocument)[] {
  return [...data.accounts, ...data.users];
}

describe('random', () => {
  it('repeats the same sequence for the same seed', () => {
    const first = createRandom(7);
    const second = createRandom(7);
    expect(Array.from({ length: 5 }, () => first.next())).toEqual(Array.from({ length: 5 }, () => second.next()));
  });

  it('keeps int() within its inclusive bounds', () => {
    const random = createRandom(1);
    const values = new Set(Array.from({ length: 500 }, () => random.int(3, 6)));
    expect([...values].sort()).toEqual([3, 4, 5, 6]);
  });
});

describe('generateDemoData', () => {
  const data = generateDemoData({ now: NOW });

  it('gives deep-equal output for the same seed and now', () => {
    expect(generateDemoData({ seed: 7, now: NOW })).toEqual(generateDemoData({ seed: 7, now: NOW }));
  });

  it('gives different output for a different seed', () => {
    expect(generateDemoData({ seed: 7, now: NOW })).not.toEqual(generateDemoData({ seed: 8, now: NOW }));
  });

  it('makes about forty accounts of five to fifty users each by default', () => {
    expect(data.accounts.length).toBeGreaterThanOrEqual(35);
    expect(data.accounts.length).toBeLessThanOrEqual(45);
    for (const account of data.accounts) {
      const count = usersByAccount(data).get(account._id)?.length ?? 0;
      expect(count).toBeGreaterThanOrEqual(5);
      expect(count).toBeLessThanOrEqual(50);
    }
  });

  it('derives ids from positions', () => {
    expect(accountId(1)).toBe('acc_0001');
    expect(userId(12, 3)).toBe('usr_0012_003');
    expect(data.accounts[0]?._id).toBe('acc_0001');
    expect(data.users[0]?._id).toBe('usr_0001_001');
  });

  it('honours the requested number of accounts', () => {
    expect(generateDemoData({ accounts: 12, now: NOW }).accounts).toHaveLength(12);
  });

  it('rejects options it cannot honour', () => {
    expect(() => generateDemoData({ accounts: 0, now: NOW })).toThrow(/accounts/);
    expect(() => generateDemoData({ seed: 1.5, now: NOW })).toThrow(/seed/);
    expect(() => generateDemoData({ now: new Date('not a date') })).toThrow(/now/);
  });

  it('has more small businesses than enterprises, and at least one enterprise', () => {
    const count = (segment: string): number => data.accounts.filter((account) => account.segment === segment).length;
    expect(count('ENTERPRISE')).toBeGreaterThan(0);
    expect(count('SMB')).toBeGreaterThan(count('MID_MARKET'));
    expect(count('MID_MARKET')).toBeGreaterThan(count('ENTERPRISE'));
  });

  it('writes about half the accounts in Japanese and the rest in English', () => {
    const japanese = data.accounts.filter((account) => account.locale === 'ja-JP');
    const english = data.accounts.filter((account) => account.locale.startsWith('en-'));
    expect(japanese.length + english.length).toBe(data.accounts.length);
    expect(Math.abs(japanese.length - english.length)).toBeLessThanOrEqual(2);
    expect(japanese.every((account) => /\.(co\.)?jp$/.test(account.domains[0] ?? ''))).toBe(true);
    expect(english.every((account) => /\.(com|io)$/.test(account.domains[0] ?? ''))).toBe(true);
  });

  it('shows onboarding customers and prospects', () => {
    const customerSince = data.accounts.map((account) => account.customerSince);
    expect(customerSince.filter((since) => since === null).length).toBeGreaterThanOrEqual(1);
    expect(customerSince.filter((since) => since !== null && NOW.getTime() - since.getTime() <= 30 * DAY_MS).length).toBeGreaterThanOrEqual(2);
  });

  it('has users who were seen before their company became a customer', () => {
    const earlyUsers = data.users.filter((user) => {
      const since = findAccount(data, user.accountId).customerSince;
      return since !== null && user.firstSeenAt < since;
    });
    const accountsWithEarlyUsers = new Set(earlyUsers.map((user) => user.accountId));
    expect(accountsWithEarlyUsers.size).toBeGreaterThanOrEqual(2);
    expect(accountsWithEarlyUsers.size).toBeLessThanOrEqual(data.accounts.length * 0.25);
  });

  it('has dormant users as well as active ones', () => {
    const recent = (date: Date | null): boolean => date !== null && NOW.getTime() - date.getTime() <= 14 * DAY_MS;
    const activeShare = data.users.filter((user) => recent(user.lastSeenAt)).length / data.users.length;
    expect(activeShare).toBeGreaterThan(0.6);
    expect(data.users.some((user) => user.lastSeenAt === null)).toBe(true);
    expect(data.users.some((user) => user.lastSeenAt !== null && !recent(user.lastSeenAt))).toBe(true);
  });

  it('gives every account an owner from the demo staff', () => {
    const staffIds = DEMO_STAFF.map((staff) => staff.id);
    expect(data.accounts.every((account) => account.owner !== null && staffIds.includes(account.owner.id))).toBe(true);
  });

  it('carries external ids on a few records only', () => {
    const withIds = everyDocument(data).filter((document) => document.externalIds.length > 0);
    expect(withIds.length).toBeGreaterThan(0);
    expect(withIds.length).toBeLessThan(everyDocument(data).length / 2);
  });
});

describe.each([1, 2, 3, 42, 1234, 99999])('demo data invariants for seed %i', (seed) => {
  const data = generateDemoData({ seed, now: NOW });

  it('uses unique account ids, user ids and e-mail addresses', () => {
    const unique = (values: string[]): number => new Set(values).size;
    expect(unique(data.accounts.map((account) => account._id))).toBe(data.accounts.length);
    expect(unique(data.users.map((user) => user._id))).toBe(data.users.length);
    expect(unique(data.users.map((user) => user.email))).toBe(data.users.length);
    expect(unique(data.accounts.flatMap((account) => account.domains))).toBe(data.accounts.flatMap((account) => account.domains).length);
  });

  it('gives every user a lower-cased ASCII e-mail at one of its account\'s domains', () => {
    for (const user of data.users) {
      const account = findAccount(data, user.accountId);
      const [local, domain] = user.email.split('@');
      expect(user.email).toMatch(/^[a-z0-9.-]+@[a-z0-9.-]+$/);
      expect(local).toBeTruthy();
      expect(account.domains).toContain(domain);
      expect(user.locale).toBe(account.locale);
    }
  });

  it('stores externalKeys exactly when there are external ids, as source:id', () => {
    for (const document of everyDocument(data)) {
      if (document.externalIds.length === 0) {
        expect(document).not.toHaveProperty('externalKeys');
        expect(document.syncedAt).toBeNull();
      } else {
        expect(document.externalKeys).toEqual(document.externalIds.map(({ source, id }) => `${source}:${id}`));
        expect(document.syncedAt).not.toBeNull();
      }
    }
  });

  it('keeps dates in order and never after now', () => {
    const threeYearsAgo = NOW.getTime() - 3 * 365 * DAY_MS;
    for (const account of data.accounts) {
      if (account.customerSince) expect(account.customerSince.getTime()).toBeGreaterThanOrEqual(threeYearsAgo);
      expect(account.customerSince?.getTime() ?? 0).toBeLessThanOrEqual(NOW.getTime());
      expect(account.createdAt.getTime()).toBeLessThanOrEqual(account.updatedAt.getTime());
      expect(account.updatedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
    for (const user of data.users) {
      expect(user.firstSeenAt.getTime()).toBeLessThanOrEqual(user.lastSeenAt?.getTime() ?? user.firstSeenAt.getTime());
      expect(user.lastSeenAt?.getTime() ?? 0).toBeLessThanOrEqual(NOW.getTime());
      expect(user.createdAt.getTime()).toBeLessThanOrEqual(user.updatedAt.getTime());
      expect(user.updatedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(findAccount(data, user.accountId).createdAt.getTime()).toBeLessThanOrEqual(user.createdAt.getTime());
    }
  });

  it('gives each account one or two admins, a champion and an executive', () => {
    for (const users of usersByAccount(data).values()) {
      const count = (persona: string): number => users.filter((user) => user.persona === persona).length;
      expect(count('ADMIN')).toBeGreaterThanOrEqual(1);
      expect(count('ADMIN')).toBeLessThanOrEqual(2);
      expect(count('CHAMPION')).toBe(1);
      expect(count('EXECUTIVE')).toBe(1);
      expect(count('END_USER')).toBeGreaterThanOrEqual(1);
    }
  });

  it('picks an active admin of a Japanese mid-market customer as the demo customer', () => {
    const customer = pickDemoCustomer(data);
    const account = findAccount(data, customer.accountId);
    const user = data.users.find((candidate) => candidate._id === customer.userId);
    expect(account).toMatchObject({ locale: 'ja-JP', segment: 'MID_MARKET' });
    expect(account.customerSince).not.toBeNull();
    expect(user).toMatchObject({ accountId: account._id, persona: 'ADMIN' });
    expect(user?.lastSeenAt).not.toBeNull();
  });
});

describe('benchmark-sized demo data', () => {
  const data = generateDemoData({ seed: 7, accounts: 2_000, teamScale: 1.7, now: new Date('2026-06-01T00:00:00Z') });

  it('names thousands of companies uniquely by numbering names once the word lists run out', () => {
    expect(data.accounts).toHaveLength(2_000);
    expect(new Set(data.accounts.map((account) => account.name)).size).toBe(2_000);
    const domains = data.accounts.flatMap((account) => account.domains);
    expect(new Set(domains).size).toBe(domains.length);
    expect(data.accounts.some((account) => /\d/.test(account.name))).toBe(true);
  });

  it('scales team sizes to about fifty thousand users', () => {
    expect(data.users.length).toBeGreaterThan(40_000);
    expect(data.users.length).toBeLessThan(60_000);
    expect(new Set(data.users.map((user) => user.email)).size).toBe(data.users.length);
  });
});

describe('account profiles for the domain generators', () => {
  it.each([1, 42, 1234])('marks the least active customers at risk, at least three, never prospects (seed %i)', (seed) => {
    const now = new Date('2026-06-01T00:00:00Z');
    const data = generateDemoData({ seed, now });
    const profiles = profileAccounts(data.accounts, data.users, now);
    const atRisk = profiles.filter((profile) => profile.isAtRisk);
    expect(atRisk.length).toBeGreaterThanOrEqual(3);
    expect(atRisk.every((profile) => profile.account.customerSince !== null)).toBe(true);
    const share = (profile: (typeof profiles)[number]) => profile.activeUsers.length / profile.users.length;
    const healthiestAtRisk = Math.max(...atRisk.map(share));
    const healthy = profiles.filter((profile) => !profile.isAtRisk && profile.account.customerSince !== null);
    expect(healthy.every((profile) => share(profile) >= healthiestAtRisk)).toBe(true);
  });
});
