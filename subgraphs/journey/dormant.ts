import { wholeDaysBetween } from './conditions';
import type { Persona } from './model';
import type { Population, PopulationUser } from './population-model';

/** `DormantUser`. */
export interface DormantUser {
  user: { id: string };
  lastActiveAt: Date | null;
  inactiveDays: number;
  suggestedFeatures: string[];
}

/**
 * The last time anything shows the user active: seen in the product (accounts), a usage event in
 * the last 30 days, or learning progress. Null when nothing does.
 */
export function lastActivityOf(user: PopulationUser): Date | null {
  const times = [user.lastSeenAt, user.usage?.lastActiveAt ?? null, user.lastLearningAt].filter((time): time is Date => time !== null);
  return times.length ? new Date(Math.max(...times.map((time) => time.getTime()))) : null;
}

/** Per persona, per feature: how many active users of the persona used it in the last 30 days. */
function featureUseByPersona(activeUsers: readonly PopulationUser[]): Map<Persona, Map<string, number>> {
  const byPersona = new Map<Persona, Map<string, number>>();
  for (const user of activeUsers) {
    const counts = byPersona.get(user.persona) ?? new Map<string, number>();
    byPersona.set(user.persona, counts);
    for (const feature of user.usage?.featuresUsed ?? []) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  }
  return byPersona;
}

/**
 * Users with no activity for at least `inactiveDays` whole days (never-active users count from when
 * they were first seen), longest inactive first. Each gets the features most used in the last 30
 * days by the users of their persona who are not dormant, most users first, then by name.
 */
export function findDormantUsers(population: Population, options: { inactiveDays: number; suggestedFeatures: number; now: Date }): DormantUser[] {
  const dormant: DormantUser[] = [];
  const active: PopulationUser[] = [];
  const personaOf = new Map<string, Persona>();
  for (const user of population.users) {
    const lastActiveAt = lastActivityOf(user);
    const inactiveDays = wholeDaysBetween(lastActiveAt ?? user.firstSeenAt, options.now);
    if (inactiveDays >= options.inactiveDays) {
      dormant.push({ user: { id: user.id }, lastActiveAt, inactiveDays, suggestedFeatures: [] });
      personaOf.set(user.id, user.persona);
    } else if (user.usage) {
      active.push(user);
    }
  }
  const featureUse = featureUseByPersona(active);
  for (const entry of dormant) {
    const counts = featureUse.get(personaOf.get(entry.user.id)!) ?? new Map<string, number>();
    entry.suggestedFeatures = [...counts.entries()]
      .sort(([nameA, usersA], [nameB, usersB]) => usersB - usersA || nameA.localeCompare(nameB))
      .slice(0, options.suggestedFeatures)
      .map(([name]) => name);
  }
  return dormant.sort((a, b) => b.inactiveDays - a.inactiveDays || a.user.id.localeCompare(b.user.id));
}
