import { profileAccounts, type DemoScale, type DomainContext } from '../../scripts/demo-data/context';
import { generateDemoData } from '../../scripts/demo-data/generate';
import { generateLearningDemoData, type LearningDemoData } from '../../scripts/demo-data/learning';
import { loadConfig } from '../../subgraphs/kit/config';
import { openStore } from '../../subgraphs/kit/store/open-store';
import { subgraphDatabase } from '../../subgraphs/kit/subgraph-service';
import { dueAwards, hasAwards } from '../../subgraphs/learning/awards';
import { loadLearningDemoData } from '../../subgraphs/learning/demo';
import type { EnrollmentDocument } from '../../subgraphs/learning/model';
import { LearningRepository } from '../../subgraphs/learning/repository';
import { LEARNING_SUBGRAPH } from '../../subgraphs/learning/server';

const NOW = new Date('2026-06-01T09:00:00.000Z');
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const LATIN = /[A-Za-z]{3,}/;

function contextFor(options: { seed?: number; scale?: DemoScale; atRiskEvery?: number } = {}): DomainContext {
  const { seed = 42, scale = 'demo', atRiskEvery } = options;
  // The bench sizes of scripts/demo-data/dataset.ts: 2,000 accounts, teams 1.7 times larger.
  const base = generateDemoData({ seed, now: NOW, ...(scale === 'bench' ? { accounts: 2_000, teamScale: 1.7 } : {}) });
  const profiles = profileAccounts(base.accounts, base.users, NOW).map((profile, index) =>
    atRiskEvery && profile.account.customerSince && index % atRiskEvery === 0 ? { ...profile, isAtRisk: true } : profile,
  );
  return { seed, now: NOW, scale, ...base, profiles };
}

function completionRate(enrollments: readonly EnrollmentDocument[]): number {
  return enrollments.filter((enrollment) => enrollment.status === 'COMPLETED').length / Math.max(1, enrollments.length);
}

describe('generateLearningDemoData', () => {
  const context = contextFor({ atRiskEvery: 4 });
  const data: LearningDemoData = generateLearningDemoData(context);
  const users = new Map(context.users.map((user) => [user._id, user]));
  const courses = new Map(data.courses.map((course) => [course._id, course]));

  it('gives deep-equal output for the same seed and now, and different enrollments for another seed', () => {
    expect(generateLearningDemoData(contextFor())).toEqual(generateLearningDemoData(contextFor()));
    expect(generateLearningDemoData(contextFor({ seed: 7 })).enrollments).not.toEqual(generateLearningDemoData(contextFor()).enrollments);
  });

  it('has a catalog of about twenty courses in Japanese and English, mixed-script titles included', () => {
    expect(data.courses.length).toBeGreaterThanOrEqual(18);
    expect(data.courses.length).toBeLessThanOrEqual(24);
    expect(data.courses.filter((course) => course.locale === 'ja-JP').length).toBeGreaterThanOrEqual(8);
    expect(data.courses.filter((course) => course.locale.startsWith('en-')).length).toBeGreaterThanOrEqual(8);
    expect(data.courses.map((course) => course.title)).toContain('Salesforce連携の設定入門');
    expect(data.courses.filter((course) => JAPANESE.test(course.title) && LATIN.test(course.title)).length).toBeGreaterThanOrEqual(3);
    expect(data.paths.length).toBeGreaterThanOrEqual(3);
    expect(data.paths.length).toBeLessThanOrEqual(4);
    expect(data.quests.length).toBeGreaterThanOrEqual(3);
    expect(new Set(data.quests.map((quest) => quest.goal.kind))).toEqual(new Set(['COMPLETE_COURSES', 'COMPLETE_LEARNING_PATH']));
  });

  it('keeps every catalog reference pointing at a record that exists', () => {
    const badgeIds = new Set(data.badges.map((badge) => badge._id));
    const pathIds = new Set(data.paths.map((path) => path._id));
    for (const course of data.courses) {
      if (course.badgeId) expect(badgeIds).toContain(course.badgeId);
      expect(course.estimatedMinutes).toBe(course.modules.reduce((sum, module) => sum + module.estimatedMinutes, 0));
      expect(course.externalKeys ?? []).toEqual(course.externalIds.map(({ source, id }) => `${source}:${id}`));
    }
    for (const path of data.paths) {
      for (const courseId of path.courseIds) expect(courses.has(courseId)).toBe(true);
      if (path.badgeId) expect(badgeIds).toContain(path.badgeId);
    }
    for (const quest of data.quests) {
      if (quest.goal.kind === 'COMPLETE_LEARNING_PATH') expect(pathIds).toContain(quest.goal.learningPathId);
      if (quest.rewardBadgeId) expect(badgeIds).toContain(quest.rewardBadgeId);
    }
  });

  it('enrolls about half the users, with the ids and accounts of the accounts data', () => {
    const learners = new Set(data.enrollments.map((enrollment) => enrollment.userId));
    expect(learners.size / context.users.length).toBeGreaterThan(0.4);
    expect(learners.size / context.users.length).toBeLessThan(0.6);
    expect(new Set(data.enrollments.map((enrollment) => enrollment._id)).size).toBe(data.enrollments.length);
    expect(new Set(data.enrollments.map((enrollment) => `${enrollment.userId}:${enrollment.courseId}`)).size).toBe(data.enrollments.length);
    for (const enrollment of data.enrollments) {
      expect(users.get(enrollment.userId)?.accountId).toBe(enrollment.accountId);
      expect(courses.has(enrollment.courseId)).toBe(true);
    }
    expect(data.learners.map((learner) => learner._id).sort()).toEqual([...learners].sort());
    for (const learner of data.learners) expect(users.get(learner._id)?.accountId).toBe(learner.accountId);
  });

  it('keeps progress, scores, statuses and dates in range and in order', () => {
    const problems = data.enrollments.flatMap((enrollment) => {
      const user = users.get(enrollment.userId)!;
      const course = courses.get(enrollment.courseId)!;
      const at = (date: Date | null) => date?.getTime() ?? null;
      const expectedStatus = enrollment.progress === 1 ? 'COMPLETED' : enrollment.progress > 0 ? 'IN_PROGRESS' : 'ENROLLED';
      const checks: Array<[string, boolean]> = [
        ['progress in 0–1', enrollment.progress >= 0 && enrollment.progress <= 1],
        ['status matches progress', enrollment.status === expectedStatus],
        ['score in 0–100', enrollment.score === null || (enrollment.score >= 0 && enrollment.score <= 100)],
        ['enrolled after the course and the user appeared', at(enrollment.enrolledAt)! >= Math.max(course.createdAt.getTime(), user.firstSeenAt.getTime())],
        ['started only when not merely enrolled', (enrollment.startedAt === null) === (enrollment.status === 'ENROLLED')],
        ['completed only when completed', (enrollment.completedAt === null) === (enrollment.status !== 'COMPLETED')],
        ['started after enrolling', (at(enrollment.startedAt) ?? Infinity) >= at(enrollment.enrolledAt)!],
        ['completed after starting', (at(enrollment.completedAt) ?? Infinity) >= (at(enrollment.startedAt) ?? 0)],
        ['last activity is the latest date', at(enrollment.lastActivityAt)! >= Math.max(at(enrollment.startedAt) ?? 0, at(enrollment.completedAt) ?? 0, at(enrollment.enrolledAt)!)],
        ['no activity after the user was last seen', at(enrollment.lastActivityAt)! <= (at(user.lastSeenAt) ?? 0)],
        ['nothing after now', at(enrollment.lastActivityAt)! <= NOW.getTime()],
      ];
      return checks.filter(([, holds]) => !holds).map(([rule]) => `${enrollment._id}: ${rule}`);
    });
    expect(problems).toEqual([]);
  });

  it('counts every course’s enrollments in its popularity', () => {
    for (const course of data.courses) {
      expect(course.enrollmentCount).toBe(data.enrollments.filter((enrollment) => enrollment.courseId === course._id).length);
    }
  });

  it('gives each learner exactly the XP, badges and quests the award rules grant for their completions', () => {
    const catalog = {
      courses,
      paths: data.paths,
      quests: data.quests,
      badges: new Map(data.badges.map((badge) => [badge._id, badge])),
    };
    const completedByUser = new Map<string, Set<string>>();
    for (const enrollment of data.enrollments) {
      if (enrollment.status !== 'COMPLETED') continue;
      completedByUser.set(enrollment.userId, (completedByUser.get(enrollment.userId) ?? new Set()).add(enrollment.courseId));
    }
    for (const learner of data.learners) {
      const completed = completedByUser.get(learner._id) ?? new Set<string>();
      expect(hasAwards(dueAwards(catalog, completed, learner))).toBe(false);
      const fromScratch = dueAwards(catalog, completed, { badges: [], questCompletions: [], awardedCourseIds: [] });
      expect(learner.xp).toBe(fromScratch.xp);
      expect(learner.badges.map((badge) => badge.badgeId).sort()).toEqual(fromScratch.badges.map((badge) => badge.badgeId).sort());
    }
    expect(data.learners.some((learner) => learner.badges.some((badge) => badge.isCertification))).toBe(true);
    expect(data.learners.some((learner) => learner.questCompletions.length > 0)).toBe(true);
  });

  it('gives at-risk accounts fewer learners and fewer completions', () => {
    const atRisk = new Set(context.profiles.filter((profile) => profile.isAtRisk).map((profile) => profile.account._id));
    const atRiskUsers = context.users.filter((user) => atRisk.has(user.accountId));
    const healthyUsers = context.users.filter((user) => !atRisk.has(user.accountId));
    const learnerShare = (group: typeof context.users) =>
      new Set(data.enrollments.filter((enrollment) => group.some((user) => user._id === enrollment.userId)).map((enrollment) => enrollment.userId)).size / group.length;
    expect(atRiskUsers.length).toBeGreaterThan(20);
    expect(learnerShare(atRiskUsers)).toBeLessThan(learnerShare(healthyUsers));
    const [riskyRate, healthyRate] = [true, false].map((isAtRisk) =>
      completionRate(data.enrollments.filter((enrollment) => atRisk.has(enrollment.accountId) === isAtRisk)),
    );
    expect(riskyRate).toBeLessThan(0.25);
    expect(healthyRate).toBeGreaterThan(0.4);
  });

  it('generates about 120,000 enrollments over the bench users', () => {
    const bench = generateLearningDemoData(contextFor({ scale: 'bench' }));
    expect(bench.enrollments.length).toBeGreaterThan(100_000);
    expect(bench.enrollments.length).toBeLessThan(140_000);
    expect(bench.courses).toHaveLength(data.courses.length);
  });
});

describe('loadLearningDemoData', () => {
  it('loads into an empty database only', async () => {
    const store = await openStore({});
    const deps = { store, config: loadConfig({ LOG_LEVEL: 'silent' }) };
    const data = generateLearningDemoData(contextFor());
    expect(await loadLearningDemoData(deps, data)).toBe(true);
    expect(await loadLearningDemoData(deps, data)).toBe(false);
    const repository = new LearningRepository(subgraphDatabase(deps, LEARNING_SUBGRAPH));
    expect(await repository.enrollments.countDocuments()).toBe(data.enrollments.length);
    expect(await repository.learners.countDocuments()).toBe(data.learners.length);
    expect(await repository.courses.countDocuments()).toBe(data.courses.length);
    await store.close();
  });
});
