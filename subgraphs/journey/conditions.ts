import type { AccountSignals, JourneyReasonCode, UserSignals } from './model';
import type { Conditions } from './playbook-schema';

const DAY_MS = 86_400_000;

/**
 * Everything a condition can test, as of one moment. `user` is absent when the account as a whole
 * is judged (its onboarding checklist): conditions on a user then do not hold.
 */
export interface SignalsAt {
  now: Date;
  account: AccountSignals;
  user?: UserSignals;
}

/** One condition checked: what it looks at, whether it holds, and both in words. */
export interface ConditionCheck {
  code: JourneyReasonCode;
  met: boolean;
  text: string;
}

/** Whole days from `from` to `to`, rounded down; never negative. */
export function wholeDaysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY_MS));
}

export function userTenureDays(user: UserSignals, now: Date): number {
  return wholeDaysBetween(user.firstSeenAt, now);
}

/** Whole days until the renewal date (rounded down, as health's DAYS_TO_RENEWAL); null without one. */
export function daysToRenewal(account: AccountSignals, now: Date): number | null {
  return account.renewalDate ? wholeDaysBetween(now, account.renewalDate) : null;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `at least 90`, `at most 29`, `90 to 400`. */
function range(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `${min} to ${max}`;
  return min !== undefined ? `at least ${min}` : `at most ${max}`;
}

function inRange(value: number, min: number | undefined, max: number | undefined): boolean {
  return (min === undefined || value >= min) && (max === undefined || value <= max);
}

/** Conditions on a user judged without one (an account as a whole): they do not hold. */
function withoutUser(code: JourneyReasonCode, rule: string): ConditionCheck {
  return { code, met: false, text: `A condition on a user, which the account as a whole does not meet (${rule})` };
}

/**
 * Checks one set of conditions, each on its own, in a fixed order. `rule` names the rule in the
 * texts (`ONBOARDING`, `at risk`), so a reason reads on its own.
 */
export function checkConditions(conditions: Conditions, signals: SignalsAt, rule: string): ConditionCheck[] {
  const { account, user, now } = signals;
  const checks: ConditionCheck[] = [];
  if (conditions.segments) {
    const met = conditions.segments.includes(account.segment);
    checks.push({ code: 'SEGMENT', met, text: `The account's segment is ${account.segment} (${rule}: ${conditions.segments.join(' or ')})` });
  }
  const { minAccountTenureDays: minAccount, maxAccountTenureDays: maxAccount } = conditions;
  if (minAccount !== undefined || maxAccount !== undefined) {
    // A prospect has not started its tenure: it counts as day 0, the start of onboarding.
    const tenure = account.tenureDays ?? 0;
    const found = account.tenureDays === null ? 'The account is not a customer yet (counted as 0 days)' : `The account has been a customer for ${plural(tenure, 'day')}`;
    checks.push({ code: 'ACCOUNT_TENURE', met: inRange(tenure, minAccount, maxAccount), text: `${found} (${rule}: ${range(minAccount, maxAccount)} days)` });
  }
  const { minUserTenureDays: minUser, maxUserTenureDays: maxUser } = conditions;
  if (minUser !== undefined || maxUser !== undefined) {
    const wanted = `${rule}: ${range(minUser, maxUser)} days`;
    if (!user) checks.push(withoutUser('USER_TENURE', wanted));
    else {
      const tenure = userTenureDays(user, now);
      checks.push({ code: 'USER_TENURE', met: inRange(tenure, minUser, maxUser), text: `The user was first seen ${plural(tenure, 'day')} ago (${wanted})` });
    }
  }
  if (conditions.renewalWithinDays !== undefined) {
    const days = daysToRenewal(account, now);
    const wanted = `${rule}: within ${conditions.renewalWithinDays} days`;
    checks.push(
      days === null
        ? { code: 'RENEWAL_WINDOW', met: false, text: `The account has no current contract, so no renewal date (${wanted})` }
        : { code: 'RENEWAL_WINDOW', met: days <= conditions.renewalWithinDays, text: `The renewal date is ${plural(days, 'day')} away (${wanted})` },
    );
  }
  if (conditions.healthBands) {
    const wanted = `${rule}: ${conditions.healthBands.join(' or ')}`;
    checks.push(
      account.healthBand === null
        ? { code: 'HEALTH_BAND', met: false, text: `The account has no health score yet (${wanted})` }
        : { code: 'HEALTH_BAND', met: conditions.healthBands.includes(account.healthBand), text: `The account's health band is ${account.healthBand} (${wanted})` },
    );
  }
  if (conditions.minUserCompletedCourses !== undefined) {
    const wanted = `${rule}: at least ${conditions.minUserCompletedCourses}`;
    if (!user) checks.push(withoutUser('USER_COMPLETED_COURSES', wanted));
    else {
      const met = user.completedCourses >= conditions.minUserCompletedCourses;
      checks.push({ code: 'USER_COMPLETED_COURSES', met, text: `The user has completed ${plural(user.completedCourses, 'course')} (${wanted})` });
    }
  }
  if (conditions.minUserCommunityPoints !== undefined) {
    const wanted = `${rule}: at least ${conditions.minUserCommunityPoints} points`;
    if (!user) checks.push(withoutUser('USER_COMMUNITY_POINTS', wanted));
    else if (user.communityPoints === null) {
      checks.push({ code: 'USER_COMMUNITY_POINTS', met: false, text: `The user is not a community member (${wanted})` });
    } else {
      const met = user.communityPoints >= conditions.minUserCommunityPoints;
      checks.push({ code: 'USER_COMMUNITY_POINTS', met, text: `The user has ${plural(user.communityPoints, 'community point')} (${wanted})` });
    }
  }
  return checks;
}

/** The checks of the first alternative whose conditions all hold, or null when none does. */
export function firstHoldingAlternative(alternatives: readonly Conditions[], signals: SignalsAt, rule: string): ConditionCheck[] | null {
  for (const alternative of alternatives) {
    const checks = checkConditions(alternative, signals, rule);
    if (checks.every((check) => check.met)) return checks;
  }
  return null;
}
