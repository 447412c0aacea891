import type { LearnerDocument, LearningPathDocument, QuestDocument } from './model';

/**
 * The award rules as pure functions of what a user has completed, so the service and the demo
 * data generator agree on them: a course awards its XP and badge, a finished path its badge, a
 * reached quest goal its XP and badge. Each award is given at most once.
 */

/** What the rules need to know about the catalog. */
export interface AwardCatalog {
  courses: ReadonlyMap<string, { completionXp: number; badgeId: string | null }>;
  paths: readonly LearningPathDocument[];
  quests: readonly QuestDocument[];
  badges: ReadonlyMap<string, { isCertification: boolean }>;
}

/** What a learner already holds, as far as the rules care. */
export type LearnerHoldings = Pick<LearnerDocument, 'badges' | 'questCompletions' | 'awardedCourseIds'>;

/** Everything newly due to a learner; applying it twice is prevented by the writer's guards. */
export interface Awards {
  xp: number;
  /** Courses whose XP is included in `xp`. */
  courseIds: string[];
  badges: Array<{ badgeId: string; isCertification: boolean }>;
  /** Quests completed now; their XP is included in `xp`. */
  questIds: string[];
}

export function isPathComplete(path: Pick<LearningPathDocument, 'courseIds'>, completedCourseIds: ReadonlySet<string>): boolean {
  return path.courseIds.length > 0 && path.courseIds.every((courseId) => completedCourseIds.has(courseId));
}

/** Share of a quest's goal reached, from 0 to 1. A goal naming an unknown path stays at 0. */
export function questProgress(
  quest: Pick<QuestDocument, 'goal'>,
  completedCourseIds: ReadonlySet<string>,
  pathsById: ReadonlyMap<string, Pick<LearningPathDocument, 'courseIds'>>,
): number {
  if (quest.goal.kind === 'COMPLETE_COURSES') {
    return quest.goal.courseCount <= 0 ? 1 : Math.min(1, completedCourseIds.size / quest.goal.courseCount);
  }
  const path = pathsById.get(quest.goal.learningPathId);
  if (!path || path.courseIds.length === 0) return 0;
  return path.courseIds.filter((courseId) => completedCourseIds.has(courseId)).length / path.courseIds.length;
}

/** How many courses a quest's goal asks for. */
export function questTargetCount(quest: Pick<QuestDocument, 'goal'>, pathsById: ReadonlyMap<string, Pick<LearningPathDocument, 'courseIds'>>): number {
  return quest.goal.kind === 'COMPLETE_COURSES' ? quest.goal.courseCount : (pathsById.get(quest.goal.learningPathId)?.courseIds.length ?? 0);
}

/**
 * The awards due for `completedCourseIds` that `holdings` does not yet hold. Evaluating every
 * completed course (not only the latest) also repairs awards a crash may have left out.
 */
export function dueAwards(catalog: AwardCatalog, completedCourseIds: ReadonlySet<string>, holdings: LearnerHoldings): Awards {
  const awarded = new Set(holdings.awardedCourseIds);
  const heldBadges = new Set(holdings.badges.map((badge) => badge.badgeId));
  const doneQuests = new Set(holdings.questCompletions.map((completion) => completion.questId));
  const pathsById = new Map(catalog.paths.map((path) => [path._id, path]));
  const awards: Awards = { xp: 0, courseIds: [], badges: [], questIds: [] };
  const addBadge = (badgeId: string | null) => {
    const badge = badgeId ? catalog.badges.get(badgeId) : undefined;
    if (badgeId && badge && !heldBadges.has(badgeId)) {
      heldBadges.add(badgeId);
      awards.badges.push({ badgeId, isCertification: badge.isCertification });
    }
  };

  for (const courseId of [...completedCourseIds].sort()) {
    const course = catalog.courses.get(courseId);
    if (!course) continue;
    if (!awarded.has(courseId)) {
      awards.xp += course.completionXp;
      awards.courseIds.push(courseId);
    }
    addBadge(course.badgeId);
  }
  for (const path of catalog.paths) {
    if (isPathComplete(path, completedCourseIds)) addBadge(path.badgeId);
  }
  for (const quest of catalog.quests) {
    if (doneQuests.has(quest._id) || questProgress(quest, completedCourseIds, pathsById) < 1) continue;
    awards.xp += quest.rewardXp;
    awards.questIds.push(quest._id);
    addBadge(quest.rewardBadgeId);
  }
  return awards;
}

export function hasAwards(awards: Awards): boolean {
  return awards.courseIds.length + awards.badges.length + awards.questIds.length > 0;
}
