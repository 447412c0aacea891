import type { Identity } from '../kit/auth';
import type { PageArgs } from '../kit/pagination';
import { questTargetCount } from './awards';
import type { BadgeDocument, CourseDocument, LearningPathDocument, QuestDocument, QuestGoalKind } from './model';
import { learningPolicy } from './policy';
import type { CourseListFilter, LearningRepository } from './repository';
import type { RequestLoaders } from './request-loaders';

export interface QuestGoalView {
  kind: QuestGoalKind;
  targetCount: number;
  learningPath: LearningPathDocument | null;
}

/**
 * Reads of the catalog (courses, learning paths, quests, badges) for one request. The catalog
 * is public to every signed-in caller; references go through the request's loaders. The list
 * leaves archived courses out, but a course's id still answers, for the learners who took it.
 */
export class CatalogService {
  constructor(
    private readonly identity: Identity,
    private readonly repository: LearningRepository,
    private readonly requestLoaders: RequestLoaders,
  ) {}

  private get loaders() {
    return this.requestLoaders.loaders;
  }

  course(id: string): Promise<CourseDocument | null> {
    learningPolicy.assertCanReadCatalog(this.identity);
    return this.loaders.courseById.load(id);
  }

  learningPath(id: string): Promise<LearningPathDocument | null> {
    learningPolicy.assertCanReadCatalog(this.identity);
    return this.loaders.pathById.load(id);
  }

  quest(id: string): Promise<QuestDocument | null> {
    learningPolicy.assertCanReadCatalog(this.identity);
    return this.loaders.questById.load(id);
  }

  listCourses(filter: CourseListFilter, page: PageArgs) {
    learningPolicy.assertCanReadCatalog(this.identity);
    return this.repository.listCourses(filter, page);
  }

  listLearningPaths(locale: string | undefined, page: PageArgs) {
    learningPolicy.assertCanReadCatalog(this.identity);
    return this.repository.listPaths(locale, page);
  }

  listQuests(locale: string | undefined, page: PageArgs) {
    learningPolicy.assertCanReadCatalog(this.identity);
    return this.repository.listQuests(locale, page);
  }

  async badge(id: string | null): Promise<BadgeDocument | null> {
    return id ? this.loaders.badgeById.load(id) : null;
  }

  /** The path's courses in its order; a course missing from the catalog is left out. */
  async coursesOfPath(path: LearningPathDocument): Promise<CourseDocument[]> {
    const courses = await this.loaders.courseById.loadMany(path.courseIds);
    return courses.filter((course): course is CourseDocument => course !== null && !(course instanceof Error));
  }

  async pathMinutes(path: LearningPathDocument): Promise<number> {
    const courses = await this.coursesOfPath(path);
    return courses.reduce((sum, course) => sum + course.estimatedMinutes, 0);
  }

  async questGoal(quest: QuestDocument): Promise<QuestGoalView> {
    if (quest.goal.kind === 'COMPLETE_COURSES') {
      return { kind: quest.goal.kind, targetCount: quest.goal.courseCount, learningPath: null };
    }
    const path = await this.loaders.pathById.load(quest.goal.learningPathId);
    const pathsById = new Map(path ? [[path._id, path]] : []);
    return { kind: quest.goal.kind, targetCount: questTargetCount(quest, pathsById), learningPath: path };
  }

  /** Primes the loaders with a course just written, so the mutation's result reads it back. */
  remember(course: CourseDocument): void {
    this.requestLoaders.reset();
    this.loaders.courseById.prime(course._id, course);
  }

  assertCanSeeInternalFields(): void {
    learningPolicy.assertCanSeeInternalFields(this.identity);
  }
}
