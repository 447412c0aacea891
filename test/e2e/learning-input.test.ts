import { buildAccount, buildUser } from '../helpers/factories';
import { buildCourse, buildEnrollment, buildLearner, countLearningDocuments, learningRepository, seedLearning } from '../helpers/learning';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

const ENROLL = `mutation($input: EnrollInput!) { enroll(input: $input) { id } }`;
const RECORD = `mutation($input: RecordProgressInput!) { recordProgress(input: $input) { id progress } }`;

describe('bad input to learning mutations', () => {
  let stack: Stack;
  const account = buildAccount();
  const user = buildUser(account);
  const course = buildCourse();
  const enrollment = buildEnrollment(user, course, { status: 'IN_PROGRESS', progress: 0.5 });

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [account], [user]);
    await seedLearning(stack, { courses: [course], learners: [buildLearner(user)], enrollments: [enrollment] });
  });
  afterAll(() => stack.stop());

  async function expectNothingStored(run: () => Promise<void>) {
    const before = await countLearningDocuments(stack);
    await run();
    expect(await countLearningDocuments(stack)).toEqual(before);
    expect(await learningRepository(stack).findEnrollmentById(enrollment._id)).toMatchObject({ progress: 0.5, version: 1 });
    expect((await learningRepository(stack).findCourseById(course._id))?.enrollmentCount).toBe(0);
  }

  it.each([
    ['a too-long course id', ENROLL, { courseId: `crs_${'x'.repeat(70)}` }, 'input.courseId'],
    ['a course id with spaces', ENROLL, { courseId: 'crs 1' }, 'input.courseId'],
    ['a too-long user id', ENROLL, { courseId: course._id, userId: 'u'.repeat(65), accountId: account._id }, 'input.userId'],
    ['a user id without its account', ENROLL, { courseId: course._id, userId: user._id }, 'input.accountId'],
    ['progress above 1', RECORD, { enrollmentId: enrollment._id, progress: 1.5 }, 'input.progress'],
    ['negative progress', RECORD, { enrollmentId: enrollment._id, progress: -0.1 }, 'input.progress'],
    ['a score above 100', RECORD, { enrollmentId: enrollment._id, progress: 0.6, score: 101 }, 'input.score'],
    ['a too-long enrollment id', RECORD, { enrollmentId: `enr_${'9'.repeat(70)}`, progress: 0.6 }, 'input.enrollmentId'],
  ])('rejects %s with BAD_USER_INPUT naming the field, storing nothing', async (_name, mutation, input, field) => {
    await expectNothingStored(async () => {
      const result = await stack.query(mutation, { token: await stack.staffToken(), variables: { input } });
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });
  });

  it.each([
    ['an operator object for the course id', ENROLL, { courseId: { $ne: '' } }, /courseId/],
    ['a number list for the course id', ENROLL, { courseId: [1, 2] }, /courseId/],
    ['an unknown field', ENROLL, { courseId: course._id, role: 'staff' }, /role/],
    ['an operator object for the enrollment id', RECORD, { enrollmentId: { $gt: '' }, progress: 1 }, /enrollmentId/],
    ['text for progress', RECORD, { enrollmentId: enrollment._id, progress: 'all of it' }, /progress/],
    ['an unknown status field', RECORD, { enrollmentId: enrollment._id, progress: 1, status: 'COMPLETED' }, /status/],
  ])('rejects %s in variables with BAD_USER_INPUT, storing nothing', async (_name, mutation, input, message) => {
    await expectNothingStored(async () => {
      const result = await stack.query(mutation, { token: await stack.staffToken(), variables: { input } });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(message);
    });
  });

  it('rejects an unknown enrollment status filter with BAD_USER_INPUT', async () => {
    const result = await stack.query(`query($id: ID!, $status: EnrollmentStatus) { user(id: $id) { learning { enrollments(status: $status) { totalCount } } } }`, {
      token: await stack.staffToken(),
      variables: { id: user._id, status: 'FINISHED' },
    });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/FINISHED/);
  });

  it('checks the input before the caller’s rights are used to write anything', async () => {
    await expectNothingStored(async () => {
      const result = await stack.query(RECORD, {
        token: await stack.customerToken(account._id, user._id),
        variables: { input: { enrollmentId: enrollment._id, progress: 2 } },
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.progress' });
    });
  });
});
