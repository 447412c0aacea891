import { dueAwards, hasAwards, isPathComplete, questProgress, type AwardCatalog } from '../../subgraphs/learning/awards';
import { enrollInput, recordProgressInput, courseFilterInput } from '../../subgraphs/learning/inputs';
import { LEVEL_THRESHOLDS, levelForXp } from '../../subgraphs/learning/levels';
import { applyProgress, statusForProgress } from '../../subgraphs/learning/progress';
import { buildBadge, buildCourse, buildPath, buildQuest } from '../helpers/learning';

describe('levelForXp', () => {
  it.each([
    [0, 1, 0, 100],
    [99, 1, 0, 100],
    [100, 2, 100, 250],
    [525, 4, 500, 1_000],
    [11_999, 9, 8_000, 12_000],
    [12_000, 10, 12_000, null],
    [1_000_000, 10, 12_000, null],
    [-5, 1, 0, 100],
  ])('puts %i XP at level %i (from %i, next at %s)', (xp, number, minXp, nextLevelXp) => {
    expect(levelForXp(xp)).toMatchObject({ number, minXp, nextLevelXp });
  });

  it('has strictly rising thresholds starting at 0 XP', () => {
    expect(LEVEL_THRESHOLDS[0].minXp).toBe(0);
    for (let index = 1; index < LEVEL_THRESHOLDS.length; index += 1) {
      expect(LEVEL_THRESHOLDS[index]!.minXp).toBeGreaterThan(LEVEL_THRESHOLDS[index - 1]!.minXp);
      expect(LEVEL_THRESHOLDS[index]!.number).toBe(index + 1);
    }
  });
});

describe('progress', () => {
  const now = new Date('2026-01-15T00:00:00Z');
  const earlier = new Date('2026-01-01T00:00:00Z');

  it('derives the status from progress', () => {
    expect([0, 0.01, 0.99, 1].map(statusForProgress)).toEqual(['ENROLLED', 'IN_PROGRESS', 'IN_PROGRESS', 'COMPLETED']);
  });

  it('never moves progress backwards and keeps the first start', () => {
    const next = applyProgress({ progress: 0.6, startedAt: earlier, completedAt: null, score: 70 }, { progress: 0.2 }, now);
    expect(next).toMatchObject({ progress: 0.6, status: 'IN_PROGRESS', startedAt: earlier, completedAt: null, score: 70, lastActivityAt: now });
  });

  it('starts and completes in one report, and keeps the first completion date afterwards', () => {
    const completed = applyProgress({ progress: 0, startedAt: null, completedAt: null, score: null }, { progress: 1, score: 88 }, now);
    expect(completed).toMatchObject({ progress: 1, status: 'COMPLETED', startedAt: now, completedAt: now, score: 88 });
    const later = new Date('2026-02-01T00:00:00Z');
    expect(applyProgress({ ...completed }, { progress: 0.5, score: null }, later)).toMatchObject({ status: 'COMPLETED', completedAt: now, score: 88 });
  });
});

describe('award rules', () => {
  const courseBadge = buildBadge();
  const certification = buildBadge({ isCertification: true });
  const first = buildCourse({ completionXp: 100, badgeId: courseBadge._id });
  const second = buildCourse({ completionXp: 150 });
  const third = buildCourse({ completionXp: 50 });
  const path = buildPath([first, second], { badgeId: certification._id });
  const threeCourses = buildQuest({ kind: 'COMPLETE_COURSES', courseCount: 3 }, { rewardXp: 30 });
  const finishPath = buildQuest({ kind: 'COMPLETE_LEARNING_PATH', learningPathId: path._id }, { rewardXp: 200 });
  const catalog: AwardCatalog = {
    courses: new Map([first, second, third].map((course) => [course._id, course])),
    paths: [path],
    quests: [threeCourses, finishPath],
    badges: new Map([courseBadge, certification].map((badge) => [badge._id, badge])),
  };
  const nothingHeld = { badges: [], questCompletions: [], awardedCourseIds: [] };
  const pathsById = new Map([[path._id, path]]);

  it('measures quest progress by completed courses or by the path share done', () => {
    expect(questProgress(threeCourses, new Set([first._id]), pathsById)).toBeCloseTo(1 / 3);
    expect(questProgress(finishPath, new Set([first._id, third._id]), pathsById)).toBe(0.5);
    expect(questProgress(buildQuest({ kind: 'COMPLETE_LEARNING_PATH', learningPathId: 'lpt_missing' }), new Set([first._id]), pathsById)).toBe(0);
    expect(isPathComplete(path, new Set([first._id, second._id]))).toBe(true);
    expect(isPathComplete(buildPath([]), new Set([first._id]))).toBe(false);
  });

  it('awards course XP and the course badge for a first completion', () => {
    expect(dueAwards(catalog, new Set([first._id]), nothingHeld)).toEqual({
      xp: 100,
      courseIds: [first._id],
      badges: [{ badgeId: courseBadge._id, isCertification: false }],
      questIds: [],
    });
  });

  it('awards the path certification and the quests once every course is done', () => {
    const awards = dueAwards(catalog, new Set([first._id, second._id, third._id]), nothingHeld);
    expect(awards.xp).toBe(100 + 150 + 50 + 30 + 200);
    expect(awards.badges).toEqual([
      { badgeId: courseBadge._id, isCertification: false },
      { badgeId: certification._id, isCertification: true },
    ]);
    expect(awards.questIds).toEqual([threeCourses._id, finishPath._id]);
  });

  it('awards nothing already held', () => {
    const held = {
      awardedCourseIds: [first._id, second._id],
      badges: [courseBadge, certification].map((badge) => ({ badgeId: badge._id, isCertification: badge.isCertification, earnedAt: new Date() })),
      questCompletions: [{ questId: finishPath._id, completedAt: new Date() }],
    };
    const awards = dueAwards(catalog, new Set([first._id, second._id]), held);
    expect(awards).toEqual({ xp: 0, courseIds: [], badges: [], questIds: [] });
    expect(hasAwards(awards)).toBe(false);
  });

  it('ignores courses and badges missing from the catalog', () => {
    const orphan = buildCourse({ badgeId: 'bdg_missing' });
    const awards = dueAwards({ ...catalog, courses: new Map([...catalog.courses, [orphan._id, orphan]]) }, new Set([orphan._id, 'crs_gone']), nothingHeld);
    expect(awards).toEqual({ xp: orphan.completionXp, courseIds: [orphan._id], badges: [], questIds: [] });
  });
});

describe('learning inputs', () => {
  it('refuses unknown fields and operator objects', () => {
    expect(enrollInput.safeParse({ courseId: 'crs_1', admin: true }).success).toBe(false);
    expect(enrollInput.safeParse({ courseId: { $ne: '' } }).success).toBe(false);
    expect(recordProgressInput.safeParse({ enrollmentId: 'enr_1', progress: 0.5, status: 'COMPLETED' }).success).toBe(false);
    expect(courseFilterInput.safeParse({ tags: [{ $regex: '.*' }] }).success).toBe(false);
  });

  it('accepts a customer enrolling themselves and staff naming both user and account', () => {
    expect(enrollInput.parse({ courseId: 'crs_1' })).toEqual({ courseId: 'crs_1' });
    expect(enrollInput.parse({ courseId: 'crs_1', userId: 'usr_1', accountId: 'acc_1' })).toEqual({ courseId: 'crs_1', userId: 'usr_1', accountId: 'acc_1' });
    expect(enrollInput.safeParse({ courseId: 'crs_1', accountId: 'acc_1' }).error?.issues[0]?.path).toEqual(['userId']);
  });

  it('lower-cases tags and keeps Japanese ones', () => {
    expect(courseFilterInput.parse({ tags: ['Admin', '連携'] }).tags).toEqual(['admin', '連携']);
  });
});
