import { buildAccount, buildUser } from '../helpers/factories';
import { buildBadge, buildCourse, buildPath, buildQuest, seedLearning } from '../helpers/learning';
import { seedAccounts } from '../helpers/seed';
import { postGraphql, startStack, type Stack } from '../helpers/stack';

describe('the learning catalog', () => {
  let stack: Stack;
  const account = buildAccount({ locale: 'ja-JP' });
  const user = buildUser(account);
  const certification = buildBadge({ name: '認定管理者', isCertification: true });
  const salesforce = buildCourse({
    title: 'Salesforce連携の設定入門',
    locale: 'ja-JP',
    level: 'INTERMEDIATE',
    tags: ['integrations', 'salesforce'],
    completionXp: 150,
    badgeId: certification._id,
    enrollmentCount: 42,
    modules: [
      { id: 'm1', title: '連携の仕組み', estimatedMinutes: 10 },
      { id: 'm2', title: '項目マッピング', estimatedMinutes: 25 },
    ],
    estimatedMinutes: 35,
    externalIds: [{ source: 'lms', id: 'LMS-1' }],
    externalKeys: ['lms:LMS-1'],
    syncedAt: new Date('2025-12-01T00:00:00Z'),
  });
  const fillers = Array.from({ length: 24 }, (_, index) =>
    buildCourse({
      title: `Course ${String(index).padStart(2, '0')}`,
      level: index % 3 === 0 ? 'ADVANCED' : 'BEGINNER',
      tags: index % 2 === 0 ? ['admin', 'security'] : ['admin'],
    }),
  );
  const courses = [salesforce, ...fillers];
  const path = buildPath([fillers[2]!, salesforce, fillers[0]!], { title: '管理者認定コース', locale: 'ja-JP', badgeId: certification._id });
  const englishPath = buildPath([fillers[1]!], { title: 'Reporting basics' });
  const threeCourses = buildQuest({ kind: 'COMPLETE_COURSES', courseCount: 3 }, { title: 'Complete three courses', rewardXp: 100 });
  const finishPath = buildQuest(
    { kind: 'COMPLETE_LEARNING_PATH', learningPathId: path._id },
    { title: '管理者認定コースを修了しよう', locale: 'ja-JP', rewardXp: 200, rewardBadgeId: certification._id },
  );

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [account], [user]);
    await seedLearning(stack, { badges: [certification], courses, paths: [path, englishPath], quests: [threeCourses, finishPath] });
  });
  afterAll(() => stack.stop());

  it('shows a course with its modules, badge and popularity to a customer', async () => {
    const result = await stack.query<any>(
      `query($id: ID!) { course(id: $id) { id title level tags locale estimatedMinutes completionXp enrollmentCount
        modules { id title estimatedMinutes } badge { name isCertification } createdAt } }`,
      { token: await stack.customerToken(account._id, user._id), variables: { id: salesforce._id } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.course).toEqual({
      id: salesforce._id,
      title: 'Salesforce連携の設定入門',
      level: 'INTERMEDIATE',
      tags: ['integrations', 'salesforce'],
      locale: 'ja-JP',
      estimatedMinutes: 35,
      completionXp: 150,
      enrollmentCount: 42,
      modules: [
        { id: 'm1', title: '連携の仕組み', estimatedMinutes: 10 },
        { id: 'm2', title: '項目マッピング', estimatedMinutes: 25 },
      ],
      badge: { name: '認定管理者', isCertification: true },
      createdAt: '2024-01-10T00:00:00.000Z',
    });
  });

  it('opens the catalog to an integration without learning scopes', async () => {
    const result = await stack.query<any>(`{ courses(first: 1) { totalCount } }`, { token: await stack.integrationToken(['tickets:read']) });
    expect(result.errors).toBeUndefined();
    expect(result.data.courses.totalCount).toBe(25);
  });

  it('returns null for an unknown course', async () => {
    const result = await stack.query<any>(`{ course(id: "crs_missing") { id } }`, { token: await stack.customerToken(account._id, user._id) });
    expect(result.errors).toBeUndefined();
    expect(result.data.course).toBeNull();
  });

  it('pages through every course in title order', async () => {
    const token = await stack.customerToken(account._id, user._id);
    const titles: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const result: { data?: any } = await stack.query(
        `query($after: String) { courses(first: 10, after: $after) { totalCount edges { node { title } } pageInfo { hasNextPage endCursor } } }`,
        { token, variables: { after } },
      );
      expect(result.data.courses.totalCount).toBe(25);
      titles.push(...result.data.courses.edges.map((edge: any) => edge.node.title));
      after = result.data.courses.pageInfo.hasNextPage ? result.data.courses.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(titles).toEqual(courses.map((course) => course.title).sort());
  });

  it('filters courses by level, by every given tag and by locale', async () => {
    const token = await stack.staffToken();
    const query = `query($filter: CourseFilter) { courses(filter: $filter, first: 100) { totalCount edges { node { title } } } }`;
    const advancedSecurity = await stack.query<any>(query, { token, variables: { filter: { level: 'ADVANCED', tags: ['admin', 'SECURITY'] } } });
    const expected = fillers.filter((_, index) => index % 3 === 0 && index % 2 === 0).map((course) => course.title);
    expect(advancedSecurity.data.courses.edges.map((edge: any) => edge.node.title)).toEqual(expected);
    expect(advancedSecurity.data.courses.totalCount).toBe(expected.length);
    const japanese = await stack.query<any>(query, { token, variables: { filter: { locale: 'ja-JP' } } });
    expect(japanese.data.courses.edges.map((edge: any) => edge.node.title)).toEqual(['Salesforce連携の設定入門']);
  });

  it('lists learning paths with their courses in order, total minutes and badge', async () => {
    const result = await stack.query<any>(
      `{ learningPaths(locale: "ja-JP") { totalCount edges { node { id title courses { id } estimatedMinutes badge { name } } } } }`,
      { token: await stack.customerToken(account._id, user._id) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.learningPaths).toEqual({
      totalCount: 1,
      edges: [
        {
          node: {
            id: path._id,
            title: '管理者認定コース',
            courses: [{ id: fillers[2]!._id }, { id: salesforce._id }, { id: fillers[0]!._id }],
            estimatedMinutes: 30 + 35 + 30,
            badge: { name: '認定管理者' },
          },
        },
      ],
    });
    const all = await stack.query<any>(`{ learningPaths { totalCount } }`, { token: await stack.staffToken() });
    expect(all.data.learningPaths.totalCount).toBe(2);
  });

  it('lists quests with their goals and rewards', async () => {
    const result = await stack.query<any>(
      `{ quests { totalCount edges { node { title rewardXp rewardBadge { name } goal { kind targetCount learningPath { id } } } } } }`,
      { token: await stack.customerToken(account._id, user._id) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.quests.totalCount).toBe(2);
    expect(result.data.quests.edges.map((edge: any) => edge.node)).toEqual([
      { title: 'Complete three courses', rewardXp: 100, rewardBadge: null, goal: { kind: 'COMPLETE_COURSES', targetCount: 3, learningPath: null } },
      {
        title: '管理者認定コースを修了しよう',
        rewardXp: 200,
        rewardBadge: { name: '認定管理者' },
        goal: { kind: 'COMPLETE_LEARNING_PATH', targetCount: 3, learningPath: { id: path._id } },
      },
    ]);
  });

  it.each([
    ['a tag that is not a word', `{ courses(filter: { tags: ["a b"] }) { totalCount } }`, /filter\.tags\.0/],
    ['eleven tags', `{ courses(filter: { tags: ["a","b","c","d","e","f","g","h","i","j","k"] }) { totalCount } }`, /filter\.tags/],
    ['a locale that is not BCP 47', `{ courses(filter: { locale: "japanese" }) { totalCount } }`, /filter\.locale/],
    ['a path locale that is not BCP 47', `{ learningPaths(locale: "{\\"$ne\\": 1}") { totalCount } }`, /locale/],
    ['a page size above 100', `{ quests(first: 101) { totalCount } }`, /first/],
    ['a cursor from nowhere', `{ courses(after: "bm90LWEtY3Vyc29y") { totalCount } }`, /after/],
  ])('rejects %s with BAD_USER_INPUT', async (_name, query, message) => {
    const result = await stack.query(query, { token: await stack.staffToken() });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(`${result.errors?.[0]?.message} ${String(result.errors?.[0]?.extensions?.['field'])}`).toMatch(message);
  });

  it('rejects an unknown level in variables with BAD_USER_INPUT', async () => {
    const result = await stack.query(`query($filter: CourseFilter) { courses(filter: $filter) { totalCount } }`, {
      token: await stack.staffToken(),
      variables: { filter: { level: 'EXPERT' } },
    });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/EXPERT|level/);
  });

  it('shows course external ids and sync times to staff and integrations only', async () => {
    const query = `query($id: ID!) { course(id: $id) { title externalIds { source id } syncedAt } }`;
    const variables = { id: salesforce._id };
    const customer = await stack.query<any>(query, { token: await stack.customerToken(account._id, user._id), variables });
    expect(customer.data.course).toEqual({ title: salesforce.title, externalIds: null, syncedAt: null });
    expect(customer.errors?.map((error) => error.extensions?.['code'])).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    for (const token of [await stack.staffToken(), await stack.integrationToken(['learning:read'])]) {
      const privileged = await stack.query<any>(query, { token, variables });
      expect(privileged.errors).toBeUndefined();
      expect(privileged.data.course).toEqual({
        title: salesforce.title,
        externalIds: [{ source: 'lms', id: 'LMS-1' }],
        syncedAt: '2025-12-01T00:00:00.000Z',
      });
    }
  });

  it('resolves course, path and quest references for any signed-in caller at the subgraph', async () => {
    const other = buildAccount();
    const tokens = [
      await stack.staffToken(),
      await stack.customerToken(account._id, user._id),
      await stack.customerToken(other._id, 'usr_someone_else'),
      await stack.integrationToken(['tickets:read']),
    ];
    for (const token of tokens) {
      const result = await postGraphql<any>(
        stack.subgraphUrls['learning']!,
        `query($representations: [_Any!]!) { _entities(representations: $representations) {
          ... on Course { title } ... on LearningPath { title } ... on Quest { title } } }`,
        {
          token,
          variables: {
            representations: [
              { __typename: 'Course', id: salesforce._id },
              { __typename: 'LearningPath', id: path._id },
              { __typename: 'Quest', id: threeCourses._id },
              { __typename: 'Course', id: 'crs_missing' },
            ],
          },
        },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data._entities).toEqual([{ title: salesforce.title }, { title: path.title }, { title: threeCourses.title }, null]);
    }
  });

  it('shows customers of every account the same catalog', async () => {
    const query = `{ courses(first: 100) { totalCount } learningPaths { totalCount } quests { totalCount } }`;
    const own = await stack.query<any>(query, { token: await stack.customerToken(account._id, user._id) });
    const other = await stack.query<any>(query, { token: await stack.customerToken(buildAccount()._id, 'usr_someone_else') });
    expect(own.errors).toBeUndefined();
    expect(other.data).toEqual(own.data);
    expect(own.data).toEqual({ courses: { totalCount: 25 }, learningPaths: { totalCount: 2 }, quests: { totalCount: 2 } });
  });

  it.each([
    ['course', `{ course(id: "crs_1") { id } }`],
    ['courses', `{ courses { totalCount } }`],
    ['learningPaths', `{ learningPaths { totalCount } }`],
    ['quests', `{ quests { totalCount } }`],
    ['enroll', `mutation { enroll(input: { courseId: "crs_1" }) { id } }`],
    ['recordProgress', `mutation { recordProgress(input: { enrollmentId: "enr_1", progress: 1 }) { id } }`],
  ])('answers %s without a token with UNAUTHENTICATED, at the gateway and at the subgraph', async (_field, query) => {
    for (const url of [stack.gatewayUrl, stack.subgraphUrls['learning']!]) {
      const result = await postGraphql<any>(url, query);
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect(result.data ?? null).toBeNull();
    }
  });
});
