import type { AccountDocument, UserDocument } from '../../subgraphs/accounts/model';
import { buildAccount } from './accounts';
import { planAccounts } from './account-plans';
import { createExternalIdFactory } from './external-ids';
import { createRandom } from './random';
import { generateUsers, type UserContext } from './users';

export { accountId, userId } from './ids';
export { DEMO_STAFF, type DemoStaffMember } from './names';

export interface DemoData {
  accounts: AccountDocument[];
  users: UserDocument[];
}

export interface DemoDataOptions {
  /** Any 32-bit integer; 42 when left out. */
  seed?: number;
  /** How many accounts, 1 to 5,000; 40 when left out. */
  accounts?: number;
  /** The moment every date is relative to; the current time when left out. */
  now?: Date;
  /** Multiplies team sizes (1 when left out): benchmark datasets have larger customers. */
  teamScale?: number;
}

/** The user a demo logs in as, to show the customer portal. */
export interface DemoCustomer {
  accountId: string;
  userId: string;
}

const MAX_ACCOUNTS = 5_000;

/**
 * Demo accounts and their users. Deterministic: the same seed and `now` give deep-equal output,
 * so other domains' generators can build on the same ids and dates.
 */
export function generateDemoData(options: DemoDataOptions = {}): DemoData {
  const { seed = 42, accounts: accountCount = 40, now = new Date(), teamScale = 1 } = options;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(accountCount) || accountCount < 1 || accountCount > MAX_ACCOUNTS) {
    throw new RangeError(`accounts must be an integer from 1 to ${MAX_ACCOUNTS}, got ${accountCount}`);
  }
  if (Number.isNaN(now.getTime())) throw new RangeError('now must be a valid date');

  const random = createRandom(seed);
  const externalIds = createExternalIdFactory(random);
  const context: UserContext = { random, externalIds, takenEmails: new Set(), now, teamScale };
  const data: DemoData = { accounts: [], users: [] };
  for (const plan of planAccounts(random, accountCount, now)) {
    const users = generateUsers(context, plan);
    data.accounts.push(buildAccount(random, externalIds, plan, users, now));
    data.users.push(...users);
  }
  return data;
}

/**
 * A Japanese mid-market customer's admin who is still active: the first such account carries the
 * richest data. Throws when the data holds none, which `generateDemoData` never produces.
 */
export function pickDemoCustomer(data: DemoData): DemoCustomer {
  for (const account of data.accounts) {
    if (account.locale !== 'ja-JP' || account.segment !== 'MID_MARKET' || account.customerSince === null) continue;
    const admin = data.users.find((user) => user.accountId === account._id && user.persona === 'ADMIN' && user.lastSeenAt !== null);
    if (admin) return { accountId: account._id, userId: admin._id };
  }
  throw new Error('the demo data has no active admin of a Japanese mid-market customer');
}
