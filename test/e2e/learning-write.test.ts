import { buildAccount, buildUser } from '../helpers/factories';
import {
  buildBadge,
  buildCourse,
  buildEnrollment,
  buildLearner,
  buildPath,
  buildQuest,
  countLearningDocuments,
  learningRepository,
  seedLearning,
} from '../helpers/learning';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

const ENROLL = `mutation($input: EnrollInput!) {
  enroll(input: $input) { id status progress startedAt completedAt score enrolledAt lastActivityAt user { id } account { id } course { id enrollmentCount } }
}`;
const RECORD = `mutation($input: RecordProgressInput!) {
  recordProgress(input: $input) {
    id status progress score startedAt completedAt lastActivityAt
    user { learning { xp level { number } badges { id } quests { quest { id } isCompleted } } }
  }
}`;

describe('enrolling and recording progress', () => {
  let stack: Stack;
  const mine = buildAccount();
  const theirs = buildAccount();
  const courseBadge = buildBadge({ name: 'Admin basics done' });
  const certification = buildBadge({ name: 'Certified', isCertification: true });
  const questBadge = buildBadge({ name: 'Two down' });
  const basics = buildCourse({ title: 'Admin basics', completionXp: 100, badgeId: courseBadge._id });
  const reporting = buildCourse({ title: 'Reporting', completionXp: 150 });
  const extra = buildCourse({ title: 'Extra', completionXp: 50 });
  const path = buildPath([basics, reporting], { badgeId: certification._id });
  const twoCourses = buildQuest({ kind: 'COMPLETE_COURSES', courseCount: 2 }, { title: 'A two courses', rewardXp: 75, rewardBadgeId: questBadge._id });
  const finishPath = buildQuest({ kind: 'COMPLETE_LEARNING_PATH', learningPathId: path._id }, { title: 'B finish the path', rewardXp: 200 });
  /** 100 + 150 for the courses, 75 + 200 for the quests. */
  const XP_FOR_BOTH = 525;

  beforeAll(async () => {
    stack = await startStack();
    await seedLearning(stack, {
      badges: [courseBadge, certification, questBadge],
      courses: [basics, reporting, extra],
      paths: [path],
      quests: [twoCourses, finishPath],
    });
  });
  afterAll(() => stack.stop());

  /** A new user of `account`, known to the accounts subgraph, with nothing learned yet. */
  async function newUser(account = mine) {
    const user = buildUser(account);
    await seedAccounts(stack, [account], [user]);
    return user;
  }

  async function popularity(courseId: string): Promise<number> {
    return (await learningRepository(stack).findCourseById(courseId))?.enrollmentCount ?? -1;
  }

  async function enrollAs(token: string, input: Record<string, unknown>) {
    const result = await stack.query<any>(ENROLL, { token, variables: { input } });
    expect(result.errors).toBeUndefined();
    return result.data.enroll;
  }

  async function record(token: string, input: Record<string, unknown>) {
    return stack.query<any>(RECORD, { token, variables: { input } });
  }

  describe('enroll', () => {
    it('enrolls a customer in a course and counts the enrollment in its popularity', async () => {
      const me = await newUser();
      const before = await popularity(extra._id);
      const enrollment = await enrollAs(await stack.customerToken(mine._id, me._id), { courseId: extra._id });
      expect(enrollment).toMatchObject({
        status: 'ENROLLED',
        progress: 0,
        startedAt: null,
        completedAt: null,
        score: null,
        user: { id: me._id },
        account: { id: mine._id },
        course: { id: extra._id, enrollmentCount: before + 1 },
      });
      expect(enrollment.id).toMatch(/^enr_/);
      expect(enrollment.lastActivityAt).toBe(enrollment.enrolledAt);
      expect(await popularity(extra._id)).toBe(before + 1);
    });

    it('returns the existing enrollment when a user enrolls again, counting it once', async () => {
      const me = await newUser();
      const token = await stack.customerToken(mine._id, me._id);
      const before = await popularity(extra._id);
      const first = await enrollAs(token, { courseId: extra._id });
      const again = await enrollAs(token, { courseId: extra._id, userId: me._id, accountId: mine._id });
      expect(again.id).toBe(first.id);
      expect(await popularity(extra._id)).toBe(before + 1);
    });

    it('creates one enrollment when the same user enrolls many times at once', async () => {
      const me = await newUser();
      const token = await stack.customerToken(mine._id, me._id);
      const before = await popularity(reporting._id);
      const results = await Promise.all(Array.from({ length: 6 }, () => enrollAs(token, { courseId: reporting._id })));
      expect(new Set(results.map((enrollment) => enrollment.id)).size).toBe(1);
      expect(await learningRepository(stack).enrollments.countDocuments({ userId: me._id })).toBe(1);
      expect(await popularity(reporting._id)).toBe(before + 1);
    });

    it('lets staff and learning:write integrations enroll a given user of a given account', async () => {
      const someone = await newUser(theirs);
      const byStaff = await enrollAs(await stack.staffToken(), { courseId: basics._id, userId: someone._id, accountId: theirs._id });
      expect(byStaff).toMatchObject({ user: { id: someone._id }, account: { id: theirs._id } });
      const byIntegration = await enrollAs(await stack.integrationToken(['learning:write']), {
        courseId: reporting._id,
        userId: someone._id,
        accountId: theirs._id,
      });
      expect(byIntegration).toMatchObject({ user: { id: someone._id }, course: { id: reporting._id } });
    });

    it.each([
      ['a customer enrolling a colleague', async (me: { _id: string }, colleague: { _id: string }) => [await stack.customerToken(mine._id, me._id), colleague._id]],
      ['another account’s customer enrolling a user of this account', async (_me: { _id: string }, colleague: { _id: string }) => [await stack.customerToken(theirs._id, 'usr_stranger'), colleague._id]],
      ['an integration with learning:read only', async (_me: { _id: string }, colleague: { _id: string }) => [await stack.integrationToken(['learning:read']), colleague._id]],
    ] as const)('refuses %s with FORBIDDEN, storing nothing', async (_name, arrange) => {
      const me = await newUser();
      const colleague = await newUser();
      const [token, userId] = await arrange(me, colleague);
      const before = await countLearningDocuments(stack);
      const result = await stack.query<any>(ENROLL, { token, variables: { input: { courseId: basics._id, userId, accountId: mine._id } } });
      expect(result.data).toBeNull();
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect(await countLearningDocuments(stack)).toEqual(before);
    });

    it('asks staff for the user to enroll', async () => {
      const result = await stack.query<any>(ENROLL, { token: await stack.staffToken(), variables: { input: { courseId: basics._id } } });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.userId' });
    });

    it('answers NOT_FOUND for an unknown course, storing nothing', async () => {
      const me = await newUser();
      const before = await countLearningDocuments(stack);
      const result = await stack.query<any>(ENROLL, { token: await stack.customerToken(mine._id, me._id), variables: { input: { courseId: 'crs_missing' } } });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', type: 'Course', id: 'crs_missing' });
      expect(await countLearningDocuments(stack)).toEqual(before);
    });

    it('refuses to enroll a user under a second account with CONFLICT, storing nothing', async () => {
      const someone = await newUser();
      const token = await stack.staffToken();
      await enrollAs(token, { courseId: basics._id, userId: someone._id, accountId: mine._id });
      const before = await countLearningDocuments(stack);
      const result = await stack.query<any>(ENROLL, { token, variables: { input: { courseId: reporting._id, userId: someone._id, accountId: theirs._id } } });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
      expect(await countLearningDocuments(stack)).toEqual(before);
      const sameCourse = await stack.query<any>(ENROLL, { token, variables: { input: { courseId: basics._id, userId: someone._id, accountId: theirs._id } } });
      expect(sameCourse.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    });
  });

  describe('recordProgress', () => {
    it('moves progress forward, never backwards, and keeps the latest score', async () => {
      const me = await newUser();
      const token = await stack.customerToken(mine._id, me._id);
      const { id } = await enrollAs(token, { courseId: extra._id });
      const started = await record(token, { enrollmentId: id, progress: 0.4, score: 55 });
      expect(started.errors).toBeUndefined();
      expect(started.data.recordProgress).toMatchObject({ status: 'IN_PROGRESS', progress: 0.4, score: 55, completedAt: null });
      expect(started.data.recordProgress.startedAt).not.toBeNull();
      const lagging = await record(token, { enrollmentId: id, progress: 0.1 });
      expect(lagging.data.recordProgress).toMatchObject({ status: 'IN_PROGRESS', progress: 0.4, score: 55, startedAt: started.data.recordProgress.startedAt });
      expect(lagging.data.recordProgress.user.learning.xp).toBe(0);
    });

    it('completes at 1 and awards the course XP and badge, the path badge and the quests, once', async () => {
      const me = await newUser();
      const token = await stack.customerToken(mine._id, me._id);
      const first = await enrollAs(token, { courseId: basics._id });
      const second = await enrollAs(token, { courseId: reporting._id });

      const one = await record(token, { enrollmentId: first.id, progress: 1, score: 90 });
      expect(one.errors).toBeUndefined();
      expect(one.data.recordProgress).toMatchObject({ status: 'COMPLETED', progress: 1, score: 90 });
      expect(one.data.recordProgress.completedAt).toBe(one.data.recordProgress.lastActivityAt);
      expect(one.data.recordProgress.user.learning).toEqual({
        xp: 100,
        level: { number: 2 },
        badges: [{ id: courseBadge._id }],
        quests: [
          { quest: { id: twoCourses._id }, isCompleted: false },
          { quest: { id: finishPath._id }, isCompleted: false },
        ],
      });

      const both = await record(token, { enrollmentId: second.id, progress: 1 });
      expect(both.data.recordProgress.user.learning).toEqual({
        xp: XP_FOR_BOTH,
        level: { number: 4 },
        badges: expect.arrayContaining([{ id: courseBadge._id }, { id: certification._id }, { id: questBadge._id }]),
        quests: [
          { quest: { id: twoCourses._id }, isCompleted: true },
          { quest: { id: finishPath._id }, isCompleted: true },
        ],
      });
      expect(both.data.recordProgress.user.learning.badges).toHaveLength(3);

      const repeated = await record(token, { enrollmentId: second.id, progress: 1, score: 70 });
      expect(repeated.data.recordProgress).toMatchObject({ status: 'COMPLETED', score: 70, completedAt: both.data.recordProgress.completedAt });
      expect(repeated.data.recordProgress.user.learning.xp).toBe(XP_FOR_BOTH);
      expect(repeated.data.recordProgress.user.learning.badges).toHaveLength(3);
    });

    it('awards once when completions of the same user are recorded many times at once', async () => {
      const me = await newUser();
      const token = await stack.customerToken(mine._id, me._id);
      const first = await enrollAs(token, { courseId: basics._id });
      const second = await enrollAs(token, { courseId: reporting._id });
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, index) => record(token, { enrollmentId: index % 2 === 0 ? first.id : second.id, progress: 1 })),
      );
      expect(results.every((result) => result.errors === undefined)).toBe(true);
      const learner = await learningRepository(stack).findLearnerById(me._id);
      expect(learner?.xp).toBe(XP_FOR_BOTH);
      expect(learner?.badges.map((badge) => badge.badgeId).sort()).toEqual([courseBadge._id, certification._id, questBadge._id].sort());
      expect(learner?.questCompletions.map((completion) => completion.questId).sort()).toEqual([twoCourses._id, finishPath._id].sort());
      expect(learner?.awardedCourseIds.sort()).toEqual([basics._id, reporting._id].sort());
    });

    it('grants awards a completion left out when its progress is recorded again', async () => {
      const me = await newUser();
      const interrupted = buildEnrollment(me, reporting, { status: 'COMPLETED' });
      await seedLearning(stack, { learners: [buildLearner(me)], enrollments: [interrupted] });
      const result = await record(await stack.customerToken(mine._id, me._id), { enrollmentId: interrupted._id, progress: 1 });
      expect(result.errors).toBeUndefined();
      expect(result.data.recordProgress.user.learning.xp).toBe(150);
      expect(result.data.recordProgress.completedAt).toBe(interrupted.completedAt?.toISOString());
    });

    it('lets staff and learning:write integrations record anyone’s progress', async () => {
      const someone = await newUser(theirs);
      const { id } = await enrollAs(await stack.staffToken(), { courseId: extra._id, userId: someone._id, accountId: theirs._id });
      const byStaff = await record(await stack.staffToken(), { enrollmentId: id, progress: 0.5 });
      expect(byStaff.data.recordProgress.progress).toBe(0.5);
      const byIntegration = await record(await stack.integrationToken(['learning:write']), { enrollmentId: id, progress: 0.75 });
      expect(byIntegration.data.recordProgress.progress).toBe(0.75);
    });

    it('refuses a colleague, another account’s customer and a read-only integration, changing nothing', async () => {
      const me = await newUser();
      const colleague = await newUser();
      const stranger = await newUser(theirs);
      const { id } = await enrollAs(await stack.customerToken(mine._id, me._id), { courseId: extra._id });
      const tokens = [
        await stack.customerToken(mine._id, colleague._id),
        await stack.customerToken(theirs._id, stranger._id),
        await stack.integrationToken(['learning:read']),
      ];
      for (const token of tokens) {
        const result = await record(token, { enrollmentId: id, progress: 1 });
        expect(result.data).toBeNull();
        expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      }
      expect(await learningRepository(stack).findEnrollmentById(id)).toMatchObject({ progress: 0, status: 'ENROLLED', version: 1 });
    });

    it('answers NOT_FOUND to staff and FORBIDDEN to customers for an unknown enrollment', async () => {
      const me = await newUser();
      const staff = await record(await stack.staffToken(), { enrollmentId: 'enr_missing', progress: 1 });
      expect(staff.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', type: 'Enrollment' });
      const customer = await record(await stack.customerToken(mine._id, me._id), { enrollmentId: 'enr_missing', progress: 1 });
      expect(customer.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    });

    it('shows a completion in the account’s learning', async () => {
      const account = buildAccount();
      const me = await newUser(account);
      const token = await stack.customerToken(account._id, me._id);
      for (const course of [basics, reporting]) {
        const { id } = await enrollAs(token, { courseId: course._id });
        await record(token, { enrollmentId: id, progress: 1 });
      }
      await enrollAs(token, { courseId: extra._id });
      const result = await stack.query<any>(`{ viewer { account { learning { activeLearners30d enrollmentCount completionCount completionRate certifiedUsers } } } }`, { token });
      expect(result.data.viewer.account.learning).toEqual({ activeLearners30d: 1, enrollmentCount: 3, completionCount: 2, completionRate: 2 / 3, certifiedUsers: 1 });
    });
  });
});
