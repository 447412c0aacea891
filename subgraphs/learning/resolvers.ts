import { DateTimeScalar } from '../kit/scalars';
import type { RequestBase, ResolverMap } from '../kit/subgraph-service';
import { parseInput } from '../kit/validation';
import type { CatalogService } from './catalog-service';
import type { CourseFeed } from './course-feed';
import type { CourseWriter } from './course-writer';
import type { EnrollmentWriter } from './enrollment-writer';
import { contentFeedArguments } from '../kit/content-feed';
import { catalogLocaleArgument, courseFilterInput, enrollmentStatusArgument } from './inputs';
import type { LearnerService, UserLearningView } from './learner-service';
import type { CourseDocument, EnrollmentDocument, LearningPathDocument, QuestDocument } from './model';

export interface LearningContext extends RequestBase {
  catalog: CatalogService;
  learners: LearnerService;
  writer: EnrollmentWriter;
  courseWriter: CourseWriter;
  courseFeed: CourseFeed;
}

interface PageArguments {
  first?: number | null;
  after?: string | null;
}

interface AccountLearningParent {
  accountId: string;
}

function locale(args: { locale?: unknown }): string | undefined {
  return parseInput(catalogLocaleArgument, args.locale, 'locale') ?? undefined;
}

/** Thin: validate arguments, hand over to the services, which authorize. */
export const learningResolvers: ResolverMap<LearningContext> = {
  DateTime: DateTimeScalar,
  Query: {
    course: (_parent, args: { id: string }, { catalog }) => catalog.course(args.id),
    courses: (_parent, args: PageArguments & { filter?: unknown }, { catalog }) => {
      const filter = parseInput(courseFilterInput, args.filter ?? {}, 'filter');
      return catalog.listCourses({ level: filter.level ?? undefined, tags: filter.tags ?? undefined, locale: filter.locale ?? undefined }, args);
    },
    learningPaths: (_parent, args: PageArguments & { locale?: unknown }, { catalog }) => catalog.listLearningPaths(locale(args), args),
    quests: (_parent, args: PageArguments & { locale?: unknown }, { catalog }) => catalog.listQuests(locale(args), args),
    courseChanges: (_parent, args: unknown, { courseFeed }) => courseFeed.changes(parseInput(contentFeedArguments, args)),
  },
  Mutation: {
    enroll: async (_parent, args: { input: unknown }, { writer, learners }) => {
      const enrollment = await writer.enroll(args.input);
      learners.remember(enrollment);
      return enrollment;
    },
    recordProgress: async (_parent, args: { input: unknown }, { writer, learners }) => {
      const enrollment = await writer.recordProgress(args.input);
      learners.remember(enrollment);
      return enrollment;
    },
    upsertCourse: async (_parent, args: { input: unknown }, { courseWriter, catalog }) => {
      const course = await courseWriter.upsertCourse(args.input);
      catalog.remember(course);
      return course;
    },
    archiveCourse: async (_parent, args: unknown, { courseWriter, catalog }) => {
      const course = await courseWriter.archiveCourse(args);
      catalog.remember(course);
      return course;
    },
  },
  Course: {
    __resolveReference: (reference: { id: string }, { catalog }: LearningContext) => catalog.course(reference.id),
    id: (course: CourseDocument) => course._id,
    badge: (course: CourseDocument, _args, { catalog }) => catalog.badge(course.badgeId),
    externalIds: (course: CourseDocument, _args, { catalog }) => {
      catalog.assertCanSeeInternalFields();
      return course.externalIds;
    },
    syncedAt: (course: CourseDocument, _args, { catalog }) => {
      catalog.assertCanSeeInternalFields();
      return course.syncedAt;
    },
    archivedAt: (course: CourseDocument) => course.archivedAt ?? null,
  },
  LearningPath: {
    __resolveReference: (reference: { id: string }, { catalog }: LearningContext) => catalog.learningPath(reference.id),
    id: (path: LearningPathDocument) => path._id,
    courses: (path: LearningPathDocument, _args, { catalog }) => catalog.coursesOfPath(path),
    estimatedMinutes: (path: LearningPathDocument, _args, { catalog }) => catalog.pathMinutes(path),
    badge: (path: LearningPathDocument, _args, { catalog }) => catalog.badge(path.badgeId),
  },
  Quest: {
    __resolveReference: (reference: { id: string }, { catalog }: LearningContext) => catalog.quest(reference.id),
    id: (quest: QuestDocument) => quest._id,
    goal: (quest: QuestDocument, _args, { catalog }) => catalog.questGoal(quest),
    rewardBadge: (quest: QuestDocument, _args, { catalog }) => catalog.badge(quest.rewardBadgeId),
  },
  LearningBadge: {
    id: (badge: { _id: string }) => badge._id,
  },
  Enrollment: {
    __resolveReference: (reference: { id: string }, { learners }: LearningContext) => learners.enrollment(reference.id),
    id: (enrollment: EnrollmentDocument) => enrollment._id,
    user: (enrollment: EnrollmentDocument) => ({ id: enrollment.userId }),
    account: (enrollment: EnrollmentDocument) => ({ id: enrollment.accountId }),
    course: (enrollment: EnrollmentDocument, _args, { learners }) => learners.courseOfEnrollment(enrollment),
  },
  User: {
    // Authorized by the learning stored for the user: the representation does not say whose user it is.
    __resolveReference: async (reference: { id: string }, { learners }: LearningContext) => {
      await learners.userLearning(reference.id);
      return { id: reference.id };
    },
    learning: (user: { id: string }, _args, { learners }) => learners.userLearning(user.id),
  },
  UserLearning: {
    level: (view: UserLearningView, _args, { learners }) => learners.level(view),
    xp: (view: UserLearningView) => view.learner?.xp ?? 0,
    badges: (view: UserLearningView, _args, { learners }) => learners.badges(view),
    enrollments: (view: UserLearningView, args: PageArguments & { status?: unknown }, { learners }) =>
      learners.enrollments(view, parseInput(enrollmentStatusArgument, args.status, 'status') ?? undefined, args),
    completedCourses: (view: UserLearningView, args: PageArguments, { learners }) => learners.completedCourses(view, args),
    quests: (view: UserLearningView, _args, { learners }) => learners.quests(view),
  },
  Account: {
    // Async, so a refusal fails this one representation rather than the whole `_entities` list.
    __resolveReference: async (reference: { id: string }, { learners }: LearningContext) => {
      learners.accountLearning(reference.id);
      return { id: reference.id };
    },
    learning: (account: { id: string }, _args, { learners }) => learners.accountLearning(account.id),
  },
  AccountLearning: {
    activeLearners30d: async ({ accountId }: AccountLearningParent, _args, { learners }) =>
      (await learners.accountSummary(accountId)).activeLearners30d,
    enrollmentCount: async ({ accountId }: AccountLearningParent, _args, { learners }) => (await learners.accountSummary(accountId)).enrollments,
    completionCount: async ({ accountId }: AccountLearningParent, _args, { learners }) => (await learners.accountSummary(accountId)).completions,
    completionRate: async ({ accountId }: AccountLearningParent, _args, { learners }) => (await learners.accountSummary(accountId)).completionRate,
    certifiedUsers: ({ accountId }: AccountLearningParent, _args, { learners }) => learners.certifiedUsers(accountId),
  },
};
