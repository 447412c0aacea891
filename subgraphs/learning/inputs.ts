import { z } from 'zod';
import { externalIdInput, id, locale, text } from '../kit/input-fields';
import { COURSE_LEVELS, ENROLLMENT_STATUSES } from './model';

const tag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]{0,39}$/u, 'must be 1–40 letters, digits, _ or -');

const wholeNumber = (min: number, max: number) =>
  z.number('must be a number').int('must be a whole number').min(min, `must be between ${min} and ${max}`).max(max, `must be between ${min} and ${max}`);


export const courseFilterInput = z.strictObject({
  level: z.enum(COURSE_LEVELS).nullish(),
  tags: z.array(tag).max(10, 'must hold at most 10 tags').nullish(),
  locale: locale.nullish(),
});
export type CourseFilterInput = z.output<typeof courseFilterInput>;

export const catalogLocaleArgument = locale.nullish();

export const enrollmentStatusArgument = z.enum(ENROLLMENT_STATUSES).nullish();

/** A customer omits `userId` and `accountId` (the token says who they are); others give both. */
export const enrollInput = z
  .strictObject({
    courseId: id,
    userId: id.nullish(),
    accountId: id.nullish(),
  })
  .superRefine((input, context) => {
    if ((input.userId == null) !== (input.accountId == null)) {
      const missing = input.userId == null ? 'userId' : 'accountId';
      context.addIssue({ code: 'custom', path: [missing], message: 'userId and accountId go together: give both or neither' });
    }
  });
export type EnrollInput = z.output<typeof enrollInput>;

export const recordProgressInput = z.strictObject({
  enrollmentId: id,
  progress: z.number('must be a number').min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
  score: z.number('must be a number').min(0, 'must be between 0 and 100').max(100, 'must be between 0 and 100').nullish(),
});
export type RecordProgressInput = z.output<typeof recordProgressInput>;

export const courseModuleInput = z.strictObject({
  id: id.optional(),
  title: text(300),
  minutes: wholeNumber(1, 10_000),
});
export type CourseModuleInput = z.output<typeof courseModuleInput>;

/** Module ids are unique within a course, as `CourseModule.id` promises. */
const courseModules = z
  .array(courseModuleInput)
  .min(1, 'must hold at least one module')
  .max(100, 'must hold at most 100 modules')
  .superRefine((modules, context) => {
    const seen = new Set<string>();
    modules.forEach((module, index) => {
      if (module.id === undefined) return;
      if (seen.has(module.id)) context.addIssue({ code: 'custom', path: [index, 'id'], message: 'is used by another module of the course' });
      seen.add(module.id);
    });
  });

export const upsertCourseInput = z.strictObject({
  id: id.optional(),
  externalIds: z.array(externalIdInput).max(20, 'must hold at most 20 ids').optional(),
  title: text(300).optional(),
  description: text(20_000).optional(),
  level: z.enum(COURSE_LEVELS).optional(),
  // Tags are compared lower-cased, so `API` and `api` are one tag, stored once.
  tags: z
    .array(tag)
    .max(30, 'must hold at most 30 tags')
    .transform((tags) => [...new Set(tags)])
    .optional(),
  locale: locale.optional(),
  modules: courseModules.optional(),
  completionXp: wholeNumber(0, 100_000).optional(),
  badgeId: id.nullable().optional(),
});
export type UpsertCourseInput = z.output<typeof upsertCourseInput>;

export const archiveCourseArguments = z.strictObject({ id });
