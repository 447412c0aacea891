import type { AccountDocument, UserDocument } from '../../subgraphs/accounts/model';

/** `demo`: the small dataset `npm start` loads. `bench`: the large one for benchmarks. */
export type DemoScale = 'demo' | 'bench';

const ACTIVE_WITHIN_DAYS = 30;
const DAY_MS = 86_400_000;

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

export function profileAccounts(accounts: readonly AccountDocument[], users: readonly UserDocument[], now: Date): AccountProfile[] {
  const usersByAccount = new Map<string, UserDocument[]>();
  for (const user of users) usersByAccount.set(user.accountId, [...(usersByAccount.get(user.accountId) ?? []), user]);
  const activeSince = now.getTime() - ACTIVE_WITHIN_DAYS * DAY_MS;
  return accounts.map((account) => {
    const accountUsers = usersByAccount.get(account._id) ?? [];
    const activeUsers = accountUsers.filter((user) => (user.lastSeenAt?.getTime() ?? 0) >= activeSince);
    const isCustomer = account.customerSince !== null;
    return { account, users: accountUsers, activeUsers, isAtRisk: isCustomer && activeUsers.length < accountUsers.length * 0.4 };
  });
}
