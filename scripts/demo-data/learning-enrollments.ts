import type { UserDocument } from '../../subgraphs/accounts/model';
import { dueAwards, type AwardCatalog } from '../../subgraphs/learning/awards';
import type { CourseDocument, EnrollmentDocument, LearnerDocument, LearningPathDocument } from '../../subgraphs/learning/model';
import type { AccountProfile } from './context';
import { latest } from './dates';
import type { LearningCatalog } from './learning-catalog';
import type { Random } from './random';

type Range = readonly [min: number, max: number];

/** How learning looks in a healthy account and in one at risk (fewer learners, less finished). */
interface LearningHabits {
  /** Share of the account's users who enrolled in anything. */
  enrolledShare: number;
  coursesPerLearner: Range;
  /** Chance that an enrollment was completed. */
  completionChance: number;
  /** Share of learners who follow a learning path, and how often they finish each of its courses. */
  pathFollowerShare: number;
  pathCompletionChance: number;
  /** Chance that an enrollment was at least started (completed ones included). */
  startChance: number;
  /** Progress of enrollments started but not finished. */
  partialProgress: Range;
  lowestScore: number;
}

const HEALTHY: LearningHabits = {
  enrolledShare: 0.55,
  coursesPerLearner: [1, 8],
  completionChance: 0.5,
  pathFollowerShare: 0.3,
  pathCompletionChance: 0.8,
  startChance: 0.85,
  partialProgress: [0.05, 0.95],
  lowestScore: 60,
};
const AT_RISK: LearningHabits = {
  enrolledShare: 0.35,
  coursesPerLearner: [1, 3],
  completionChance: 0.1,
  pathFollowerShare: 0.05,
  pathCompletionChance: 0.3,
  startChance: 0.55,
  partialProgress: [0.05, 0.35],
  lowestScore: 40,
};
/** The user the demo logs in as works through a path, so the portal has progress to show. */
const SHOWCASE: LearningHabits = {
  enrolledShare: 1,
  coursesPerLearner: [5, 7],
  completionChance: 0.6,
  pathFollowerShare: 1,
  pathCompletionChance: 0.85,
  startChance: 1,
  partialProgress: [0.3, 0.9],
  lowestScore: 70,
};
/** Most people learn in their company's language; some also take a course in the other one. */
const OTHER_LANGUAGE_CHANCE = 0.1;
const SCORED_CHANCE = 0.7;

export interface LearnerActivity {
  learners: LearnerDocument[];
  enrollments: EnrollmentDocument[];
}

/**
 * Enrollments of about half the users and the learner record of each (XP, badges, quests), the
 * latter computed by replaying completions through the same award rules the service applies.
 * One pass over the users: O(users × courses per learner).
 */
export function generateLearnerActivity(
  random: Random,
  profiles: readonly AccountProfile[],
  catalog: LearningCatalog,
  showcaseUserId: string | null,
): LearnerActivity {
  const awardCatalog: AwardCatalog = {
    courses: new Map(catalog.courses.map((course) => [course._id, course])),
    paths: catalog.paths,
    quests: catalog.quests,
    badges: new Map(catalog.badges.map((badge) => [badge._id, badge])),
  };
  const byLanguage = (isJapanese: boolean) => ({
    courses: catalog.courses.filter((course) => (course.locale === 'ja-JP') === isJapanese),
    paths: catalog.paths.filter((path) => (path.locale === 'ja-JP') === isJapanese),
  });
  const japanese = byLanguage(true);
  const english = byLanguage(false);
  const activity: LearnerActivity = { learners: [], enrollments: [] };

  for (const profile of profiles) {
    const accountHabits = profile.isAtRisk ? AT_RISK : HEALTHY;
    const [own, other] = profile.account.locale === 'ja-JP' ? [japanese, english] : [english, japanese];
    for (const user of profile.users) {
      const habits = user._id === showcaseUserId ? SHOWCASE : accountHabits;
      // Someone never seen in the product cannot have learned in it.
      if (user.lastSeenAt === null || !random.chance(habits.enrolledShare)) continue;
      const plan = planCourses(random, habits, own, other.courses);
      const enrollments = plan.flatMap(({ course, completionChance }) => buildEnrollment(random, habits, completionChance, user, course) ?? []);
      if (enrollments.length === 0) continue;
      activity.enrollments.push(...enrollments);
      activity.learners.push(buildLearner(user, enrollments, awardCatalog));
    }
  }
  return activity;
}

interface PlannedCourse {
  course: CourseDocument;
  completionChance: number;
}

/** A learner's courses: random ones in their language, or a whole path they work through. */
function planCourses(
  random: Random,
  habits: LearningHabits,
  own: { courses: CourseDocument[]; paths: LearningPathDocument[] },
  otherCourses: readonly CourseDocument[],
): PlannedCourse[] {
  const count = random.int(...habits.coursesPerLearner);
  const path = own.paths.length && random.chance(habits.pathFollowerShare) ? random.pick(own.paths) : null;
  const pathCourseIds = new Set(path?.courseIds ?? []);
  const fromPath = own.courses
    .filter((course) => pathCourseIds.has(course._id))
    .map((course) => ({ course, completionChance: habits.pathCompletionChance }));
  const others = random
    .shuffle(own.courses.filter((course) => !pathCourseIds.has(course._id)))
    .slice(0, Math.max(0, count - fromPath.length))
    .map((course) => ({ course, completionChance: habits.completionChance }));
  const planned = [...fromPath, ...others];
  if (random.chance(OTHER_LANGUAGE_CHANCE)) planned.push({ course: random.pick(otherCourses), completionChance: habits.completionChance });
  return planned;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function buildEnrollment(
  random: Random,
  habits: LearningHabits,
  completionChance: number,
  user: UserDocument,
  course: CourseDocument,
): EnrollmentDocument | null {
  const until = user.lastSeenAt ?? user.firstSeenAt;
  const from = latest(user.firstSeenAt, course.createdAt);
  if (until < from) return null;
  const enrolledAt = random.dateBetween(from, until);
  const enrollment: EnrollmentDocument = {
    _id: `enr_${user._id.slice('usr_'.length)}_${course._id.slice('crs_'.length)}`,
    userId: user._id,
    accountId: user.accountId,
    courseId: course._id,
    progress: 0,
    status: 'ENROLLED',
    enrolledAt,
    startedAt: null,
    completedAt: null,
    score: null,
    lastActivityAt: enrolledAt,
    version: 1,
    createdAt: enrolledAt,
    updatedAt: enrolledAt,
  };
  const roll = random.next();
  if (roll >= Math.max(habits.startChance, completionChance)) return enrollment;
  const startedAt = random.dateBetween(enrolledAt, until);
  enrollment.startedAt = startedAt;
  if (roll < completionChance) {
    const completedAt = random.dateBetween(startedAt, until);
    enrollment.progress = 1;
    enrollment.status = 'COMPLETED';
    enrollment.completedAt = completedAt;
    enrollment.score = random.chance(SCORED_CHANCE) ? random.int(habits.lowestScore, 100) : null;
    enrollment.lastActivityAt = completedAt;
  } else {
    const [low, high] = habits.partialProgress;
    enrollment.progress = round2(low + random.next() * (high - low));
    enrollment.status = 'IN_PROGRESS';
    enrollment.lastActivityAt = random.dateBetween(startedAt, until);
  }
  enrollment.updatedAt = enrollment.lastActivityAt;
  return enrollment;
}

/** XP, badges and quests earned in the order the courses were completed. */
function buildLearner(user: UserDocument, enrollments: readonly EnrollmentDocument[], catalog: AwardCatalog): LearnerDocument {
  const learner: LearnerDocument = {
    _id: user._id,
    accountId: user.accountId,
    xp: 0,
    badges: [],
    questCompletions: [],
    awardedCourseIds: [],
    createdAt: enrollments.reduce((min, enrollment) => (enrollment.enrolledAt < min ? enrollment.enrolledAt : min), enrollments[0]!.enrolledAt),
    updatedAt: enrollments.reduce((max, enrollment) => (enrollment.lastActivityAt > max ? enrollment.lastActivityAt : max), enrollments[0]!.lastActivityAt),
  };
  const completions = enrollments
    .filter((enrollment): enrollment is EnrollmentDocument & { completedAt: Date } => enrollment.completedAt !== null)
    .sort((left, right) => left.completedAt.getTime() - right.completedAt.getTime());
  const completed = new Set<string>();
  for (const completion of completions) {
    completed.add(completion.courseId);
    const awards = dueAwards(catalog, completed, learner);
    learner.xp += awards.xp;
    learner.awardedCourseIds.push(...awards.courseIds);
    learner.badges.push(...awards.badges.map((badge) => ({ ...badge, earnedAt: completion.completedAt })));
    learner.questCompletions.push(...awards.questIds.map((questId) => ({ questId, completedAt: completion.completedAt })));
  }
  return learner;
}
