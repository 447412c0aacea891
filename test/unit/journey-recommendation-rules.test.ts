import { findAdvocates } from '../../subgraphs/journey/advocates';
import { findDormantUsers } from '../../subgraphs/journey/dormant';
import type { Learner } from '../../subgraphs/journey/learner-reader';
import type { RecommendationRule, RecommendationsSection } from '../../subgraphs/journey/playbook-schema';
import { PopulationCache } from '../../subgraphs/journey/population-cache';
import { indexOf } from '../../subgraphs/journey/population-index';
import type { Population, PopulationUser } from '../../subgraphs/journey/population-model';
import { recommend, type RecommendationSubject } from '../../subgraphs/journey/recommendations';
import { fillTemplate } from '../../subgraphs/journey/wording';
import { createLogger } from '../../subgraphs/kit/logger';
import { defaultJourneyPlaybook } from '../helpers/journey';

const NOW = new Date('2026-06-01T12:00:00Z');
const DAY_MS = 86_400_000;
const daysBefore = (days: number) => new Date(NOW.getTime() - days * DAY_MS);

function populationUser(id: string, overrides: Partial<PopulationUser> = {}): PopulationUser {
  return {
    id,
    accountId: 'acc_1',
    persona: 'ADMIN',
    locale: 'en-US',
    firstSeenAt: daysBefore(300),
    lastSeenAt: daysBefore(1),
    completedCourses: 0,
    completions: [],
    lastLearningAt: null,
    memberId: null,
    acceptedAnswers: 0,
    usage: null,
    ...overrides,
  };
}

function population(overrides: Partial<Population> = {}): Population {
  return {
    readAt: NOW,
    accounts: new Map([['acc_1', { id: 'acc_1', segment: 'SMB', healthBand: 'HEALTHY', healthScore: 81.6 }]]),
    users: [],
    courses: [],
    articles: [],
    stories: [],
    events: [],
    ...overrides,
  };
}

const learner = (overrides: Partial<Learner> = {}): Learner => ({ id: 'usr_me', persona: 'ADMIN', locale: 'en-US', memberId: null, enrollments: [], ...overrides });
const subject = (overrides: Partial<RecommendationSubject> = {}): RecommendationSubject => ({
  stage: 'ONBOARDING',
  segment: 'SMB',
  daysToRenewal: null,
  learner: learner(),
  now: NOW,
  ...overrides,
});
const rule = (overrides: Partial<RecommendationRule> & Pick<RecommendationRule, 'kind' | 'reason'>): RecommendationRule => ({ key: 'rule', stages: ['ONBOARDING'], weight: 50, ...overrides });
const section = (...rules: RecommendationRule[]): RecommendationsSection => ({ otherLanguageFactor: 0.5, rules });

const course = (id: string, overrides: Partial<Population['courses'][number]> = {}) => ({ id, title: `Course ${id}`, level: 'BEGINNER' as const, tags: [], locale: 'en-US', enrollmentCount: 0, ...overrides });
const completedBy = (id: string, courseId: string, daysAfterFirstSeen: number, overrides: Partial<PopulationUser> = {}) =>
  populationUser(id, { completions: [{ courseId, completedAt: daysBefore(300 - daysAfterFirstSeen) }], ...overrides });

describe('recommendation rules', () => {
  const peers = population({
    courses: [course('crs_a'), course('crs_b', { level: 'ADVANCED' }), course('crs_ja', { locale: 'ja-JP' })],
    users: [
      populationUser('usr_me'),
      completedBy('usr_1', 'crs_a', 10),
      completedBy('usr_2', 'crs_a', 40),
      completedBy('usr_3', 'crs_ja', 5),
      completedBy('usr_dev', 'crs_b', 5, { persona: 'DEVELOPER' }),
    ],
  });
  const recommendFor = (rules: RecommendationsSection, who = subject(), data = peers, first = 20) => recommend(rules, who, data, indexOf(data), first);

  it('counts only other users of the same persona, within the window when the rule sets one', () => {
    const inFirstMonth = rule({ kind: 'COURSE', peersWithinDays: 30, reason: 'Completed by {peers} in their first {peersWithinDays} days' });
    expect(recommendFor(section(inFirstMonth)).map((entry) => [entry.item.id, entry.reason, entry.score])).toEqual([
      // 50 × (1 + 1 of the 3 other admins); the Japanese course counts half.
      ['crs_a', 'Completed by 1 other admin in their first 30 days', 66.67],
      ['crs_ja', 'Completed by 1 other admin in their first 30 days', 33.33],
    ]);
    const anyTime = rule({ kind: 'COURSE', reason: 'Completed by {peerCount} of your peers' });
    expect(recommendFor(section(anyTime)).map((entry) => entry.reason)).toEqual(['Completed by 2 of your peers', 'Completed by 1 of your peers']);
  });

  it('leaves out courses nobody of the persona completed, unless the rule allows it', () => {
    const advanced = { kind: 'COURSE' as const, levels: ['ADVANCED' as const], reason: '{title}' };
    expect(recommendFor(section(rule(advanced)))).toEqual([]);
    expect(recommendFor(section(rule({ ...advanced, minPeerCount: 0 }))).map((entry) => entry.item.id)).toEqual(['crs_b']);
  });

  it('recommends an unfinished course with its progress, scored by how far along the user is, and not again from the catalog', () => {
    const me = learner({ enrollments: [{ courseId: 'crs_a', title: 'Getting started', level: 'BEGINNER', tags: [], locale: 'en-US', status: 'IN_PROGRESS', progress: 0.4 }] });
    const rules = section(rule({ key: 'finish', kind: 'UNFINISHED_COURSE', weight: 90, reason: "You have not finished '{title}' ({progressPercent} %)" }), rule({ key: 'peers', kind: 'COURSE', reason: '{peers}' }));
    expect(recommendFor(rules, subject({ learner: me }))).toEqual([
      { item: { __typename: 'Course', id: 'crs_a' }, reason: "You have not finished 'Getting started' (40 %)", reasonCode: 'UNFINISHED_COURSE', rule: 'finish', score: 126 },
      { item: { __typename: 'Course', id: 'crs_ja' }, reason: '1 other admin', reasonCode: 'COURSE', rule: 'peers', score: 33.33 },
    ]);
  });

  it('applies a rule only at its stages and to its personas', () => {
    const forAdminsInValue = rule({ kind: 'COURSE', stages: ['VALUE'], personas: ['ADMIN'], reason: '{title}' });
    expect(recommendFor(section(forAdminsInValue))).toEqual([]);
    expect(recommendFor(section(forAdminsInValue), subject({ stage: 'VALUE', learner: learner({ persona: 'DEVELOPER' }) }))).toEqual([]);
    expect(recommendFor(section(forAdminsInValue), subject({ stage: 'VALUE' })).length).toBe(2);
  });

  it('makes no claim it cannot fill: a renewal reason without a renewal date recommends nothing', () => {
    const renewal = rule({ kind: 'COURSE', reason: 'Your renewal is in {daysToRenewal} days' });
    expect(recommendFor(section(renewal))).toEqual([]);
    expect(recommendFor(section(renewal), subject({ daysToRenewal: 45 }))[0]?.reason).toBe('Your renewal is in 45 days');
  });

  it('leaves out other languages when their factor is 0, caps each rule at maxItems and the list at first', () => {
    const anyCourse = rule({ kind: 'COURSE', reason: '{title}' });
    expect(recommendFor({ otherLanguageFactor: 0, rules: [anyCourse] }).map((entry) => entry.item.id)).toEqual(['crs_a']);
    expect(recommendFor(section({ ...anyCourse, maxItems: 1 })).map((entry) => entry.item.id)).toEqual(['crs_a']);
    expect(recommendFor(section(anyCourse), subject(), peers, 1).map((entry) => entry.item.id)).toEqual(['crs_a']);
  });

  it('keeps the best of an item two rules recommend', () => {
    const low = rule({ key: 'low', kind: 'COURSE', weight: 10, reason: 'low' });
    const high = rule({ key: 'high', kind: 'COURSE', weight: 80, reason: 'high' });
    expect(recommendFor(section(low, high)).map((entry) => [entry.item.id, entry.rule])).toEqual([
      ['crs_a', 'high'],
      ['crs_ja', 'high'],
    ]);
  });

  it("picks public stories of the user's segment, never the user's own, and upcoming events with days to go", () => {
    const stories = population({
      stories: [
        { id: 'pst_smb', title: 'SMB story', tags: [], locale: 'en-US', views: 3, isPublic: true, authorMemberId: 'mem_other', segment: 'SMB' },
        { id: 'pst_ent', title: 'Enterprise story', tags: [], locale: 'en-US', views: 9, isPublic: true, authorMemberId: 'mem_other', segment: 'ENTERPRISE' },
        { id: 'pst_mine', title: 'My story', tags: [], locale: 'en-US', views: 9, isPublic: true, authorMemberId: 'mem_me', segment: 'SMB' },
        { id: 'pst_private', title: 'Private', tags: [], locale: 'en-US', views: 9, isPublic: false, authorMemberId: 'mem_other', segment: 'SMB' },
      ],
      events: [
        { id: 'evt_soon', title: 'Soon', locale: 'en-US', startsAt: new Date(NOW.getTime() + 3.5 * DAY_MS), registeredCount: 12 },
        { id: 'evt_past', title: 'Past', locale: 'en-US', startsAt: daysBefore(1), registeredCount: 40 },
      ],
    });
    const rules = section(
      rule({ key: 'stories', kind: 'CUSTOMER_STORY', sameSegment: true, weight: 80, reason: 'In {daysToRenewal} days: another {segment} customer' }),
      rule({ key: 'events', kind: 'EVENT', weight: 40, reason: 'In {startsInDays} days; {registeredCount} registered' }),
    );
    const who = subject({ daysToRenewal: 60, learner: learner({ memberId: 'mem_me' }) });
    expect(recommendFor(rules, who, stories).map((entry) => [entry.item, entry.reason])).toEqual([
      [{ __typename: 'Post', id: 'pst_smb' }, 'In 60 days: another SMB customer'],
      [{ __typename: 'Event', id: 'evt_soon' }, 'In 3 days; 12 registered'],
    ]);
  });

  it('fills templates only when every placeholder has a value', () => {
    expect(fillTemplate('{a} and {b}', { a: 1, b: 'two' })).toBe('1 and two');
    expect(fillTemplate('{a} and {b}', { a: 1, b: null })).toBeNull();
  });
});

describe('advocate candidates', () => {
  const rules = defaultJourneyPlaybook().advocates;
  const story = { id: 'pst_1', title: 'How Globex doubled usage', tags: [], locale: 'en-US', views: 0, isPublic: false, authorMemberId: 'mem_star', segment: null };

  it('needs a healthy account, the courses and a contribution, and says why with numbers', () => {
    const data = population({
      accounts: new Map([
        ['acc_1', { id: 'acc_1', segment: 'SMB', healthBand: 'HEALTHY', healthScore: 81.6 }],
        ['acc_2', { id: 'acc_2', segment: 'SMB', healthBand: 'NEUTRAL', healthScore: 60 }],
      ]),
      users: [
        populationUser('usr_star', { completedCourses: 3, memberId: 'mem_star', acceptedAnswers: 1 }),
        populationUser('usr_story', { completedCourses: 5, memberId: 'mem_other' }),
        populationUser('usr_neutral', { accountId: 'acc_2', completedCourses: 9, acceptedAnswers: 9 }),
        populationUser('usr_two_courses', { completedCourses: 2, acceptedAnswers: 4 }),
      ],
      stories: [story],
    });
    expect(findAdvocates(rules, data)).toEqual([
      {
        user: { id: 'usr_star' },
        score: 3 + 2 + 5,
        evidence: ['Account health HEALTHY (82)', 'Completed 3 courses', '1 accepted answer', "Wrote the customer story 'How Globex doubled usage'"],
      },
    ]);
  });
});

describe('dormant users', () => {
  it('counts the latest of any activity, and from first seen for users never active', () => {
    const data = population({
      users: [
        populationUser('usr_seen', { lastSeenAt: daysBefore(50), lastLearningAt: daysBefore(31) }),
        populationUser('usr_never', { lastSeenAt: null, firstSeenAt: daysBefore(40), persona: 'DEVELOPER' }),
        populationUser('usr_new', { lastSeenAt: null, firstSeenAt: daysBefore(3) }),
        populationUser('usr_active', { usage: { featuresUsed: ['Export', 'Report'], lastActiveAt: daysBefore(2) } }),
        populationUser('usr_active2', { usage: { featuresUsed: ['Report'], lastActiveAt: daysBefore(2) } }),
      ],
    });
    expect(findDormantUsers(data, { inactiveDays: 30, suggestedFeatures: 1, now: NOW })).toEqual([
      { user: { id: 'usr_never' }, lastActiveAt: null, inactiveDays: 40, suggestedFeatures: [] },
      { user: { id: 'usr_seen' }, lastActiveAt: daysBefore(31), inactiveDays: 31, suggestedFeatures: ['Report'] },
    ]);
    expect(findDormantUsers(data, { inactiveDays: 32, suggestedFeatures: 3, now: NOW }).map((entry) => entry.user.id)).toEqual(['usr_never']);
  });
});

describe('the population view', () => {
  const logger = createLogger({ level: 'silent' });

  it('reads once, serves the same view while fresh, and refreshes a stale one in the background', async () => {
    let clock = NOW.getTime();
    let reads = 0;
    const read = async () => {
      reads += 1;
      return population({ readAt: new Date(clock) });
    };
    const cache = new PopulationCache(read, logger, 60_000, () => clock);
    const [first, second] = await Promise.all([cache.get(), cache.get()]);
    expect(reads).toBe(1);
    expect(second).toBe(first);
    clock += 61_000;
    // The stale view answers at once; the next request gets the fresh one.
    expect(await cache.get()).toBe(first);
    await new Promise((resolve) => setImmediate(resolve));
    expect(reads).toBe(2);
    expect((await cache.get()).readAt.getTime()).toBe(clock);
  });

  it('keeps the previous view when a refresh fails', async () => {
    let clock = NOW.getTime();
    let fail = false;
    const cache = new PopulationCache(async () => {
      if (fail) throw new Error('gateway down');
      return population({ readAt: new Date(clock) });
    }, logger, 60_000, () => clock);
    const first = await cache.get();
    fail = true;
    clock += 61_000;
    expect(await cache.get()).toBe(first);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await cache.get()).toBe(first);
  });
});
