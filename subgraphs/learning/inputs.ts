import { z } from 'zod';
import { COURSE_LEVELS, ENROLLMENT_STATUSES } from './model';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, _ or -');
const locale = z.string().regex(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2}|-\d{3})?$/, 'must be a BCP 47 locale such as ja-JP');
const tag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]{0,39}$/u, 'must be 1–40 letters, digits, _ or -');

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
