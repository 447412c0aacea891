import type { Identity } from '../kit/auth';
import { errors } from '../kit/errors';
import { pageSize, type Connection, type PageArgs } from '../kit/pagination';
import { questProgress } from './awards';
import { levelForXp, type LearnerLevel } from './levels';
import type { CourseDocument, EnrollmentDocument, EnrollmentStatus, LearnerDocument, QuestDocument } from './model';
import { learningPolicy } from './policy';
import type { AccountEnrollmentSummary } from './summary-queries';
import type { RequestLoaders } from './request-loaders';

/** A user's learning as resolved for a caller who may read it; `learner` is null for a newcomer. */
export interface UserLearningView {
  userId: string;
  learner: LearnerDocument | null;
}

export interface EarnedBadgeView {
  id: string;
  name: string;
  description: string;
  isCertification: boolean;
  earnedAt: Date;
}

export interface QuestProgressView {
  quest: QuestDocument;
  progress: number;
  isCompleted: boolean;
  completedAt: Date | null;
}

function emptyConnection<T>(page: PageArgs): Connection<T> {
  pageSize(page.first);
  return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: async () => 0 };
}

/**
 * Reads of users' and accounts' learning for one request. Every read is authorized here, by the
 * account stored with the learning, and goes through the request's loaders, so a list of many
 * users or accounts costs the same few queries as one.
 */
export class LearnerService {
  constructor(
    private readonly identity: Identity,
    private readonly requestLoaders: RequestLoaders,
  ) {}

  private get loaders() {
    return this.requestLoaders.loaders;
  }

  /** The user's learning, or FORBIDDEN when it is stored under an account the caller may not read. */
  async userLearning(userId: string): Promise<UserLearningView> {
    const learner = await this.loaders.learnerById.load(userId);
    learningPolicy.assertCanReadUserLearning(this.identity, userId, learner?.accountId ?? null);
    return { userId, learner };
  }

  level(view: UserLearningView): LearnerLevel {
    return levelForXp(view.learner?.xp ?? 0);
  }

  /** Earned badges, oldest first; a badge since removed from the catalog is left out. */
  async badges(view: UserLearningView): Promise<EarnedBadgeView[]> {
    const entries = [...(view.learner?.badges ?? [])].sort((left, right) => left.earnedAt.getTime() - right.earnedAt.getTime());
    const badges = await this.loaders.badgeById.loadMany(entries.map((entry) => entry.badgeId));
    return entries.flatMap((entry, index) => {
      const badge = badges[index];
      if (!badge || badge instanceof Error) return [];
      return [{ id: badge._id, name: badge.name, description: badge.description, isCertification: badge.isCertification, earnedAt: entry.earnedAt }];
    });
  }

  enrollments(view: UserLearningView, status: EnrollmentStatus | undefined, page: PageArgs): Promise<Connection<EnrollmentDocument>> {
    // Enrolling always stores the learner first: without one there is nothing to list.
    if (!view.learner) return Promise.resolve(emptyConnection(page));
    return this.loaders.enrollmentsOfUser.load(view.userId, page, status ? { status } : {});
  }

  async completedCourses(view: UserLearningView, page: PageArgs): Promise<Connection<CourseDocument>> {
    if (!view.learner) return emptyConnection(page);
    const completions = await this.loaders.completionsOfUser.load(view.userId, page, { status: 'COMPLETED' });
    const courses = await this.loaders.courseById.loadMany(completions.edges.map((edge) => edge.node.courseId));
    const edges = completions.edges.flatMap((edge, index) => {
      const course = courses[index];
      return course && !(course instanceof Error) ? [{ cursor: edge.cursor, node: course }] : [];
    });
    return { ...completions, edges };
  }

  /** Every quest with the user's progress; completed quests stay at 1 whatever changes later. */
  async quests(view: UserLearningView): Promise<QuestProgressView[]> {
    const [quests, paths, completedCourseIds] = await Promise.all([
      this.loaders.allQuests(),
      this.loaders.allPaths(),
      view.learner ? this.loaders.completedCourseIdsOfUser.load(view.userId) : Promise.resolve([]),
    ]);
    const completed = new Set(completedCourseIds);
    const pathsById = new Map(paths.map((path) => [path._id, path]));
    const completions = new Map((view.learner?.questCompletions ?? []).map((entry) => [entry.questId, entry.completedAt]));
    return [...quests]
      .sort((left, right) => left.title.localeCompare(right.title))
      .map((quest) => {
        const completedAt = completions.get(quest._id) ?? null;
        return {
          quest,
          progress: completedAt ? 1 : questProgress(quest, completed, pathsById),
          isCompleted: completedAt !== null,
          completedAt,
        };
      });
  }

  /** An account whose learning the caller may read; used for `Account` references too. */
  accountLearning(accountId: string): { accountId: string } {
    learningPolicy.assertCanReadAccountLearning(this.identity, accountId);
    return { accountId };
  }

  /** Enrollment figures of an account; the completion rate is null while it has no enrollments. */
  async accountSummary(accountId: string): Promise<AccountEnrollmentSummary & { completionRate: number | null }> {
    learningPolicy.assertCanReadAccountLearning(this.identity, accountId);
    const summary = await this.loaders.enrollmentSummaryOfAccount.load(accountId);
    return { ...summary, completionRate: summary.enrollments === 0 ? null : summary.completions / summary.enrollments };
  }

  certifiedUsers(accountId: string): Promise<number> {
    learningPolicy.assertCanReadAccountLearning(this.identity, accountId);
    return this.loaders.certifiedUsersOfAccount.load(accountId);
  }

  /** An enrollment the caller may read; unknown ids are FORBIDDEN to customers and null to others. */
  async enrollment(id: string): Promise<EnrollmentDocument | null> {
    const enrollment = await this.loaders.enrollmentById.load(id);
    learningPolicy.assertCanReadEnrollment(this.identity, id, enrollment);
    return enrollment;
  }

  async courseOfEnrollment(enrollment: EnrollmentDocument): Promise<CourseDocument> {
    const course = await this.loaders.courseById.load(enrollment.courseId);
    if (!course) throw errors.notFound('Course', enrollment.courseId);
    return course;
  }

  /** Primes the loaders with a document just written, so the mutation's result reads it back. */
  remember(enrollment: EnrollmentDocument): void {
    this.requestLoaders.reset();
    this.loaders.enrollmentById.prime(enrollment._id, enrollment);
  }
}
