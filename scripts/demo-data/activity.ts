import type { Persona } from '../../subgraphs/accounts/model';
import type { AccountPlan } from './account-plans';
import { daysAfter, daysBefore, earliest, latest } from './dates';
import type { Random } from './random';

/** Users who count as active were seen within this many days. */
const ACTIVE_WINDOW_DAYS = 14;
/** Dormant users were last seen at least this long ago. */
const DORMANT_AFTER_DAYS = 45;

/**
 * When the person first showed up. Early community members came well before the purchase;
 * admins, champions and executives arrive with the contract; everyone else trickles in.
 */
export function chooseFirstSeenAt(
  random: Random,
  plan: AccountPlan,
  persona: Persona,
  isEarlyCommunityMember: boolean,
  now: Date,
): Date {
  const since = plan.customerSince;
  if (since === null) return random.dateBetween(daysBefore(now, 120), daysBefore(now, 1));
  if (isEarlyCommunityMember) return random.dateBetween(daysBefore(since, 540), daysBefore(since, 7));
  if (persona === 'ADMIN' || persona === 'CHAMPION' || persona === 'EXECUTIVE') {
    return random.dateBetween(since, earliest(daysAfter(since, 30), now));
  }
  return random.dateBetween(since, now);
}

/** When the person was last seen: recently for most, long ago or never again for some. */
export function chooseLastSeenAt(random: Random, plan: AccountPlan, firstSeenAt: Date, mustBeActive: boolean, now: Date): Date | null {
  if (!mustBeActive) {
    if (random.chance(0.05)) return null;
    if (random.chance(plan.isDeclining ? 0.5 : 0.1)) {
      const dormantSince = daysBefore(now, DORMANT_AFTER_DAYS);
      return firstSeenAt < dormantSince ? random.dateBetween(firstSeenAt, dormantSince) : null;
    }
  }
  return random.dateBetween(latest(firstSeenAt, daysBefore(now, ACTIVE_WINDOW_DAYS)), now);
}
