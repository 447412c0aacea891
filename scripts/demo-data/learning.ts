import type {
  BadgeDocument,
  CourseDocument,
  EnrollmentDocument,
  LearnerDocument,
  LearningPathDocument,
  QuestDocument,
} from '../../subgraphs/learning/model';
import type { DomainContext } from './context';
import { buildLearningCatalog } from './learning-catalog';
import { generateLearnerActivity } from './learning-enrollments';
import { pickDemoCustomer } from './generate';
import { createRandom } from './random';

/** The learning subgraph's demo documents, consistent with the accounts and users by id. */
export interface LearningDemoData {
  badges: BadgeDocument[];
  courses: CourseDocument[];
  paths: LearningPathDocument[];
  quests: QuestDocument[];
  learners: LearnerDocument[];
  enrollments: EnrollmentDocument[];
}

/** The user `npm start` logs in as, if the accounts data has one. */
function demoCustomerId(context: DomainContext): string | null {
  try {
    return pickDemoCustomer(context).userId;
  } catch {
    return null;
  }
}

/** Keeps this domain's random sequence apart from every other domain's. */
const SEED_OFFSET = 202;

/**
 * Deterministic learning demo data for the accounts and users in `context`: a 20-course
 * catalog in Japanese and English with paths, quests and badges, and enrollments for about half
 * the users (about 1,500 at demo scale, 120,000 at bench scale). At-risk accounts have fewer
 * learners, less progress and few completions.
 */
export function generateLearningDemoData(context: DomainContext): LearningDemoData {
  const random = createRandom(context.seed + SEED_OFFSET);
  const catalog = buildLearningCatalog(context.now);
  const { learners, enrollments } = generateLearnerActivity(random, context.profiles, catalog, demoCustomerId(context));
  const enrollmentCounts = new Map<string, number>();
  for (const enrollment of enrollments) enrollmentCounts.set(enrollment.courseId, (enrollmentCounts.get(enrollment.courseId) ?? 0) + 1);
  const courses = catalog.courses.map((course) => ({ ...course, enrollmentCount: enrollmentCounts.get(course._id) ?? 0 }));
  return { ...catalog, courses, learners, enrollments };
}
