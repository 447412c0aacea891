import { wholeDaysBetween } from './conditions';
import type { Persona } from './model';
import type { Population, PopulationUser } from './population-model';

/** Who completed a course, and how many days after they were first seen. */
interface Completer {
  userId: string;
  daysAfterFirstSeen: number;
}

/** The population grouped for the questions recommendations ask, built once per population. */
export interface PopulationIndex {
  /** Users per persona. */
  usersOfPersona: Map<Persona, PopulationUser[]>;
  /** Per persona, per course: who completed it. */
  completersOf: Map<Persona, Map<string, Completer[]>>;
}

/** The list a map holds for a key, created empty on first use. */
function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

const indexes = new WeakMap<Population, PopulationIndex>();

export function indexOf(population: Population): PopulationIndex {
  const cached = indexes.get(population);
  if (cached) return cached;
  const usersOfPersona = new Map<Persona, PopulationUser[]>();
  const completersOf = new Map<Persona, Map<string, Completer[]>>();
  for (const user of population.users) {
    listIn(usersOfPersona, user.persona).push(user);
    const byCourse = completersOf.get(user.persona) ?? new Map<string, Completer[]>();
    completersOf.set(user.persona, byCourse);
    for (const completion of user.completions) {
      listIn(byCourse, completion.courseId).push({ userId: user.id, daysAfterFirstSeen: wholeDaysBetween(user.firstSeenAt, completion.completedAt) });
    }
  }
  const index = { usersOfPersona, completersOf };
  indexes.set(population, index);
  return index;
}

/**
 * Other users of a persona who completed a course, within `withinDays` of being first seen when
 * given, and how many other users of the persona there are: the share is the course's popularity
 * among the user's peers.
 */
export function peerCompletions(
  index: PopulationIndex,
  persona: Persona,
  courseId: string,
  userId: string,
  withinDays?: number,
): { peerCount: number; peersOfPersona: number } {
  const completers = index.completersOf.get(persona)?.get(courseId) ?? [];
  const peerCount = completers.filter((completer) => completer.userId !== userId && (withinDays === undefined || completer.daysAfterFirstSeen <= withinDays)).length;
  const persons = index.usersOfPersona.get(persona) ?? [];
  return { peerCount, peersOfPersona: persons.filter((user) => user.id !== userId).length };
}
