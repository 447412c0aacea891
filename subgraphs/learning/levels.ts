/**
 * The level table: a level starts at `minXp`. Gaps widen as levels rise so that the first levels
 * come within a course or two (one course awards 50–300 XP) and the top takes a year of learning.
 * The schema's description of `UserLearning.level` repeats these numbers; change both together.
 */
export const LEVEL_THRESHOLDS = [
  { number: 1, title: 'Newcomer', minXp: 0 },
  { number: 2, title: 'Explorer', minXp: 100 },
  { number: 3, title: 'Learner', minXp: 250 },
  { number: 4, title: 'Practitioner', minXp: 500 },
  { number: 5, title: 'Specialist', minXp: 1_000 },
  { number: 6, title: 'Expert', minXp: 2_000 },
  { number: 7, title: 'Master', minXp: 3_500 },
  { number: 8, title: 'Mentor', minXp: 5_500 },
  { number: 9, title: 'Champion', minXp: 8_000 },
  { number: 10, title: 'Legend', minXp: 12_000 },
] as const;

export interface LearnerLevel {
  number: number;
  title: string;
  minXp: number;
  /** Where the next level starts; null at the top. */
  nextLevelXp: number | null;
}

/** The highest level whose threshold `xp` reaches; negative XP counts as 0. */
export function levelForXp(xp: number): LearnerLevel {
  let index = 0;
  while (index + 1 < LEVEL_THRESHOLDS.length && xp >= LEVEL_THRESHOLDS[index + 1]!.minXp) index += 1;
  const level = LEVEL_THRESHOLDS[index]!;
  return { number: level.number, title: level.title, minXp: level.minXp, nextLevelXp: LEVEL_THRESHOLDS[index + 1]?.minXp ?? null };
}
