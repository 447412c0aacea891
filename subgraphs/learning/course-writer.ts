import type { Identity } from '../kit/auth';
import { errors } from '../kit/errors';
import { externalKeysOf, mapDuplicate, mergeUpdate, newId, newRecordFields, requiredToCreate, resolveExisting } from '../kit/records';
import { parseInput } from '../kit/validation';
import { settleModules, totalMinutes } from './course-modules';
import { archiveCourseArguments, upsertCourseInput } from './inputs';
import type { CourseDocument } from './model';
import { learningPolicy } from './policy';
import type { LearningRepository } from './repository';

/**
 * Catalog administration: staff and LMS syncs create or update courses (by id, then by external
 * id, so syncing the same LMS course twice updates one record) and archive them. Input, the
 * record it refers to and the badge it names are all checked before the one write.
 */
export class CourseWriter {
  constructor(
    private readonly identity: Identity,
    private readonly repository: LearningRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Writes by integrations are syncs: they stamp `syncedAt` so freshness is visible. */
  private stamps(now: Date): { updatedAt: Date; syncedAt?: Date } {
    return this.identity.role === 'integration' ? { updatedAt: now, syncedAt: now } : { updatedAt: now };
  }

  async upsertCourse(rawInput: unknown): Promise<CourseDocument> {
    learningPolicy.assertCanManageCatalog(this.identity);
    const input = parseInput(upsertCourseInput, rawInput, 'input');
    const keys = externalKeysOf(input.externalIds ?? []);
    const [byId, byExternalId, badge] = await Promise.all([
      input.id ? this.repository.findCourseById(input.id) : null,
      this.repository.findCourseByExternalKeys(keys),
      input.badgeId ? this.repository.findBadgeById(input.badgeId) : null,
    ]);
    const existing = resolveExisting('course', input.id, byId, [byExternalId]);
    if (input.badgeId && !badge) throw errors.badUserInput([{ field: 'input.badgeId', message: `no badge ${input.badgeId}` }]);
    const now = this.now();
    const { id, externalIds = [], modules: givenModules, ...fields } = input;
    const modules = givenModules && settleModules(givenModules, existing?.modules ?? []);
    const what = keys.length ? `external id ${keys.join(', ')}` : 'the course id';
    if (existing) {
      const changes = { ...fields, ...(modules ? { modules, estimatedMinutes: totalMinutes(modules) } : {}), ...this.stamps(now) };
      const updated = await mapDuplicate(what, () => this.repository.updateCourse(existing._id, mergeUpdate<CourseDocument>(changes, externalIds)));
      if (!updated) throw errors.notFound('Course', existing._id);
      return updated;
    }
    const required = requiredToCreate('a course', {
      title: fields.title,
      description: fields.description,
      level: fields.level,
      locale: fields.locale,
      modules,
    });
    const course: CourseDocument = {
      _id: id ?? newId('crs'),
      ...required,
      tags: fields.tags ?? [],
      estimatedMinutes: totalMinutes(required.modules),
      completionXp: fields.completionXp ?? 0,
      badgeId: fields.badgeId ?? null,
      enrollmentCount: 0,
      archivedAt: null,
      ...newRecordFields(this.identity, externalIds, now),
    };
    await mapDuplicate(what, () => this.repository.insertCourse(course));
    return course;
  }

  /**
   * Withdraws a course from the catalog; its enrollments and completions stay. Archiving an
   * archived course changes nothing, so a retried sync keeps the first archiving time.
   */
  async archiveCourse(rawArguments: unknown): Promise<CourseDocument> {
    learningPolicy.assertCanManageCatalog(this.identity);
    const { id } = parseInput(archiveCourseArguments, rawArguments);
    const now = this.now();
    const archived = await this.repository.archiveCourse(id, { archivedAt: now, ...this.stamps(now) });
    if (archived) return archived;
    const course = await this.repository.findCourseById(id);
    if (!course) throw errors.notFound('Course', id);
    return course;
  }
}
