import type { Persona, UserDocument } from '../../subgraphs/accounts/model';
import { KEY_FEATURES } from '../../subgraphs/accounts/usage/key-features';
import type { Random } from './random';

/** Everyday events that are not key features: they add depth, not breadth. */
export const EVERYDAY_EVENTS = ['Page Viewed', 'Report Viewed', 'Search Performed', 'Comment Added'] as const;

/** How one user uses the product: how often, how much, and which features. */
export interface UsageHabit {
  /** Chance of being active on a weekday (weekends are quieter). */
  dailyChance: number;
  eventsPerDay: readonly [min: number, max: number];
  features: string[];
}

/** Chance of using the product on a weekday, by persona: admins and champions live in it. */
const DAILY_CHANCE: Readonly<Record<Persona, number>> = {
  ADMIN: 0.7,
  CHAMPION: 0.65,
  DEVELOPER: 0.55,
  END_USER: 0.4,
  EXECUTIVE: 0.15,
};

/**
 * The key features an account has adopted. Healthy accounts use most of them; at-risk ones a
 * narrow few, which is what low breadth means.
 */
export function adoptedKeyFeatures(random: Random, isAtRisk: boolean): string[] {
  const count = isAtRisk ? random.int(1, 3) : random.int(5, KEY_FEATURES.length);
  return random.shuffle(KEY_FEATURES).slice(0, count);
}

/** A user's habit within their account: at-risk accounts' users come rarely and do little. */
export function userHabit(random: Random, user: UserDocument, accountFeatures: readonly string[], isAtRisk: boolean): UsageHabit {
  const chance = DAILY_CHANCE[user.persona] * (isAtRisk ? 0.25 : random.int(80, 120) / 100);
  const keyFeatures = random.shuffle(accountFeatures).slice(0, Math.max(1, random.int(1, accountFeatures.length)));
  return {
    dailyChance: Math.min(0.95, chance),
    eventsPerDay: isAtRisk ? [1, 3] : [2, user.persona === 'EXECUTIVE' ? 4 : 14],
    features: [...keyFeatures, ...random.shuffle(EVERYDAY_EVENTS).slice(0, random.int(1, EVERYDAY_EVENTS.length))],
  };
}
