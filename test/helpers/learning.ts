import type { UserDocument } from '../../subgraphs/accounts/model';
import { subgraphDatabase } from '../../subgraphs/kit/subgraph-service';
import type {
  BadgeDocument,
  CourseDocument,
  EnrollmentDocument,
  LearnerDocument,
  LearningPathDocument,
  QuestDocument,
} from '../../subgraphs/learning/model';
import { LearningRepository } from '../../subgraphs/learning/repository';
import { LEARNING_SUBGRAPH } from '../../subgraphs/learning/server';
import type { Stack } from './stack';
import { nextSequence } from './factories';

const CREATED = new Date('2024-01-10T00:00:00Z');

/** The learning subgraph's repository on the stack's store, for arranging and checking data. */
export function learningRepository(stack: Pick<Stack, 'store' | 'config'>): LearningRepository {
  return new LearningRepository(subgraphDatabase(stack, LEARNING_SUBGRAPH));
}

export function buildCourse(overrides: Partial<CourseDocument> = {}): CourseDocument {
  const n = nextSequence();
  return {
    _id: `crs_t${n}`,
    title: `Course ${String(n).padStart(4, '0')}`,
    description: 'A course for tests.',
    level: 'BEGINNER',
    tags: ['basics'],
    locale: 'en-US',
    modules: [
      { id: 'm1', title: 'First steps', estimatedMinutes: 10 },
      { id: 'm2', title: 'Next steps', estimatedMinutes: 20 },
    ],
    estimatedMinutes: 30,
    completionXp: 100,
    badgeId: null,
    enrollmentCount: 0,
    externalIds: [],
    syncedAt: null,
    createdAt: CREATED,
    updatedAt: CREATED,
    ...overrides,
  };
}

export function buildPath(courses: readonly CourseDocument[], overrides: Partial<LearningPathDocument> = {}): LearningPathDocument {
  const n = nextSequence();
  return {
    _id: `lpt_t${n}`,
    title: `Path ${String(n).padStart(4, '0')}`,
    description: 'A path for tests.',
    locale: 'en-US',
    courseIds: courses.map((course) => course._id),
    badgeId: null,
    createdAt: CREATED,
    updatedAt: CREATED,
    ...overrides,
  };
}

export function buildQuest(goal: QuestDocument['goal'], overrides: Partial<QuestDocument> = {}): QuestDocument {
  const n = nextSequence();
  return {
    _id: `qst_t${n}`,
    title: `Quest ${String(n).padStart(4, '0')}`,
    description: 'A quest for tests.',
    locale: 'en-US',
    goal,
    rewardXp: 50,
    rewardBadgeId: null,
    createdAt: CREATED,
    updatedAt: CREATED,
    ...overrides,
  };
}

export function buildBadge(overrides: Partial<BadgeDocument> = {}): BadgeDocument {
  const n = nextSequence();
  return { _id: `bdg_t${n}`, name: `Badge ${n}`, description: 'A badge for tests.', isCertification: false, createdAt: CREATED, ...overrides };
}

export function buildLearner(user: UserDocument, overrides: Partial<LearnerDocument> = {}): LearnerDocument {
  return {
    _id: user._id,
    accountId: user.accountId,
    xp: 0,
    badges: [],
    questCompletions: [],
    awardedCourseIds: [],
    createdAt: CREATED,
    updatedAt: CREATED,
    ...overrides,
  };
}

/** An enrollment; `COMPLETED` ones get progress 1 and a completion date unless overridden. */
export function buildEnrollment(user: UserDocument, course: CourseDocument, overrides: Partial<EnrollmentDocument> = {}): EnrollmentDocument {
  const n = nextSequence();
  const status = overrides.status ?? 'ENROLLED';
  const enrolledAt = new Date(CREATED.getTime() + n * 60_000);
  return {
    _id: `enr_t${n}`,
    userId: user._id,
    accountId: user.accountId,
    courseId: course._id,
    progress: status === 'COMPLETED' ? 1 : status === 'IN_PROGRESS' ? 0.5 : 0,
    status,
    enrolledAt,
    startedAt: status === 'ENROLLED' ? null : enrolledAt,
    completedAt: status === 'COMPLETED' ? enrolledAt : null,
    score: null,
    lastActivityAt: enrolledAt,
    version: 1,
    createdAt: enrolledAt,
    updatedAt: enrolledAt,
    ...overrides,
  };
}

export interface LearningSeed {
  badges?: BadgeDocument[];
  courses?: CourseDocument[];
  paths?: LearningPathDocument[];
  quests?: QuestDocument[];
  learners?: LearnerDocument[];
  enrollments?: EnrollmentDocument[];
}

export async function seedLearning(stack: Pick<Stack, 'store' | 'config'>, seed: LearningSeed): Promise<void> {
  await learningRepository(stack).insertAll({
    badges: seed.badges ?? [],
    courses: seed.courses ?? [],
    paths: seed.paths ?? [],
    quests: seed.quests ?? [],
    learners: seed.learners ?? [],
    enrollments: seed.enrollments ?? [],
  });
}

/** How many documents each learning collection holds, to prove that a refused write stored nothing. */
export async function countLearningDocuments(stack: Pick<Stack, 'store' | 'config'>): Promise<Record<string, number>> {
  const repository = learningRepository(stack);
  return {
    courses: await repository.courses.countDocuments(),
    learners: await repository.learners.countDocuments(),
    enrollments: await repository.enrollments.countDocuments(),
  };
}


/** A stored course, or null: to prove what a write changed, and that a refused one changed nothing. */
export function storedCourse(stack: Pick<Stack, 'store' | 'config'>, id: string): Promise<CourseDocument | null> {
  return learningRepository(stack).findCourseById(id);
}
