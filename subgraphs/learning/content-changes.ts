import type { ContentChange } from '../kit/content-feed';
import { isArchived, type CourseDocument } from './model';

/** The collection courses live in, which the feed's tombstones name. */
export const COURSES_SOURCE = 'courses';

/**
 * A course as the search index sees it. The catalog is public, so every course is PUBLIC and
 * belongs to no account. Module titles join the description in the body because learners search
 * for a topic a module covers as often as for the course's own words. An archived course is
 * reported removed: it stays readable for its learners, but search must stop offering it.
 */
export function courseChange(course: CourseDocument): ContentChange {
  return {
    id: course._id,
    type: 'COURSE',
    removed: isArchived(course),
    title: course.title,
    body: [course.description, ...course.modules.map((module) => module.title)].join('\n'),
    tags: course.tags,
    locale: course.locale,
    audience: 'PUBLIC',
    accountId: null,
    popularity: course.enrollmentCount,
    publishedAt: course.createdAt,
    updatedAt: course.updatedAt,
  };
}
