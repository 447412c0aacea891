import type { ExternalId } from '../kit/records';
export type { ExternalId } from '../kit/records';

/** The documents the learning subgraph stores. Field names are the stored shape, not the API. */

export const COURSE_LEVELS = ['BEGINNER', 'INTERMEDIATE', 'ADVANCED'] as const;
export type CourseLevel = (typeof COURSE_LEVELS)[number];

export const ENROLLMENT_STATUSES = ['ENROLLED', 'IN_PROGRESS', 'COMPLETED'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

export interface CourseModule {
  id: string;
  title: string;
  estimatedMinutes: number;
}

export interface CourseDocument {
  _id: string;
  title: string;
  description: string;
  level: CourseLevel;
  /** Lower-case topics. */
  tags: string[];
  /** BCP 47 locale such as `ja-JP`. */
  locale: string;
  modules: CourseModule[];
  /** The sum of the modules' minutes, stored so the catalog can be filtered and sorted by it. */
  estimatedMinutes: number;
  /** XP awarded once per user on completion. */
  completionXp: number;
  /** The badge completing the course earns. */
  badgeId: string | null;
  /**
   * Popularity, kept as a counter that each new enrollment increments: counting enrollments on
   * every catalog page would scan the whole enrollments collection.
   */
  enrollmentCount: number;
  externalIds: ExternalId[];
  /** `source:id` strings, present only when non-empty, under a sparse unique index. */
  externalKeys?: string[];
  syncedAt: Date | null;
  /**
   * When the course was withdrawn from the catalog. Missing on courses stored before archiving
   * existed: missing and null both mean offered, and `{ archivedAt: null }` matches both.
   */
  archivedAt?: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Whether the course is withdrawn: kept for its learners, closed to new ones. */
export function isArchived(course: Pick<CourseDocument, 'archivedAt'>): boolean {
  return course.archivedAt !== undefined && course.archivedAt !== null;
}

export interface LearningPathDocument {
  _id: string;
  title: string;
  description: string;
  locale: string;
  /** Ordered: the order to take the courses in. */
  courseIds: string[];
  /** The badge (usually a certification) completing every course earns. */
  badgeId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type QuestGoal =
  | { kind: 'COMPLETE_COURSES'; courseCount: number }
  | { kind: 'COMPLETE_LEARNING_PATH'; learningPathId: string };
export type QuestGoalKind = QuestGoal['kind'];

export interface QuestDocument {
  _id: string;
  title: string;
  description: string;
  locale: string;
  goal: QuestGoal;
  rewardXp: number;
  rewardBadgeId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface BadgeDocument {
  _id: string;
  name: string;
  description: string;
  /** Certification badges are what `AccountLearning.certifiedUsers` counts. */
  isCertification: boolean;
  createdAt: Date;
}

export interface EarnedBadgeEntry {
  badgeId: string;
  /** Copied from the badge so certified users can be counted on learners alone. */
  isCertification: boolean;
  earnedAt: Date;
}

export interface QuestCompletionEntry {
  questId: string;
  completedAt: Date;
}

/**
 * One per user who ever enrolled: XP, badges and completed quests. Its `accountId` is what
 * authorizes reads of the user's learning, because this subgraph does not own users.
 */
export interface LearnerDocument {
  /** The user's id. */
  _id: string;
  accountId: string;
  xp: number;
  badges: EarnedBadgeEntry[];
  questCompletions: QuestCompletionEntry[];
  /** Courses whose XP was awarded: the guard that makes awarding happen at most once. */
  awardedCourseIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface EnrollmentDocument {
  _id: string;
  userId: string;
  accountId: string;
  courseId: string;
  /** From 0 to 1; never decreases. */
  progress: number;
  status: EnrollmentStatus;
  enrolledAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
  /** 0–100. */
  score: number | null;
  lastActivityAt: Date;
  /** Incremented by every write, so concurrent writers can compare and set. */
  version: number;
  /**
   * What `enroll` and `recordProgress` alone made of the enrollment, kept once xAPI statements
   * touch it: voiding a statement recomputes the enrollment from this and the statements that
   * remain, so progress recorded directly survives the undo. Missing until the first statement.
   */
  directState?: DirectEnrollmentState;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * The enrollment fields that progress reports set, as reported outside xAPI statements. Its
 * `lastActivityAt` is null when nothing was (an enrollment a statement created).
 */
export type DirectEnrollmentState = Pick<EnrollmentDocument, 'progress' | 'score' | 'startedAt' | 'completedAt'> & { lastActivityAt: Date | null };
