import DataLoader from 'dataloader';
import type { Document, Filter, OptionalUnlessRequiredId, UpdateFilter } from 'mongodb';
import { createByIdLoader, createChildConnectionLoader } from '../kit/loaders';
import { ensureContentFeedIndexes, readContentChanges, REMOVALS_COLLECTION, type ContentFeedArgs, type RemovalDocument } from '../kit/content-feed';
import type { KeysetSort, PageArgs } from '../kit/pagination';
import { paginate } from '../kit/pagination';
import type { HubCollection, HubDatabase } from '../kit/store/types';
import { courseChange, COURSES_SOURCE } from './content-changes';
import type {
  BadgeDocument,
  CourseDocument,
  CourseLevel,
  EnrollmentDocument,
  LearnerDocument,
  LearningPathDocument,
  QuestDocument,
} from './model';
import {
  certifiedUserCountsOfAccounts,
  completedCourseIdsOfUsers,
  enrollmentSummariesOfAccounts,
  type AccountEnrollmentSummary,
} from './summary-queries';

export const TITLE_ORDER: KeysetSort = [
  ['title', 1],
  ['_id', 1],
];
/** A user's enrollments, newest first; `enrolledAt` never changes, so pages stay stable. */
export const ENROLLMENT_ORDER: KeysetSort = [
  ['enrolledAt', -1],
  ['_id', -1],
];
export const COMPLETION_ORDER: KeysetSort = [
  ['completedAt', -1],
  ['_id', -1],
];

/** The whole catalog is read for award rules and quest progress; this bounds what one read may load. */
const CATALOG_READ_LIMIT = 1_000;
const INSERT_CHUNK = 5_000;

/** A read made at most once per request, however many fields need it. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= load());
}

export interface CourseListFilter {
  level?: CourseLevel;
  tags?: string[];
  locale?: string;
}

/**
 * The only code that touches the learning subgraph's collections (with the batched queries of
 * `summary-queries.ts` that its loaders run).
 */
export class LearningRepository {
  readonly courses: HubCollection<CourseDocument>;
  readonly paths: HubCollection<LearningPathDocument>;
  readonly quests: HubCollection<QuestDocument>;
  readonly badges: HubCollection<BadgeDocument>;
  readonly learners: HubCollection<LearnerDocument>;
  readonly enrollments: HubCollection<EnrollmentDocument>;
  readonly removals: HubCollection<RemovalDocument>;

  constructor(db: HubDatabase) {
    this.courses = db.collection<CourseDocument>(COURSES_SOURCE);
    this.paths = db.collection<LearningPathDocument>('learningPaths');
    this.quests = db.collection<QuestDocument>('quests');
    this.badges = db.collection<BadgeDocument>('badges');
    this.learners = db.collection<LearnerDocument>('learners');
    this.enrollments = db.collection<EnrollmentDocument>('enrollments');
    this.removals = db.collection<RemovalDocument>(REMOVALS_COLLECTION);
  }

  /** Indexes for every query path below; created at start-up, idempotent. */
  async ensureIndexes(): Promise<void> {
    await Promise.all([
      // The catalog lists only offered courses, so `archivedAt` leads every catalog index.
      this.courses.createIndex({ archivedAt: 1, title: 1, _id: 1 }),
      this.courses.createIndex({ archivedAt: 1, locale: 1, level: 1, title: 1, _id: 1 }),
      this.courses.createIndex({ archivedAt: 1, tags: 1, title: 1, _id: 1 }),
      this.courses.createIndex({ externalKeys: 1 }, { unique: true, sparse: true }),
      ensureContentFeedIndexes(this.courses, this.removals),
      this.paths.createIndex({ locale: 1, title: 1, _id: 1 }),
      this.quests.createIndex({ locale: 1, title: 1, _id: 1 }),
      this.learners.createIndex({ accountId: 1 }),
      this.enrollments.createIndex({ userId: 1, courseId: 1 }, { unique: true }),
      this.enrollments.createIndex({ userId: 1, enrolledAt: -1, _id: -1 }),
      this.enrollments.createIndex({ userId: 1, status: 1, enrolledAt: -1, _id: -1 }),
      this.enrollments.createIndex({ userId: 1, status: 1, completedAt: -1, _id: -1 }),
      this.enrollments.createIndex({ accountId: 1, userId: 1 }),
    ]);
  }

  /** Per-request loaders: create them in the request context, never share them between requests. */
  createLoaders(now: Date = new Date()) {
    return {
      courseById: createByIdLoader(this.courses),
      pathById: createByIdLoader(this.paths),
      questById: createByIdLoader(this.quests),
      badgeById: createByIdLoader(this.badges),
      enrollmentById: createByIdLoader(this.enrollments),
      learnerById: createByIdLoader(this.learners),
      enrollmentsOfUser: createChildConnectionLoader(this.enrollments, 'userId', ENROLLMENT_ORDER),
      completionsOfUser: createChildConnectionLoader(this.enrollments, 'userId', COMPLETION_ORDER),
      completedCourseIdsOfUser: new DataLoader<string, string[]>((userIds) => completedCourseIdsOfUsers(this.enrollments, userIds)),
      enrollmentSummaryOfAccount: new DataLoader<string, AccountEnrollmentSummary>((accountIds) =>
        enrollmentSummariesOfAccounts(this.enrollments, accountIds, now),
      ),
      certifiedUsersOfAccount: new DataLoader<string, number>((accountIds) => certifiedUserCountsOfAccounts(this.learners, accountIds)),
      allQuests: once(() => this.allQuests()),
      allPaths: once(() => this.allPaths()),
    };
  }

  /** Offered courses only: `null` also matches courses stored without `archivedAt`. */
  listCourses(filter: CourseListFilter, page: PageArgs) {
    const query: Filter<CourseDocument> = { archivedAt: null };
    if (filter.level) query.level = filter.level;
    if (filter.locale) query.locale = filter.locale;
    if (filter.tags?.length) query.tags = { $all: filter.tags };
    return paginate(this.courses, { filter: query, sort: TITLE_ORDER, page });
  }

  listPaths(locale: string | undefined, page: PageArgs) {
    return paginate(this.paths, { filter: locale ? { locale } : {}, sort: TITLE_ORDER, page });
  }

  listQuests(locale: string | undefined, page: PageArgs) {
    return paginate(this.quests, { filter: locale ? { locale } : {}, sort: TITLE_ORDER, page });
  }

  allPaths() {
    return this.paths.find({}, { sort: { _id: 1 }, limit: CATALOG_READ_LIMIT }).toArray();
  }

  allQuests() {
    return this.quests.find({}, { sort: { _id: 1 }, limit: CATALOG_READ_LIMIT }).toArray();
  }

  allBadges() {
    return this.badges.find({}, { sort: { _id: 1 }, limit: CATALOG_READ_LIMIT }).toArray();
  }

  findCoursesByIds(ids: readonly string[]) {
    return this.courses.find({ _id: { $in: [...ids] } }).toArray();
  }

  findCourseById(id: string) {
    return this.courses.findOne({ _id: id });
  }

  findCourseByExternalKeys(keys: readonly string[]) {
    return keys.length ? this.courses.findOne({ externalKeys: { $in: [...keys] } }) : Promise.resolve(null);
  }

  insertCourse(course: CourseDocument) {
    return this.courses.insertOne(course);
  }

  updateCourse(id: string, update: UpdateFilter<CourseDocument>) {
    return this.courses.findOneAndUpdate({ _id: id }, update, { returnDocument: 'after' });
  }

  /** Archives the course unless it already is, so the first archiving time is the one kept. */
  archiveCourse(id: string, set: Pick<CourseDocument, 'archivedAt' | 'updatedAt'> & { syncedAt?: Date }) {
    return this.courses.findOneAndUpdate({ _id: id, archivedAt: null }, { $set: set }, { returnDocument: 'after' });
  }

  /** Changes to courses, oldest first, for the search index. */
  courseChanges(args: ContentFeedArgs) {
    return readContentChanges({ items: this.courses, source: COURSES_SOURCE, removals: this.removals, toChange: courseChange }, args);
  }

  findBadgeById(id: string) {
    return this.badges.findOne({ _id: id });
  }

  findEnrollmentById(id: string) {
    return this.enrollments.findOne({ _id: id });
  }

  findEnrollment(userId: string, courseId: string) {
    return this.enrollments.findOne({ userId, courseId });
  }

  findLearnerById(userId: string) {
    return this.learners.findOne({ _id: userId });
  }

  /**
   * Creates the user's learner record if missing. Matching on the account as well means that a
   * record stored under another account makes the upsert collide on `_id`: a duplicate-key error
   * the caller turns into CONFLICT.
   */
  ensureLearner(userId: string, accountId: string, now: Date) {
    const initial: Omit<LearnerDocument, '_id' | 'accountId'> = {
      xp: 0,
      badges: [],
      questCompletions: [],
      awardedCourseIds: [],
      createdAt: now,
      updatedAt: now,
    };
    return this.learners.updateOne({ _id: userId, accountId }, { $setOnInsert: initial }, { upsert: true });
  }

  insertEnrollment(enrollment: EnrollmentDocument) {
    return this.enrollments.insertOne(enrollment);
  }

  countCourseEnrollment(courseId: string) {
    return this.courses.updateOne({ _id: courseId }, { $inc: { enrollmentCount: 1 } });
  }

  /** Compare-and-set: writes only if nobody changed the enrollment since `version` was read. */
  updateEnrollmentIfUnchanged(id: string, version: number, set: Partial<EnrollmentDocument>) {
    return this.enrollments.findOneAndUpdate(
      { _id: id, version },
      { $set: set, $inc: { version: 1 } } as UpdateFilter<EnrollmentDocument>,
      { returnDocument: 'after' },
    );
  }

  async completedCourseIdsOf(userId: string): Promise<string[]> {
    const [courseIds] = await completedCourseIdsOfUsers(this.enrollments, [userId]);
    return courseIds ?? [];
  }

  /** Applies `update` only while `guard` still holds, so two writers never both apply it. */
  updateLearnerIf(userId: string, guard: Filter<LearnerDocument>, update: UpdateFilter<LearnerDocument>) {
    return this.learners.updateOne({ ...guard, _id: userId }, update);
  }

  countCourses() {
    return this.courses.countDocuments();
  }

  /** Writes demo or bulk data in chunks; meant for an empty database (see `loadLearningDemoData`). */
  async insertAll(data: {
    badges: readonly BadgeDocument[];
    courses: readonly CourseDocument[];
    paths: readonly LearningPathDocument[];
    quests: readonly QuestDocument[];
    learners: readonly LearnerDocument[];
    enrollments: readonly EnrollmentDocument[];
  }): Promise<void> {
    const insert = async <T extends Document & { _id: string }>(collection: HubCollection<T>, documents: readonly T[]) => {
      for (let start = 0; start < documents.length; start += INSERT_CHUNK) {
        await collection.insertMany(documents.slice(start, start + INSERT_CHUNK) as OptionalUnlessRequiredId<T>[]);
      }
    };
    await insert(this.badges, data.badges);
    await insert(this.courses, data.courses);
    await insert(this.paths, data.paths);
    await insert(this.quests, data.quests);
    await insert(this.learners, data.learners);
    await insert(this.enrollments, data.enrollments);
  }
}
