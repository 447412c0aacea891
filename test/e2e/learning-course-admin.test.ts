import { buildAccount, buildUser } from '../helpers/factories';
import { buildBadge, buildCourse, buildPath, countLearningDocuments, seedLearning, storedCourse } from '../helpers/learning';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

const COURSE_FIELDS = `id title description level tags locale estimatedMinutes completionXp enrollmentCount
  modules { id title estimatedMinutes } badge { id } externalIds { source id } syncedAt archivedAt createdAt updatedAt`;
const UPSERT = `mutation($input: UpsertCourseInput!) { upsertCourse(input: $input) { ${COURSE_FIELDS} } }`;

describe('creating and updating courses', () => {
  let stack: Stack;
  const badge = buildBadge({ name: 'Reporting pro' });
  const otherBadge = buildBadge({ name: 'Exporter' });
  const synced = buildCourse({
    title: 'Exporting invoices',
    badgeId: badge._id,
    externalIds: [{ source: 'lms', id: 'LMS-7' }],
    externalKeys: ['lms:LMS-7'],
  });
  const another = buildCourse({ title: 'Another course', externalIds: [{ source: 'lms', id: 'LMS-8' }], externalKeys: ['lms:LMS-8'] });
  const NEW_COURSE = {
    title: 'Dashboards for Admins',
    description: 'Build and share dashboards.',
    level: 'INTERMEDIATE',
    tags: ['Reporting', 'reporting', ' Analytics '],
    locale: 'en-US',
    modules: [
      { title: 'Widgets', minutes: 15 },
      { title: 'Sharing', minutes: 20 },
    ],
    completionXp: 150,
    badgeId: badge._id,
  };

  beforeAll(async () => {
    stack = await startStack();
    await seedLearning(stack, { badges: [badge, otherBadge], courses: [synced, another] });
  });
  afterAll(() => stack.stop());

  async function upsert(input: Record<string, unknown>, token?: string) {
    return stack.query<any>(UPSERT, { token: token ?? (await stack.staffToken()), variables: { input } });
  }

  it('creates a course for staff with lower-cased unique tags, numbered modules and their minutes summed', async () => {
    const before = Date.now();
    const result = await upsert(NEW_COURSE);
    expect(result.errors).toBeUndefined();
    const course = result.data.upsertCourse;
    expect(course).toMatchObject({
      title: 'Dashboards for Admins',
      description: 'Build and share dashboards.',
      level: 'INTERMEDIATE',
      tags: ['reporting', 'analytics'],
      locale: 'en-US',
      estimatedMinutes: 35,
      completionXp: 150,
      enrollmentCount: 0,
      modules: [
        { id: 'm1', title: 'Widgets', estimatedMinutes: 15 },
        { id: 'm2', title: 'Sharing', estimatedMinutes: 20 },
      ],
      badge: { id: badge._id },
      externalIds: [],
      syncedAt: null,
      archivedAt: null,
    });
    expect(course.id).toMatch(/^crs_[0-9a-f]{16}$/);
    expect(course.updatedAt).toBe(course.createdAt);
    expect(Date.parse(course.createdAt)).toBeGreaterThanOrEqual(before);
    expect(await storedCourse(stack, course.id)).toMatchObject({ tags: ['reporting', 'analytics'], estimatedMinutes: 35, archivedAt: null });
  });

  it('updates the course an LMS sync names by external id, keeping module ids by title and stamping syncedAt', async () => {
    const token = await stack.integrationToken(['learning:write']);
    const result = await upsert(
      {
        externalIds: [{ source: 'lms', id: 'LMS-7' }],
        title: 'Exporting invoices to CSV',
        modules: [
          { title: 'Encodings', minutes: 12 },
          { title: 'First steps', minutes: 8 },
        ],
      },
      token,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.upsertCourse).toMatchObject({
      id: synced._id,
      title: 'Exporting invoices to CSV',
      description: synced.description,
      level: synced.level,
      completionXp: synced.completionXp,
      badge: { id: badge._id },
      externalIds: [{ source: 'lms', id: 'LMS-7' }],
      // `First steps` was m1 and keeps it; the new module takes the first id never used in the course.
      modules: [
        { id: 'm3', title: 'Encodings', estimatedMinutes: 12 },
        { id: 'm1', title: 'First steps', estimatedMinutes: 8 },
      ],
      estimatedMinutes: 20,
      createdAt: synced.createdAt.toISOString(),
    });
    const { syncedAt, updatedAt } = result.data.upsertCourse;
    expect(syncedAt).toBe(updatedAt);
    expect(Date.parse(updatedAt)).toBeGreaterThan(synced.updatedAt.getTime());

    const again = await upsert({ externalIds: [{ source: 'lms', id: 'LMS-7' }], modules: [{ title: 'Encodings', minutes: 12 }, { title: 'First steps', minutes: 8 }] }, token);
    expect(again.data.upsertCourse.id).toBe(synced._id);
    expect(again.data.upsertCourse.modules.map((module: { id: string }) => module.id)).toEqual(['m3', 'm1']);
  });

  it('changes only the given fields of a course named by id, keeps given module ids, and removes the badge on null', async () => {
    const course = buildCourse({ badgeId: otherBadge._id, tags: ['admin'] });
    await seedLearning(stack, { courses: [course] });
    const result = await upsert({ id: course._id, badgeId: null, modules: [{ id: 'intro', title: 'Intro', minutes: 3 }], externalIds: [{ source: 'lms', id: 'LMS-99' }] });
    expect(result.errors).toBeUndefined();
    expect(result.data.upsertCourse).toMatchObject({
      id: course._id,
      title: course.title,
      tags: ['admin'],
      badge: null,
      modules: [{ id: 'intro', title: 'Intro', estimatedMinutes: 3 }],
      estimatedMinutes: 3,
      externalIds: [{ source: 'lms', id: 'LMS-99' }],
      syncedAt: null,
    });
    expect(await storedCourse(stack, course._id)).toMatchObject({ badgeId: null, externalKeys: ['lms:LMS-99'] });
  });

  it('creates a course under a given id that names no course', async () => {
    const result = await upsert({ ...NEW_COURSE, id: 'crs_given_id', externalIds: [{ source: 'lms', id: 'LMS-new' }] });
    expect(result.errors).toBeUndefined();
    expect(result.data.upsertCourse).toMatchObject({ id: 'crs_given_id', externalIds: [{ source: 'lms', id: 'LMS-new' }] });
  });

  it.each([
    ['an id and an external id of two different courses', { id: synced._id, externalIds: [{ source: 'lms', id: 'LMS-8' }], title: 'Merged?' }],
    ['an unknown id with another course’s external id', { id: 'crs_unknown', externalIds: [{ source: 'lms', id: 'LMS-8' }], ...NEW_COURSE }],
  ])('refuses %s with CONFLICT, changing nothing', async (_name, input) => {
    const [before, otherBefore, counts] = await Promise.all([storedCourse(stack, synced._id), storedCourse(stack, another._id), countLearningDocuments(stack)]);
    const result = await upsert(input);
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    expect(await storedCourse(stack, synced._id)).toEqual(before);
    expect(await storedCourse(stack, another._id)).toEqual(otherBefore);
    expect(await countLearningDocuments(stack)).toEqual(counts);
  });

  it.each([
    ['an empty title', { title: '  ' }, 'input.title'],
    ['a tag with a space', { tags: ['data export'] }, 'input.tags.0'],
    ['a locale that is no BCP 47 tag', { locale: 'English' }, 'input.locale'],
    ['no modules', { modules: [] }, 'input.modules'],
    ['a module of zero minutes', { modules: [{ title: 'Intro', minutes: 0 }] }, 'input.modules.0.minutes'],
    ['a module of more than 10,000 minutes', { modules: [{ title: 'Intro', minutes: 20_000 }] }, 'input.modules.0.minutes'],
    ['two modules with one id', { modules: [{ id: 'a', title: 'One', minutes: 5 }, { id: 'a', title: 'Two', minutes: 5 }] }, 'input.modules.1.id'],
    ['negative XP', { completionXp: -10 }, 'input.completionXp'],
    ['a badge that does not exist', { badgeId: 'bdg_missing' }, 'input.badgeId'],
    ['an external id without its source', { externalIds: [{ source: '', id: 'LMS-9' }] }, 'input.externalIds.0.source'],
  ])('rejects %s with BAD_USER_INPUT naming the field, changing nothing', async (_name, change, field) => {
    const before = await storedCourse(stack, synced._id);
    const counts = await countLearningDocuments(stack);
    const result = await upsert({ id: synced._id, title: 'Should not be stored', ...change });
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await storedCourse(stack, synced._id)).toEqual(before);
    expect(await countLearningDocuments(stack)).toEqual(counts);
  });

  it('names every field a new course lacks, storing nothing', async () => {
    const counts = await countLearningDocuments(stack);
    const result = await upsert({ title: 'Half a course', tags: ['draft'] });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.description' });
    const fields = (result.errors?.[0]?.extensions?.['issues'] as Array<{ field: string }>).map((issue) => issue.field);
    expect(fields).toEqual(['input.description', 'input.level', 'input.locale', 'input.modules']);
    expect(await countLearningDocuments(stack)).toEqual(counts);
  });

  it('rejects an unknown input field with BAD_USER_INPUT, storing nothing', async () => {
    const counts = await countLearningDocuments(stack);
    const result = await upsert({ ...NEW_COURSE, enrollmentCount: 1000 });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/enrollmentCount/);
    expect(await countLearningDocuments(stack)).toEqual(counts);
  });

  it.each([
    ['a customer', () => stack.customerToken('acc_admin', 'usr_admin')],
    ['an integration with learning:read only', () => stack.integrationToken(['learning:read'])],
  ])('refuses %s with FORBIDDEN, changing nothing', async (_name, token) => {
    const before = await storedCourse(stack, synced._id);
    const counts = await countLearningDocuments(stack);
    for (const input of [NEW_COURSE, { id: synced._id, title: 'Taken over' }]) {
      const result = await upsert(input, await token());
      expect(result.data).toBeNull();
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
    expect(await storedCourse(stack, synced._id)).toEqual(before);
    expect(await countLearningDocuments(stack)).toEqual(counts);
  });
});

describe('archiving courses', () => {
  let stack: Stack;
  const account = buildAccount();
  const learner = buildUser(account);
  const newcomer = buildUser(account);

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [account], [learner, newcomer]);
  });
  afterAll(() => stack.stop());

  const ARCHIVE = `mutation($id: ID!) { archiveCourse(id: $id) { id archivedAt updatedAt syncedAt } }`;
  const ENROLL = `mutation($input: EnrollInput!) { enroll(input: $input) { id status course { id archivedAt } } }`;
  const RECORD = `mutation($input: RecordProgressInput!) { recordProgress(input: $input) { status user { learning { xp completedCourses { edges { node { id } } } } } } }`;

  async function archive(id: string, token?: string) {
    return stack.query<any>(ARCHIVE, { token: token ?? (await stack.staffToken()), variables: { id } });
  }

  async function catalogIds(token: string): Promise<string[]> {
    const result = await stack.query<any>(`{ courses(first: 100) { totalCount edges { node { id } } } }`, { token });
    expect(result.errors).toBeUndefined();
    expect(result.data.courses.totalCount).toBe(result.data.courses.edges.length);
    return result.data.courses.edges.map((edge: { node: { id: string } }) => edge.node.id);
  }

  it('archives a course: it leaves the catalog list but still answers by id, and its updatedAt moves', async () => {
    const course = buildCourse();
    const kept = buildCourse();
    await seedLearning(stack, { courses: [course, kept] });
    const customer = await stack.customerToken(account._id, learner._id);
    expect(await catalogIds(customer)).toEqual(expect.arrayContaining([course._id, kept._id]));

    const result = await archive(course._id);
    expect(result.errors).toBeUndefined();
    const { archivedAt, updatedAt, syncedAt } = result.data.archiveCourse;
    expect(archivedAt).toBe(updatedAt);
    expect(Date.parse(updatedAt)).toBeGreaterThan(course.updatedAt.getTime());
    expect(syncedAt).toBeNull();

    const ids = await catalogIds(customer);
    expect(ids).toContain(kept._id);
    expect(ids).not.toContain(course._id);
    const byId = await stack.query<any>(`query($id: ID!) { course(id: $id) { id title archivedAt } }`, { token: customer, variables: { id: course._id } });
    expect(byId.data.course).toEqual({ id: course._id, title: course.title, archivedAt });
  });

  it('keeps a course stored without archivedAt in the catalog and open to enrollment', async () => {
    const course = buildCourse();
    expect('archivedAt' in course).toBe(false);
    await seedLearning(stack, { courses: [course] });
    const token = await stack.customerToken(account._id, learner._id);
    expect(await catalogIds(token)).toContain(course._id);
    const enrolled = await stack.query<any>(ENROLL, { token, variables: { input: { courseId: course._id } } });
    expect(enrolled.errors).toBeUndefined();
    expect(enrolled.data.enroll.course).toEqual({ id: course._id, archivedAt: null });
  });

  it('keeps enrollments in an archived course going to completion, and refuses new ones with a clear error', async () => {
    const course = buildCourse({ completionXp: 120 });
    await seedLearning(stack, { courses: [course] });
    const learnerToken = await stack.customerToken(account._id, learner._id);
    const enrolled = await stack.query<any>(ENROLL, { token: learnerToken, variables: { input: { courseId: course._id } } });
    expect(enrolled.errors).toBeUndefined();
    expect((await archive(course._id)).errors).toBeUndefined();

    const counts = await countLearningDocuments(stack);
    const refused = await stack.query<any>(ENROLL, {
      token: await stack.customerToken(account._id, newcomer._id),
      variables: { input: { courseId: course._id } },
    });
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.courseId' });
    expect(refused.errors?.[0]?.message).toMatch(/archived and takes no new enrollments/);
    expect(await countLearningDocuments(stack)).toEqual(counts);
    expect((await storedCourse(stack, course._id))?.enrollmentCount).toBe(1);

    const again = await stack.query<any>(ENROLL, { token: learnerToken, variables: { input: { courseId: course._id } } });
    expect(again.data.enroll.id).toBe(enrolled.data.enroll.id);
    const finished = await stack.query<any>(RECORD, { token: learnerToken, variables: { input: { enrollmentId: enrolled.data.enroll.id, progress: 1 } } });
    expect(finished.errors).toBeUndefined();
    expect(finished.data.recordProgress.status).toBe('COMPLETED');
    expect(finished.data.recordProgress.user.learning.xp).toBe(120);
    expect(finished.data.recordProgress.user.learning.completedCourses.edges.map((edge: any) => edge.node.id)).toContain(course._id);
  });

  it('changes nothing when a course is archived again', async () => {
    const course = buildCourse();
    await seedLearning(stack, { courses: [course] });
    const first = await archive(course._id);
    const stored = await storedCourse(stack, course._id);
    const second = await archive(course._id);
    expect(second.errors).toBeUndefined();
    expect(second.data.archiveCourse).toEqual(first.data.archiveCourse);
    expect(await storedCourse(stack, course._id)).toEqual(stored);
  });

  it('lets a learning:write integration archive, stamping syncedAt', async () => {
    const course = buildCourse();
    await seedLearning(stack, { courses: [course] });
    const result = await archive(course._id, await stack.integrationToken(['learning:write']));
    expect(result.errors).toBeUndefined();
    expect(result.data.archiveCourse.syncedAt).toBe(result.data.archiveCourse.archivedAt);
  });

  it('still lists an archived course in the learning paths that hold it', async () => {
    const course = buildCourse();
    const next = buildCourse();
    const path = buildPath([course, next]);
    await seedLearning(stack, { courses: [course, next], paths: [path] });
    await archive(course._id);
    const result = await stack.query<any>(`{ learningPaths(first: 100) { edges { node { id courses { id archivedAt } } } } }`, {
      token: await stack.customerToken(account._id, learner._id),
    });
    const listed = result.data.learningPaths.edges.find((edge: any) => edge.node.id === path._id).node;
    expect(listed.courses.map((entry: any) => entry.id)).toEqual([course._id, next._id]);
    expect(listed.courses[0].archivedAt).not.toBeNull();
  });

  it('answers NOT_FOUND for an unknown course and BAD_USER_INPUT for a malformed id', async () => {
    const missing = await archive('crs_missing');
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', type: 'Course', id: 'crs_missing' });
    const malformed = await archive('crs with spaces');
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it.each([
    ['a customer', () => stack.customerToken(account._id, learner._id)],
    ['an integration with learning:read only', () => stack.integrationToken(['learning:read'])],
  ])('refuses %s with FORBIDDEN, leaving the course offered', async (_name, token) => {
    const course = buildCourse();
    await seedLearning(stack, { courses: [course] });
    const result = await archive(course._id, await token());
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(await storedCourse(stack, course._id)).toEqual(course);
  });
});
