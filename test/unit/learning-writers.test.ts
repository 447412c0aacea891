import type { Identity } from '../../subgraphs/kit/auth';
import { subgraphDatabase } from '../../subgraphs/kit/subgraph-service';
import type { HubStore } from '../../subgraphs/kit/store/types';
import { AwardWriter } from '../../subgraphs/learning/award-writer';
import { EnrollmentWriter } from '../../subgraphs/learning/enrollment-writer';
import { LearningRepository } from '../../subgraphs/learning/repository';
import { LEARNING_SUBGRAPH } from '../../subgraphs/learning/server';
import { buildAccount, buildUser } from '../helpers/factories';
import { buildBadge, buildCourse, buildEnrollment, buildLearner, buildPath, buildQuest } from '../helpers/learning';
import { dropMongoDatabases } from '../helpers/mongo';
import { openTestStore, testConfig } from '../helpers/stack';

const STAFF: Identity = { subject: 'staff_test', role: 'staff', accountId: null, scopes: [] };

/**
 * Concurrency straight against the writers: requests started in the same tick read the same
 * state before any of them writes, which is the race the guards exist for.
 */
describe('learning writers under concurrency', () => {
  const config = testConfig();
  let store: HubStore;
  let repository: LearningRepository;
  const account = buildAccount();
  const badge = buildBadge({ isCertification: true });
  const first = buildCourse({ completionXp: 100 });
  const second = buildCourse({ completionXp: 150, badgeId: badge._id });
  const path = buildPath([first, second], { badgeId: badge._id });
  const quest = buildQuest({ kind: 'COMPLETE_COURSES', courseCount: 2 }, { rewardXp: 75 });

  beforeAll(async () => {
    store = await openTestStore();
    repository = new LearningRepository(subgraphDatabase({ store, config }, LEARNING_SUBGRAPH));
    await repository.ensureIndexes();
    await repository.insertAll({ badges: [badge], courses: [first, second], paths: [path], quests: [quest], learners: [], enrollments: [] });
  });
  afterAll(async () => {
    await store.close();
    const mongodbUri = process.env['MONGODB_URI'];
    if (mongodbUri) await dropMongoDatabases(mongodbUri, [`${config.MONGODB_DB_PREFIX}${LEARNING_SUBGRAPH}`]);
  });

  it('grants each award once when many grants for one learner run at once', async () => {
    const user = buildUser(account);
    await repository.insertAll({
      badges: [],
      courses: [],
      paths: [],
      quests: [],
      learners: [buildLearner(user)],
      enrollments: [buildEnrollment(user, first, { status: 'COMPLETED' }), buildEnrollment(user, second, { status: 'COMPLETED' })],
    });
    const awards = new AwardWriter(repository);
    const results = await Promise.all(Array.from({ length: 6 }, () => awards.grantDue({ userId: user._id, accountId: account._id }, new Date())));
    expect(results.filter((granted) => granted.xp > 0)).toHaveLength(1);
    const learner = await repository.findLearnerById(user._id);
    expect(learner).toMatchObject({ xp: 100 + 150 + 75, awardedCourseIds: [first._id, second._id], questCompletions: [{ questId: quest._id }] });
    expect(learner?.badges.map((earned) => earned.badgeId)).toEqual([badge._id]);
  });

  it('settles concurrent reports on one enrollment: the highest progress wins and completion happens once', async () => {
    const user = buildUser(account);
    const enrollment = buildEnrollment(user, first);
    await repository.insertAll({ badges: [], courses: [], paths: [], quests: [], learners: [buildLearner(user)], enrollments: [enrollment] });
    const writer = new EnrollmentWriter(STAFF, repository, new AwardWriter(repository));
    const reports = [0.2, 1, 0.6, 1, 0.9, 0.1];
    const results = await Promise.all(reports.map((progress) => writer.recordProgress({ enrollmentId: enrollment._id, progress })));
    const stored = await repository.findEnrollmentById(enrollment._id);
    expect(stored).toMatchObject({ progress: 1, status: 'COMPLETED', version: 1 + reports.length });
    expect(new Set(results.filter((result) => result.status === 'COMPLETED').map((result) => result.completedAt?.getTime())).size).toBe(1);
    expect((await repository.findLearnerById(user._id))?.xp).toBe(100);
  });
});
