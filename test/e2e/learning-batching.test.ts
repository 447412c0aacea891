import { buildAccount, buildUser } from '../helpers/factories';
import { buildBadge, buildCourse, buildEnrollment, buildLearner, buildPath, buildQuest, seedLearning } from '../helpers/learning';
import { seedAccounts } from '../helpers/seed';
import { storeCallRecorder } from '../helpers/store-calls';
import { postGraphql, startStack, type Stack } from '../helpers/stack';

const ACCOUNTS_WITH_LEARNING = `query($first: Int!) {
  accounts(first: $first) { edges { node {
    name
    learning { activeLearners30d enrollmentCount completionCount completionRate certifiedUsers }
    users(first: 5) { edges { node {
      name
      learning {
        level { number } xp badges { name earnedAt }
        enrollments(first: 3) { totalCount edges { node { progress status course { title badge { name } } } } }
        completed: enrollments(status: COMPLETED, first: 2) { totalCount edges { node { completedAt } } }
        completedCourses(first: 3) { totalCount edges { node { title } } }
        quests { progress isCompleted quest { title goal { learningPath { title } } } }
      }
    } } }
  } } }
}`;

/** Store calls of the learning subgraph per operation must not grow with the number of accounts and users. */
describe('learning store calls per operation', () => {
  let stack: Stack;
  const storeCalls = storeCallRecorder();
  const badge = buildBadge({ isCertification: true });
  const courses = [buildCourse({ badgeId: badge._id }), buildCourse(), buildCourse()];
  const path = buildPath(courses.slice(0, 2), { badgeId: badge._id });
  const quests = [
    buildQuest({ kind: 'COMPLETE_COURSES', courseCount: 2 }),
    buildQuest({ kind: 'COMPLETE_LEARNING_PATH', learningPathId: path._id }),
  ];
  const accounts = Array.from({ length: 20 }, (_, index) => buildAccount({ name: `Batch ${String(index).padStart(2, '0')}` }));
  const users = accounts.flatMap((account) => Array.from({ length: 3 }, () => buildUser(account)));
  const enrollments = users.flatMap((user) => [
    buildEnrollment(user, courses[0]!, { status: 'COMPLETED', lastActivityAt: new Date() }),
    buildEnrollment(user, courses[1]!, { status: 'IN_PROGRESS' }),
    buildEnrollment(user, courses[2]!),
  ]);
  const learners = users.map((user) =>
    buildLearner(user, { xp: 100, awardedCourseIds: [courses[0]!._id], badges: [{ badgeId: badge._id, isCertification: true, earnedAt: new Date() }] }),
  );

  beforeAll(async () => {
    stack = await startStack({ store: await storeCalls.openStore() });
    await seedAccounts(stack, accounts, users);
    await seedLearning(stack, { badges: [badge], courses, paths: [path], quests, learners, enrollments });
  });
  afterAll(async () => {
    await stack.stop();
    await stack.store.close();
  });

  it('does not grow with the number of accounts and users whose learning is read', async () => {
    const token = await stack.staffToken();
    let small: any;
    let large: any;
    const fewCalls = await storeCalls.count(async () => {
      small = await stack.query<any>(ACCOUNTS_WITH_LEARNING, { token, variables: { first: 2 } });
    }, 'learning');
    const manyCalls = await storeCalls.count(async () => {
      large = await stack.query<any>(ACCOUNTS_WITH_LEARNING, { token, variables: { first: 20 } });
    }, 'learning');
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(small.data.accounts.edges).toHaveLength(2);
    expect(large.data.accounts.edges).toHaveLength(20);
    for (const { node } of large.data.accounts.edges) {
      expect(node.learning).toEqual({ activeLearners30d: 3, enrollmentCount: 9, completionCount: 3, completionRate: 1 / 3, certifiedUsers: 3 });
      expect(node.users.edges).toHaveLength(3);
      for (const { node: user } of node.users.edges) {
        expect(user.learning.enrollments.totalCount).toBe(3);
        expect(user.learning.completed.totalCount).toBe(1);
        expect(user.learning.completedCourses.edges).toEqual([{ node: { title: courses[0]!.title } }]);
        expect(user.learning.quests.map((quest: any) => quest.progress).sort()).toEqual([0.5, 0.5]);
      }
    }
    expect(manyCalls).toBe(fewCalls);
    expect(manyCalls).toBeLessThanOrEqual(16);
  });

  it('resolves many user and account references with the same store calls as a few', async () => {
    const token = await stack.staffToken();
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on User { learning { xp enrollments(first: 2) { totalCount } } }
      ... on Account { learning { enrollmentCount certifiedUsers } }
    } }`;
    const representations = (count: number) => [
      ...users.slice(0, count).map((user) => ({ __typename: 'User', id: user._id })),
      ...accounts.slice(0, count).map((account) => ({ __typename: 'Account', id: account._id })),
    ];
    let large: any;
    const few = await storeCalls.count(async () => {
      await postGraphql(stack.subgraphUrls['learning']!, query, { token, variables: { representations: representations(2) } });
    }, 'learning');
    const many = await storeCalls.count(async () => {
      large = await postGraphql<any>(stack.subgraphUrls['learning']!, query, { token, variables: { representations: representations(20) } });
    }, 'learning');
    expect(large.errors).toBeUndefined();
    expect(large.data._entities).toHaveLength(40);
    expect(many).toBe(few);
  });
});
