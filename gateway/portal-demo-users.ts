import type { ApolloServer } from '@apollo/server';
import { signToken, type AuthSettings, type TokenVerifier } from '../subgraphs/kit/auth';
import { internalToken } from '../subgraphs/kit/graph-client';
import type { Logger } from '../subgraphs/kit/logger';
import type { GatewayContext } from './context';

/** Demo tokens are short-lived: the page picks a user again when one expires. */
const DEMO_TOKEN_LIFETIME_SECONDS = 30 * 60;
/** Accounts read to find the demo users; a benchmark-sized store is sampled, not scanned. */
const MAX_ACCOUNTS_SCANNED = 500;
const ACCOUNTS_PER_PAGE = 100;
/** Who the demo users are changes only with the data; their tokens are signed on every request. */
const PICKS_CACHE_MS = 60_000;
const FIRST_WEEKS_MAX_DAYS = 45;
const ESTABLISHED_MIN_DAYS = 180;
const RENEWAL_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;

const DEMO_ACCOUNTS = `query PortalDemoAccounts($first: Int!, $after: String) {
  accounts(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node {
      id name tenureDays renewalDate
      owner { id name }
      users(first: 20) { edges { node { id name persona lastSeenAt } } }
    } }
  }
}`;

interface AccountUser {
  id: string;
  name: string;
  persona: string;
  lastSeenAt: string | null;
}

interface CandidateAccount {
  id: string;
  name: string;
  tenureDays: number | null;
  renewalDate: string | null;
  owner: { id: string; name: string } | null;
  users: { edges: Array<{ node: AccountUser }> };
}

interface AccountsPage {
  accounts: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: CandidateAccount }> };
}

type DemoUserKind = 'staff' | 'first-weeks' | 'established' | 'near-renewal';

interface DemoPick {
  kind: DemoUserKind;
  label: string;
  subject: string;
  name: string;
  role: 'staff' | 'customer';
  account: { id: string; name: string; tenureDays: number | null; renewalDate: string | null } | null;
  persona: string | null;
}

export interface DemoUser extends DemoPick {
  token: string;
  expiresAt: string;
}

/** The user a demo logs in as: an active admin or champion first, anyone active next. */
function representativeUser(account: CandidateAccount): AccountUser | undefined {
  const users = account.users.edges.map(({ node }) => node);
  const rank = (user: AccountUser) => (user.lastSeenAt ? 0 : 2) + (user.persona === 'ADMIN' || user.persona === 'CHAMPION' ? 0 : 1);
  return [...users].sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id))[0];
}

function daysUntil(isoDate: string | null, now: Date): number | null {
  return isoDate ? Math.floor((Date.parse(isoDate) - now.getTime()) / DAY_MS) : null;
}

/**
 * One customer of each tenure the portal adapts to (first weeks, established, near renewal) and
 * one staff member, picked from what the graph holds now. A kind with no fitting account is left
 * out rather than faked.
 */
function pickDemoUsers(accounts: readonly CandidateAccount[], now: Date): DemoPick[] {
  const withUsers = accounts.filter((account) => representativeUser(account) !== undefined);
  const isNearRenewal = (account: CandidateAccount) => {
    const days = daysUntil(account.renewalDate, now);
    return days !== null && days >= 0 && days <= RENEWAL_WINDOW_DAYS;
  };
  const byId = (a: CandidateAccount, b: CandidateAccount) => a.id.localeCompare(b.id);
  const tenure = (account: CandidateAccount) => account.tenureDays ?? -1;
  const candidates: Array<[DemoUserKind, string, CandidateAccount[]]> = [
    ['first-weeks', 'First weeks', withUsers.filter((a) => a.tenureDays !== null && a.tenureDays <= FIRST_WEEKS_MAX_DAYS).sort((a, b) => tenure(a) - tenure(b) || byId(a, b))],
    // A current contract first: an account without one may have left.
    ['established', 'Established', withUsers.filter((a) => tenure(a) >= ESTABLISHED_MIN_DAYS && !isNearRenewal(a)).sort((a, b) => Number(!a.renewalDate) - Number(!b.renewalDate) || tenure(b) - tenure(a) || byId(a, b))],
    ['near-renewal', 'Near renewal', withUsers.filter(isNearRenewal).sort((a, b) => (a.renewalDate ?? '').localeCompare(b.renewalDate ?? '') || byId(a, b))],
  ];
  const picks: DemoPick[] = [];
  const taken = new Set<string>();
  for (const [kind, label, fitting] of candidates) {
    const account = fitting.find((candidate) => !taken.has(candidate.id));
    const user = account && representativeUser(account);
    if (!account || !user) continue;
    taken.add(account.id);
    const { id, name, tenureDays, renewalDate } = account;
    picks.push({ kind, label, subject: user.id, name: user.name, role: 'customer', account: { id, name, tenureDays, renewalDate }, persona: user.persona });
  }
  const owner = accounts.find((account) => account.owner)?.owner;
  picks.unshift({ kind: 'staff', label: 'Customer success', subject: owner?.id ?? 'staff_portal_demo', name: owner?.name ?? 'Demo staff member', role: 'staff', account: null, persona: null });
  return picks;
}

/**
 * Finds the demo users through the graph with the hub's own integration identity (the same
 * reads the subgraphs make), and signs a fresh short-lived token for each on every call.
 */
export function createDemoUsers(options: { config: AuthSettings & { HUB_SERVICE_TOKEN?: string | undefined }; verifier: TokenVerifier; logger: Logger; apollo: ApolloServer<GatewayContext> }) {
  const { config, verifier, logger, apollo } = options;
  const serviceToken = internalToken(config);
  let cached: { picks: Promise<DemoPick[]>; until: number } | null = null;

  async function readAccounts(requestId: string): Promise<CandidateAccount[]> {
    const token = await serviceToken();
    const identity = await verifier.verify(token);
    const contextValue: GatewayContext = { identity, authorization: `Bearer ${token}`, requestId, logger: logger.child({ requestId, subject: identity.subject }) };
    const accounts: CandidateAccount[] = [];
    let after: string | null = null;
    do {
      const response = await apollo.executeOperation({ query: DEMO_ACCOUNTS, variables: { first: ACCOUNTS_PER_PAGE, after } }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
      const { data, errors } = response.body.singleResult as { data?: AccountsPage | null; errors?: ReadonlyArray<{ message: string }> };
      if (errors?.length || !data) throw new Error(`demo users query failed: ${errors?.[0]?.message ?? 'no data'}`);
      accounts.push(...data.accounts.edges.map(({ node }) => node));
      after = data.accounts.pageInfo.hasNextPage ? data.accounts.pageInfo.endCursor : null;
    } while (after && accounts.length < MAX_ACCOUNTS_SCANNED);
    return accounts;
  }

  function currentPicks(requestId: string): Promise<DemoPick[]> {
    if (cached && Date.now() < cached.until) return cached.picks;
    const picks = readAccounts(requestId).then((accounts) => pickDemoUsers(accounts, new Date()));
    cached = { picks, until: Date.now() + PICKS_CACHE_MS };
    picks.catch(() => (cached = null));
    return picks;
  }

  return async function demoUsers(requestId: string): Promise<DemoUser[]> {
    const picks = await currentPicks(requestId);
    const expiresAt = new Date(Date.now() + DEMO_TOKEN_LIFETIME_SECONDS * 1000).toISOString();
    return Promise.all(
      picks.map(async (pick) => ({
        ...pick,
        token: await signToken(config, {
          subject: pick.subject,
          role: pick.role,
          ...(pick.account && pick.role === 'customer' ? { accountId: pick.account.id } : {}),
          expiresIn: `${DEMO_TOKEN_LIFETIME_SECONDS}s`,
        }),
        expiresAt,
      })),
    );
  };
}
