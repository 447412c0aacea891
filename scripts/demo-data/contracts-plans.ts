import type { AccountProfile } from './context';
import { TIER_OF_SEGMENT, type DemoCurrency, type LineItemPlan } from './contracts-pricing';
import { DAY_MS, daysAfter } from './dates';
import { languageOf, type Language } from './names';
import type { Random } from './random';

const TERM_DAYS = 365;
const MAX_TERMS = 3;
/** A first term shorter than this is folded into the next one: a longer, co-termed initial contract. */
const MIN_FIRST_TERM_DAYS = 180;
/** Accounts need this much tenure before their renewal can be moved closer (a whole current term). */
const MIN_TENURE_FOR_EARLY_RENEWAL_DAYS = 320;

/** `acc_0012` → `0012`: demo ids of an account's records carry its number. */
export function accountNumberOf(accountId: string): string {
  return accountId.replace(/^acc_/, '');
}

/** How seats changed at the last renewal. */
export type SeatTrajectory = 'FLAT' | 'EXPANSION' | 'CONTRACTION';

/** Everything decided about an account's contracts before documents are written. */
export interface ContractHistoryPlan {
  profile: AccountProfile;
  currency: DemoCurrency;
  language: Language;
  lineItems: LineItemPlan;
  /** Start of the first term, each renewal, and the end of the current term. */
  boundaries: Date[];
  currentSeats: number;
  trajectory: SeatTrajectory;
  isAtRisk: boolean;
  cancelAtPeriodEnd: boolean;
}

/**
 * Term boundaries from `start` to `renewal`: yearly terms counted back from the renewal date, at
 * most three, the first one folded into the next when it would be shorter than six months.
 */
export function termBoundaries(start: Date, renewal: Date): Date[] {
  const boundaries = [renewal];
  for (let boundary = renewal.getTime() - TERM_DAYS * DAY_MS; boundary > start.getTime(); boundary -= TERM_DAYS * DAY_MS) {
    boundaries.unshift(new Date(boundary));
  }
  boundaries.unshift(start);
  const firstTermDays = () => ((boundaries[1]?.getTime() ?? 0) - start.getTime()) / DAY_MS;
  while (boundaries.length > 2 && (boundaries.length - 1 > MAX_TERMS || firstTermDays() < MIN_FIRST_TERM_DAYS)) boundaries.splice(1, 1);
  return boundaries;
}

/** The next yearly anniversary of `start` after `now`: where a contract signed then renews. */
export function nextAnniversary(start: Date, now: Date): Date {
  const termsBehind = Math.floor((now.getTime() - start.getTime()) / (TERM_DAYS * DAY_MS));
  return new Date(start.getTime() + (termsBehind + 1) * TERM_DAYS * DAY_MS);
}

function tenureDays(profile: AccountProfile, now: Date): number {
  return (now.getTime() - (profile.account.customerSince?.getTime() ?? now.getTime())) / DAY_MS;
}

function activeShare(profile: AccountProfile): number {
  return profile.users.length ? profile.activeUsers.length / profile.users.length : 0;
}

/** At least `minimum`, else `share` of `count`, rounded up. */
function quota(count: number, share: number, minimum: number): number {
  return Math.min(count, Math.max(minimum, Math.ceil(count * share)));
}

/**
 * Accounts whose contracts show risk: every at-risk profile, topped up with the accounts whose
 * users are least active, so even a small dataset has some.
 */
function pickRiskyAccounts(customers: readonly AccountProfile[]): Set<AccountProfile> {
  const wanted = Math.max(customers.filter((profile) => profile.isAtRisk).length, quota(customers.length, 0.05, 3));
  const byRisk = [...customers].sort(
    (a, b) => Number(b.isAtRisk) - Number(a.isAtRisk) || activeShare(a) - activeShare(b) || a.account._id.localeCompare(b.account._id),
  );
  return new Set(byRisk.slice(0, wanted));
}

function seatsFor(random: Random, profile: AccountProfile, isOverDeployed: boolean): number {
  const users = Math.max(1, profile.users.length);
  if (isOverDeployed) return Math.max(1, users - random.int(1, Math.max(1, Math.ceil(users * 0.2))));
  const seats = users + random.int(0, Math.ceil(users * 0.25));
  // Larger customers buy seats in packs of five.
  return profile.account.segment === 'SMB' ? seats : Math.ceil(seats / 5) * 5;
}

/**
 * Plans the contract history of every customer (prospects have none): renewal dates on the
 * yearly anniversary, except risky accounts (renewing within 20–90 days) and a handful more
 * pulled into the 60–90 day window; half the risky accounts cancelled at period end, the other
 * half shrunk at their last renewal; a few grown at it; a few with fewer seats than users.
 */
export function planContractHistories(random: Random, profiles: readonly AccountProfile[], now: Date): ContractHistoryPlan[] {
  const customers = profiles.filter((profile) => profile.account.customerSince !== null);
  const risky = pickRiskyAccounts(customers);
  const settled = (profile: AccountProfile) => !risky.has(profile) && tenureDays(profile, now) >= MIN_TENURE_FOR_EARLY_RENEWAL_DAYS;
  const renewingSoon = new Set(random.shuffle(customers.filter(settled)).slice(0, quota(customers.length, 0.04, 3)));
  const overDeployed = new Set(random.shuffle(customers.filter((profile) => !risky.has(profile))).slice(0, quota(customers.length, 0.08, 2)));
  const riskyRank = new Map([...risky].map((profile, rank) => [profile, rank]));

  const plans = customers.map((profile): ContractHistoryPlan => {
    const start = profile.account.customerSince ?? now;
    const canMoveRenewal = tenureDays(profile, now) >= MIN_TENURE_FOR_EARLY_RENEWAL_DAYS;
    let renewal = nextAnniversary(start, now);
    if (risky.has(profile) && canMoveRenewal) renewal = daysAfter(now, random.int(20, 90));
    if (renewingSoon.has(profile)) renewal = daysAfter(now, random.int(60, 90));
    const boundaries = termBoundaries(start, renewal);
    const shrinks = (riskyRank.get(profile) ?? 0) % 2 === 1 && boundaries.length > 2;
    const segment = profile.account.segment;
    return {
      profile,
      currency: profile.account.locale === 'ja-JP' ? 'JPY' : 'USD',
      language: languageOf(profile.account.locale),
      lineItems: {
        tier: TIER_OF_SEGMENT[segment],
        billingInterval: segment === 'SMB' && random.chance(0.7) ? 'MONTH' : 'YEAR',
        viewerShare: segment !== 'SMB' && random.chance(0.35) ? 0.15 + random.next() * 0.15 : 0,
      },
      boundaries,
      currentSeats: seatsFor(random, profile, overDeployed.has(profile)),
      trajectory: shrinks ? 'CONTRACTION' : 'FLAT',
      isAtRisk: risky.has(profile),
      cancelAtPeriodEnd: risky.has(profile) && !shrinks,
    };
  });
  const canExpand = plans.filter((plan) => !plan.isAtRisk && plan.boundaries.length > 2);
  for (const plan of random.shuffle(canExpand).slice(0, quota(customers.length, 0.08, 2))) plan.trajectory = 'EXPANSION';
  return plans;
}
