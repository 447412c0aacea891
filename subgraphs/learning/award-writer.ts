import type { Filter, UpdateFilter } from 'mongodb';
import { errors } from '../kit/errors';
import { dueAwards, hasAwards, type AwardCatalog, type Awards } from './awards';
import type { LearnerDocument } from './model';
import type { LearnerRef } from './policy';
import type { LearningRepository } from './repository';

/** Concurrent completions by one user are rare; a few rounds settle them. */
const MAX_ATTEMPTS = 5;

/**
 * Grants a learner everything their completed courses have earned: course XP, badges and
 * quests, in one guarded write to the learner. The guard (none of these awards held yet) makes
 * the write all-or-nothing and at-most-once: when a concurrent writer got there first, nothing
 * is applied, and the awards are worked out again from the new state.
 */
export class AwardWriter {
  constructor(private readonly repository: LearningRepository) {}

  /** @returns what was granted (nothing when everything earned was already held) */
  async grantDue(learnerRef: LearnerRef, now: Date): Promise<Awards> {
    const { userId } = learnerRef;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const [learner, completedCourseIds] = await Promise.all([
        this.repository.findLearnerById(userId),
        this.repository.completedCourseIdsOf(userId),
      ]);
      if (!learner) {
        // Enrolling creates the learner; records imported without one get it here.
        await this.repository.ensureLearner(userId, learnerRef.accountId, now);
        continue;
      }
      const awards = dueAwards(await this.catalogFor(completedCourseIds), new Set(completedCourseIds), learner);
      if (!hasAwards(awards)) return awards;
      const result = await this.repository.updateLearnerIf(userId, guardAgainstTwice(awards), grant(awards, now));
      if (result.matchedCount === 1) return awards;
    }
    throw errors.conflict(`Awards of user ${userId} kept changing concurrently; record the progress again`);
  }

  private async catalogFor(completedCourseIds: readonly string[]): Promise<AwardCatalog> {
    const [courses, paths, quests, badges] = await Promise.all([
      completedCourseIds.length ? this.repository.findCoursesByIds(completedCourseIds) : Promise.resolve([]),
      this.repository.allPaths(),
      this.repository.allQuests(),
      this.repository.allBadges(),
    ]);
    return {
      courses: new Map(courses.map((course) => [course._id, course])),
      paths,
      quests,
      badges: new Map(badges.map((badge) => [badge._id, badge])),
    };
  }
}

function guardAgainstTwice(awards: Awards): Filter<LearnerDocument> {
  return {
    awardedCourseIds: { $nin: awards.courseIds },
    'badges.badgeId': { $nin: awards.badges.map((badge) => badge.badgeId) },
    'questCompletions.questId': { $nin: awards.questIds },
  } as Filter<LearnerDocument>;
}

function grant(awards: Awards, now: Date): UpdateFilter<LearnerDocument> {
  return {
    $inc: { xp: awards.xp },
    $addToSet: { awardedCourseIds: { $each: awards.courseIds } },
    $push: {
      badges: { $each: awards.badges.map((badge) => ({ ...badge, earnedAt: now })) },
      questCompletions: { $each: awards.questIds.map((questId) => ({ questId, completedAt: now })) },
    },
    $set: { updatedAt: now },
  } as UpdateFilter<LearnerDocument>;
}
