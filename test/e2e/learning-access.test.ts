import { buildAccount, buildUser } from '../helpers/factories';
import { buildBadge, buildCourse, buildEnrollment, buildLearner, buildPath, buildQuest, seedLearning } from '../helpers/learning';
import { seedAccounts } from '../helpers/seed';
import { postGraphql, startStack, type Stack } from '../helpers/stack';

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

const USER_LEARNING = `
  learning {
    level { number title minXp nextLevelXp }
    xp
    badges { id name isCertification earnedAt }
    enrollments { totalCount edges { node { id status progress course { id } } } }
    completedCourses { totalCount edges { node { id } } }
    quests { quest { id } progress isCompleted completedAt }
  }`;
const ACCOUNT_LEARNING = `learning { activeLearners30d enrollmentCount completionCount completionRate certifiedUsers }`;
const entities = (selection: string) =>
  `query($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`;
const USER_ENTITIES = entities(`... on User { id ${USER_LEARNING} }`);
const ACCOUNT_ENTITIES = entities(`... on Account { id ${ACCOUNT_LEARNING} }`);
const ENROLLMENT_ENTITIES = entities(`... on Enrollment { id progress }`);

describe('who may read learning', () => {
  let stack: Stack;
  const mine = buildAccount({ name: 'Mine Inc' });
  const theirs = buildAccount({ name: 'Theirs Ltd' });
  const me = buildUser(mine, { name: 'Me Myself' });
  const colleague = buildUser(mine, { name: 'My Colleague' });
  const newcomer = buildUser(mine, { name: 'New Comer' });
  const stranger = buildUser(theirs, { name: 'Some Stranger' });

  const certification = buildBadge({ name: 'Certified Admin', isCertification: true });
  const admin = buildCourse({ title: 'Admin basics', completionXp: 100 });
  const reporting = buildCourse({ title: 'Reporting', completionXp: 150 });
  const path = buildPath([admin, reporting], { badgeId: certification._id });
  const twoCourses = buildQuest({ kind: 'COMPLETE_COURSES', courseCount: 2 }, { title: 'A: two courses' });
  const finishPath = buildQuest({ kind: 'COMPLETE_LEARNING_PATH', learningPathId: path._id }, { title: 'B: finish the path' });
  const firstCourse = buildQuest({ kind: 'COMPLETE_COURSES', courseCount: 1 }, { title: 'C: first course' });
  const earnedAt = new Date('2025-03-01T00:00:00Z');

  const myCompletion = buildEnrollment(me, admin, { status: 'COMPLETED', lastActivityAt: daysAgo(40) });
  const myProgress = buildEnrollment(me, reporting, { status: 'IN_PROGRESS', progress: 0.4, lastActivityAt: daysAgo(2) });
  const colleagueEnrollment = buildEnrollment(colleague, admin, { lastActivityAt: daysAgo(60) });
  const strangerEnrollments = [
    buildEnrollment(stranger, admin, { status: 'COMPLETED', lastActivityAt: daysAgo(1) }),
    buildEnrollment(stranger, reporting, { status: 'COMPLETED', lastActivityAt: daysAgo(1) }),
  ];

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [mine, theirs], [me, colleague, newcomer, stranger]);
    await seedLearning(stack, {
      badges: [certification],
      courses: [admin, reporting],
      paths: [path],
      quests: [twoCourses, finishPath, firstCourse],
      learners: [
        buildLearner(me, {
          xp: 300,
          badges: [{ badgeId: certification._id, isCertification: true, earnedAt }],
          questCompletions: [{ questId: firstCourse._id, completedAt: earnedAt }],
          awardedCourseIds: [admin._id],
        }),
        buildLearner(colleague),
        buildLearner(stranger, { xp: 7_777, badges: [{ badgeId: certification._id, isCertification: true, earnedAt }] }),
      ],
      enrollments: [myCompletion, myProgress, colleagueEnrollment, ...strangerEnrollments],
    });
  });
  afterAll(() => stack.stop());

  const myLearning = {
    level: { number: 3, title: 'Learner', minXp: 250, nextLevelXp: 500 },
    xp: 300,
    badges: [{ id: certification._id, name: 'Certified Admin', isCertification: true, earnedAt: earnedAt.toISOString() }],
    enrollments: {
      totalCount: 2,
      edges: [
        { node: { id: myProgress._id, status: 'IN_PROGRESS', progress: 0.4, course: { id: reporting._id } } },
        { node: { id: myCompletion._id, status: 'COMPLETED', progress: 1, course: { id: admin._id } } },
      ],
    },
    completedCourses: { totalCount: 1, edges: [{ node: { id: admin._id } }] },
    quests: [
      { quest: { id: twoCourses._id }, progress: 0.5, isCompleted: false, completedAt: null },
      { quest: { id: finishPath._id }, progress: 0.5, isCompleted: false, completedAt: null },
      { quest: { id: firstCourse._id }, progress: 1, isCompleted: true, completedAt: earnedAt.toISOString() },
    ],
  };
  const myAccountLearning = { activeLearners30d: 1, enrollmentCount: 3, completionCount: 1, completionRate: 1 / 3, certifiedUsers: 1 };

  describe('User.learning', () => {
    it("shows staff any user's learning through the gateway", async () => {
      const result = await stack.query<any>(`query($id: ID!) { user(id: $id) { name ${USER_LEARNING} } }`, {
        token: await stack.staffToken(),
        variables: { id: me._id },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data.user).toEqual({ name: 'Me Myself', learning: myLearning });
    });

    it("shows a customer their own and their colleagues' learning", async () => {
      const token = await stack.customerToken(mine._id, me._id);
      const own = await stack.query<any>(`{ viewer { user { ${USER_LEARNING} } } }`, { token });
      expect(own.errors).toBeUndefined();
      expect(own.data.viewer.user.learning).toEqual(myLearning);
      const colleagues = await stack.query<any>(`query($id: ID!) { user(id: $id) { learning { xp enrollments { totalCount } } } }`, {
        token,
        variables: { id: colleague._id },
      });
      expect(colleagues.errors).toBeUndefined();
      expect(colleagues.data.user.learning).toEqual({ xp: 0, enrollments: { totalCount: 1 } });
    });

    it("refuses another account's user's learning to a customer at the subgraph, leaking nothing", async () => {
      const result = await postGraphql<any>(stack.subgraphUrls['learning']!, USER_ENTITIES, {
        token: await stack.customerToken(mine._id, me._id),
        variables: { representations: [{ __typename: 'User', id: me._id }, { __typename: 'User', id: stranger._id }] },
      });
      expect(result.data._entities[0].learning.xp).toBe(300);
      expect(result.data._entities[1]).toBeNull();
      expect(result.errors?.map((error) => error.extensions?.['code'])).toEqual(['FORBIDDEN']);
      expect(JSON.stringify(result)).not.toContain('7777');
      expect(JSON.stringify(result)).not.toContain(strangerEnrollments[0]!._id);
    });

    it("refuses another account's user's learning to a customer through the gateway, leaking nothing", async () => {
      const result = await stack.query<any>(`query($id: ID!) { user(id: $id) { learning { xp } } }`, {
        token: await stack.customerToken(mine._id, me._id),
        variables: { id: stranger._id },
      });
      expect(result.data?.user ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect(JSON.stringify(result)).not.toContain('7777');
    });

    it("shows the other account's customer their own learning, and refuses them this account's enrollments", async () => {
      const result = await postGraphql<any>(
        stack.subgraphUrls['learning']!,
        `{ _entities(representations: [{ __typename: "User", id: "${stranger._id}" }]) { ... on User { learning { xp } } } }`,
        { token: await stack.customerToken(theirs._id, stranger._id) },
      );
      expect(result.data._entities[0].learning.xp).toBe(7_777);
      const mineOnly = await postGraphql<any>(stack.subgraphUrls['learning']!, ENROLLMENT_ENTITIES, {
        token: await stack.customerToken(theirs._id, stranger._id),
        variables: { representations: [{ __typename: 'Enrollment', id: myCompletion._id }] },
      });
      expect(mineOnly.data._entities).toEqual([null]);
      expect(mineOnly.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    });

    it('gives a user with no learning yet level 1 and nothing else', async () => {
      const result = await stack.query<any>(`query($id: ID!) { user(id: $id) { ${USER_LEARNING} } }`, {
        token: await stack.customerToken(mine._id, me._id),
        variables: { id: newcomer._id },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data.user.learning).toEqual({
        level: { number: 1, title: 'Newcomer', minXp: 0, nextLevelXp: 100 },
        xp: 0,
        badges: [],
        enrollments: { totalCount: 0, edges: [] },
        completedCourses: { totalCount: 0, edges: [] },
        quests: [
          { quest: { id: twoCourses._id }, progress: 0, isCompleted: false, completedAt: null },
          { quest: { id: finishPath._id }, progress: 0, isCompleted: false, completedAt: null },
          { quest: { id: firstCourse._id }, progress: 0, isCompleted: false, completedAt: null },
        ],
      });
    });

    it('lets an integration read learning with learning:read and not without it', async () => {
      const query = `query($id: ID!) { user(id: $id) { learning { xp } } }`;
      const reader = await stack.query<any>(query, {
        token: await stack.integrationToken(['accounts:read', 'learning:read']),
        variables: { id: me._id },
      });
      expect(reader.errors).toBeUndefined();
      expect(reader.data.user.learning).toEqual({ xp: 300 });
      const other = await stack.query<any>(query, { token: await stack.integrationToken(['accounts:read']), variables: { id: me._id } });
      expect(other.data.user.learning).toBeNull();
      expect(other.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    });

    it('filters and pages a user’s enrollments by status', async () => {
      const token = await stack.staffToken();
      const query = `query($id: ID!, $status: EnrollmentStatus, $after: String) { user(id: $id) { learning {
        enrollments(status: $status, first: 1, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } } } }`;
      const completed = await stack.query<any>(query, { token, variables: { id: me._id, status: 'COMPLETED' } });
      expect(completed.data.user.learning.enrollments).toMatchObject({ totalCount: 1, edges: [{ node: { id: myCompletion._id } }] });
      const first = await stack.query<any>(query, { token, variables: { id: me._id } });
      expect(first.data.user.learning.enrollments).toMatchObject({ totalCount: 2, edges: [{ node: { id: myProgress._id } }], pageInfo: { hasNextPage: true } });
      const second = await stack.query<any>(query, { token, variables: { id: me._id, after: first.data.user.learning.enrollments.pageInfo.endCursor } });
      expect(second.data.user.learning.enrollments).toMatchObject({ edges: [{ node: { id: myCompletion._id } }], pageInfo: { hasNextPage: false } });
    });

    it('resolves an enrollment’s user and account through the gateway', async () => {
      const result = await stack.query<any>(
        `query($id: ID!) { user(id: $id) { learning { enrollments(status: COMPLETED) { edges { node { user { name } account { name } course { title } } } } } } }`,
        { token: await stack.customerToken(mine._id, me._id), variables: { id: me._id } },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.user.learning.enrollments.edges).toEqual([{ node: { user: { name: 'Me Myself' }, account: { name: 'Mine Inc' }, course: { title: 'Admin basics' } } }]);
    });
  });

  describe('Account.learning', () => {
    it('shows staff any account’s learning through the gateway', async () => {
      const result = await stack.query<any>(`query($id: ID!) { account(id: $id) { name ${ACCOUNT_LEARNING} } }`, {
        token: await stack.staffToken(),
        variables: { id: mine._id },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data.account).toEqual({ name: 'Mine Inc', learning: myAccountLearning });
    });

    it('shows a customer their own account’s learning', async () => {
      const result = await stack.query<any>(`{ viewer { account { ${ACCOUNT_LEARNING} } } }`, { token: await stack.customerToken(mine._id, me._id) });
      expect(result.errors).toBeUndefined();
      expect(result.data.viewer.account.learning).toEqual(myAccountLearning);
    });

    it("refuses another account's learning to a customer at the subgraph, like a root field", async () => {
      const result = await postGraphql<any>(stack.subgraphUrls['learning']!, ACCOUNT_ENTITIES, {
        token: await stack.customerToken(mine._id, me._id),
        variables: { representations: [{ __typename: 'Account', id: mine._id }, { __typename: 'Account', id: theirs._id }] },
      });
      expect(result.data._entities[0]).toEqual({ id: mine._id, learning: myAccountLearning });
      expect(result.data._entities[1]).toBeNull();
      expect(result.errors?.map((error) => error.extensions?.['code'])).toEqual(['FORBIDDEN']);
    });

    it("refuses another account's learning to a customer through the gateway", async () => {
      const result = await stack.query<any>(`query($id: ID!) { account(id: $id) { ${ACCOUNT_LEARNING} } }`, {
        token: await stack.customerToken(mine._id, me._id),
        variables: { id: theirs._id },
      });
      expect(result.data?.account ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    });

    it('gives an account without enrollments zeros and no completion rate', async () => {
      const empty = buildAccount();
      const result = await postGraphql<any>(stack.subgraphUrls['learning']!, ACCOUNT_ENTITIES, {
        token: await stack.staffToken(),
        variables: { representations: [{ __typename: 'Account', id: empty._id }] },
      });
      expect(result.data._entities[0].learning).toEqual({ activeLearners30d: 0, enrollmentCount: 0, completionCount: 0, completionRate: null, certifiedUsers: 0 });
    });

    it('lets an integration read account learning with learning:read and not without it', async () => {
      const representations = [{ __typename: 'Account', id: theirs._id }];
      const reader = await postGraphql<any>(stack.subgraphUrls['learning']!, ACCOUNT_ENTITIES, {
        token: await stack.integrationToken(['learning:read']),
        variables: { representations },
      });
      expect(reader.data._entities[0].learning).toEqual({ activeLearners30d: 1, enrollmentCount: 2, completionCount: 2, completionRate: 1, certifiedUsers: 1 });
      const other = await postGraphql<any>(stack.subgraphUrls['learning']!, ACCOUNT_ENTITIES, {
        token: await stack.integrationToken(['tickets:read']),
        variables: { representations },
      });
      expect(other.data._entities).toEqual([null]);
      expect(other.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    });
  });

  describe('Enrollment references', () => {
    it('resolves own-account enrollments for a customer and refuses others and unknown ids', async () => {
      const result = await postGraphql<any>(stack.subgraphUrls['learning']!, ENROLLMENT_ENTITIES, {
        token: await stack.customerToken(mine._id, me._id),
        variables: {
          representations: [
            { __typename: 'Enrollment', id: colleagueEnrollment._id },
            { __typename: 'Enrollment', id: strangerEnrollments[1]!._id },
            { __typename: 'Enrollment', id: 'enr_missing' },
          ],
        },
      });
      expect(result.data._entities).toEqual([{ id: colleagueEnrollment._id, progress: 0 }, null, null]);
      expect(result.errors?.map((error) => error.extensions?.['code'])).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    });

    it('resolves any enrollment for staff, and null for an unknown one', async () => {
      const result = await postGraphql<any>(stack.subgraphUrls['learning']!, ENROLLMENT_ENTITIES, {
        token: await stack.staffToken(),
        variables: { representations: [{ __typename: 'Enrollment', id: strangerEnrollments[1]!._id }, { __typename: 'Enrollment', id: 'enr_missing' }] },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data._entities).toEqual([{ id: strangerEnrollments[1]!._id, progress: 1 }, null]);
    });
  });

  it('answers _entities without a token with UNAUTHENTICATED at the subgraph', async () => {
    const result = await postGraphql<any>(stack.subgraphUrls['learning']!, USER_ENTITIES, {
      variables: { representations: [{ __typename: 'User', id: me._id }, { __typename: 'Account', id: mine._id }] },
    });
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(result.data ?? null).toBeNull();
  });

  it('answers learning fields without a token with UNAUTHENTICATED at the gateway', async () => {
    const result = await stack.query<any>(`{ viewer { user { learning { xp } } account { learning { enrollmentCount } } } }`, { token: null });
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
