import type { UserDocument } from '../../subgraphs/accounts/model';
import { usageDayId, utcDay, type UsageDayDocument } from '../../subgraphs/accounts/usage/model';
import type { DomainContext } from './context';
import { DAY_MS } from './dates';
import { createRandom, type Random } from './random';
import { adoptedKeyFeatures, userHabit, type UsageHabit } from './usage-habits';

/** The accounts subgraph's product-usage demo documents: daily rollups per account, user and day. */
export interface UsageDemoData {
  usageDays: UsageDayDocument[];
}

/** Keeps usage's randomness apart from every other domain's. */
const USAGE_SEED_OFFSET = 505;
/** Days of history: two months for the demo; one at bench scale keeps it to about half a million rollups. */
const HISTORY_DAYS = { demo: 60, bench: 30 } as const;
const WEEKEND_FACTOR = 0.3;

/**
 * Deterministic usage rollups for the users in `context`, consistent with their `lastSeenAt`: a
 * user is active on the day they were last seen and never after it, so dormant users (last seen
 * 45+ days ago) have no recent usage and never-seen users none at all. At-risk accounts use few
 * key features, rarely. O(users × days).
 */
export function generateUsageDemoData(context: DomainContext): UsageDemoData {
  const random = createRandom(context.seed + USAGE_SEED_OFFSET);
  const historyDays = HISTORY_DAYS[context.scale];
  const startOfToday = Math.floor(context.now.getTime() / DAY_MS) * DAY_MS;
  const firstDay = startOfToday - (historyDays - 1) * DAY_MS;
  const usageDays: UsageDayDocument[] = [];
  for (const profile of context.profiles) {
    const accountFeatures = adoptedKeyFeatures(random, profile.isAtRisk);
    for (const user of profile.users) {
      const habit = userHabit(random, user, accountFeatures, profile.isAtRisk);
      for (const day of userDays(random, user, habit, firstDay, context.now)) usageDays.push(day);
    }
  }
  return { usageDays };
}

function userDays(random: Random, user: UserDocument, habit: UsageHabit, firstDay: number, now: Date): UsageDayDocument[] {
  const lastSeen = user.lastSeenAt;
  if (!lastSeen || lastSeen.getTime() < firstDay) return [];
  const lastSeenDay = Math.floor(lastSeen.getTime() / DAY_MS) * DAY_MS;
  const firstActiveDay = Math.max(firstDay, Math.floor(user.firstSeenAt.getTime() / DAY_MS) * DAY_MS);
  const days: UsageDayDocument[] = [];
  for (let dayStart = firstActiveDay; dayStart <= lastSeenDay; dayStart += DAY_MS) {
    const isLastSeenDay = dayStart === lastSeenDay;
    const weekday = new Date(dayStart).getUTCDay();
    const chance = weekday === 0 || weekday === 6 ? habit.dailyChance * WEEKEND_FACTOR : habit.dailyChance;
    if (!isLastSeenDay && !random.chance(chance)) continue;
    // The last event of a day is the user's lastSeenAt on that day, and never in the future.
    const latest = isLastSeenDay ? lastSeen.getTime() : Math.min(dayStart + DAY_MS - 1, now.getTime());
    const lastEventAt = isLastSeenDay ? lastSeen : new Date(dayStart + Math.floor(random.next() * (latest - dayStart + 1)));
    const events = random.int(...habit.eventsPerDay);
    const features = [...new Set(Array.from({ length: Math.min(events, 4) }, () => random.pick(habit.features)))];
    const day = utcDay(new Date(dayStart));
    days.push({ _id: usageDayId(user.accountId, user._id, day), accountId: user.accountId, userId: user._id, day, events, features, lastEventAt });
  }
  return days;
}
