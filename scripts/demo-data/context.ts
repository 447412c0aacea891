import type { AccountDocument, UserDocument } from '../../subgraphs/accounts/model';

/** `demo`: the small dataset `npm start` loads. `bench`: the large one for benchmarks. */
export type DemoScale = 'demo' | 'bench';

const ACTIVE_WITHIN_DAYS = 30;
const DAY_MS = 86_400_000;
/** The least active customers are at risk: this share of them, and never fewer than three. */
const AT_RISK_SHARE = 0.12;
const AT_RISK_MINIMUM = 3;

/** What every domain generator needs to know about an account to make its data consistent. */
export interface AccountProfile {
  account: AccountDocument;
  users: UserDocument[];
  /** Users seen in the last 30 days. */
  activeUsers: UserDocument[];
  /** Few active users: such accounts also get urgent tickets, weak learning and early renewals. */
  isAtRisk: boolean;
}

/**
 * The accounts and users every domain's demo data is built on. Generators derive their own
 * randomness from `seed` plus a fixed per-domain offset, so adding one domain never changes
 * another's data.
 */
export interface DomainContext {
  seed: number;
  now: Date;
  scale: DemoScale;
  accounts: AccountDocument[];
  users: UserDocument[];
  profiles: AccountProfile[];
}

/**
 * Profiles every account. At-risk is relative (the customers with the smallest share of active
 * users), so every dataset, however small or healthy, shows some accounts worth worrying about.
 */
export function profileAccounts(accounts: readonly AccountDocument[], users: readonly UserDocument[], now: Date): AccountProfile[] {
  const usersByAccount = new Map<string, UserDocument[]>();
  for (const user of users) usersByAccount.set(user.accountId, [...(usersByAccount.get(user.accountId) ?? []), user]);
  const activeSince = now.getTime() - ACTIVE_WITHIN_DAYS * DAY_MS;
  const profiles = accounts.map((account) => {
    const accountUsers = usersByAccount.get(account._id) ?? [];
    const activeUsers = accountUsers.filter((user) => (user.lastSeenAt?.getTime() ?? 0) >= activeSince);
    return { account, users: accountUsers, activeUsers, isAtRisk: false };
  });
  const activeShare = (profile: AccountProfile) => profile.activeUsers.length / Math.max(1, profile.users.length);
  const customers = profiles.filter((profile) => profile.account.customerSince !== null);
  const atRiskCount = Math.min(customers.length, Math.max(AT_RISK_MINIMUM, Math.round(customers.length * AT_RISK_SHARE)));
  const leastActive = [...customers].sort((a, b) => activeShare(a) - activeShare(b) || a.account._id.localeCompare(b.account._id));
  for (const profile of leastActive.slice(0, atRiskCount)) profile.isAtRisk = true;
  return profiles;
}
