import type { AccountSignals, HealthBand, Segment, UserSignals } from '../../subgraphs/journey/model';
import { parsePlaybook } from '../../subgraphs/journey/playbook-schema';
import { accountStage, computeJourney } from '../../subgraphs/journey/stages';
import { defaultJourneyPlaybook, rawDefaultPlaybook } from '../helpers/journey';

const NOW = new Date('2026-06-15T12:00:00Z');
const DAY_MS = 86_400_000;
const playbook = defaultJourneyPlaybook();

interface Situation {
  segment?: Segment;
  /** null: a prospect. */
  accountTenureDays?: number | null;
  /** Days (may be fractional) until the renewal date; null: no current contract. */
  renewalInDays?: number | null;
  band?: HealthBand | null;
  userTenureDays?: number;
  courses?: number;
  /** null: not a community member. */
  points?: number | null;
}

/** An established SMB customer with a NEUTRAL health score and no renewal soon, unless overridden. */
function signals(situation: Situation = {}): { account: AccountSignals; user: UserSignals } {
  const renewalInDays = situation.renewalInDays === undefined ? 200 : situation.renewalInDays;
  return {
    account: {
      segment: situation.segment ?? 'SMB',
      tenureDays: situation.accountTenureDays === undefined ? 400 : situation.accountTenureDays,
      renewalDate: renewalInDays === null ? null : new Date(NOW.getTime() + renewalInDays * DAY_MS),
      healthBand: situation.band === undefined ? 'NEUTRAL' : situation.band,
    },
    user: {
      firstSeenAt: new Date(NOW.getTime() - (situation.userTenureDays ?? 300) * DAY_MS),
      completedCourses: situation.courses ?? 0,
      communityPoints: situation.points === undefined ? null : situation.points,
    },
  };
}

function journey(situation: Situation = {}) {
  const { account, user } = signals(situation);
  return computeJourney(playbook, account, user, NOW);
}

const stageOf = (situation: Situation) => journey(situation).stage;

describe('journey stages from the shipped playbook', () => {
  describe('ONBOARDING', () => {
    it.each<[Segment, number, string]>([
      ['SMB', 29, 'ONBOARDING'],
      ['SMB', 30, 'ADOPTION'],
      ['MID_MARKET', 29, 'ONBOARDING'],
      ['MID_MARKET', 30, 'ADOPTION'],
      ['ENTERPRISE', 59, 'ONBOARDING'],
      ['ENTERPRISE', 60, 'ADOPTION'],
    ])('a %s account %i days a customer: %s', (segment, accountTenureDays, stage) => {
      expect(stageOf({ segment, accountTenureDays })).toBe(stage);
    });

    it('counts a prospect as day 0 of onboarding', () => {
      const result = journey({ accountTenureDays: null });
      expect(result).toMatchObject({ stage: 'ONBOARDING', accountTenureDays: null });
      expect(result.reasons).toEqual([
        { code: 'SEGMENT', stage: 'ONBOARDING', met: true, text: "The account's segment is SMB (ONBOARDING: MID_MARKET or SMB)" },
        { code: 'ACCOUNT_TENURE', stage: 'ONBOARDING', met: true, text: 'The account is not a customer yet (counted as 0 days) (ONBOARDING: at most 29 days)' },
      ]);
    });

    it.each([
      [13, 'ONBOARDING'],
      [14, 'VALUE'],
    ])('a user first seen %i days ago at an established account: %s', (userTenureDays, stage) => {
      expect(stageOf({ userTenureDays })).toBe(stage);
    });

    it('comes before RENEWAL: a new customer renewing soon is still onboarding', () => {
      expect(stageOf({ accountTenureDays: 10, renewalInDays: 20 })).toBe('ONBOARDING');
    });
  });

  describe('RENEWAL', () => {
    it.each<[number | null, string]>([
      [90, 'RENEWAL'],
      // Whole days are rounded down: 90 days and 23 hours is 90 days away.
      [90 + 23 / 24, 'RENEWAL'],
      [91, 'VALUE'],
      [0.5, 'RENEWAL'],
      [null, 'VALUE'],
    ])('renewal in %s days: %s', (renewalInDays, stage) => {
      expect(stageOf({ renewalInDays })).toBe(stage);
    });

    it('comes before ADVOCACY: an advocate near renewal is in RENEWAL', () => {
      expect(stageOf({ band: 'HEALTHY', courses: 5, renewalInDays: 60 })).toBe('RENEWAL');
    });
  });

  describe('ADVOCACY', () => {
    it.each<[string, Situation, string]>([
      ['healthy, 180 days, 3 courses', { band: 'HEALTHY', accountTenureDays: 180, courses: 3 }, 'ADVOCACY'],
      ['healthy, 179 days, 3 courses', { band: 'HEALTHY', accountTenureDays: 179, courses: 3 }, 'VALUE'],
      ['healthy, 180 days, 2 courses', { band: 'HEALTHY', accountTenureDays: 180, courses: 2 }, 'VALUE'],
      ['healthy, 180 days, 200 points', { band: 'HEALTHY', accountTenureDays: 180, points: 200 }, 'ADVOCACY'],
      ['healthy, 180 days, 199 points', { band: 'HEALTHY', accountTenureDays: 180, points: 199 }, 'VALUE'],
      ['neutral, 400 days, 10 courses', { band: 'NEUTRAL', courses: 10, points: 500 }, 'VALUE'],
    ])('%s: %s', (_case, situation, stage) => {
      expect(stageOf(situation)).toBe(stage);
    });
  });

  describe('VALUE and the ADOPTION fallback', () => {
    it.each<[string, Situation, string]>([
      ['neutral, 90 days', { accountTenureDays: 90 }, 'VALUE'],
      ['neutral, 89 days', { accountTenureDays: 89 }, 'ADOPTION'],
      ['healthy, 90 days', { accountTenureDays: 90, band: 'HEALTHY' }, 'VALUE'],
      ['at risk, 400 days', { band: 'AT_RISK' }, 'ADOPTION'],
      ['not yet scored, 400 days', { band: null }, 'ADOPTION'],
    ])('%s: %s', (_case, situation, stage) => {
      expect(stageOf(situation)).toBe(stage);
    });
  });

  describe('at risk', () => {
    it.each<[string, Situation, boolean]>([
      ['AT_RISK band', { band: 'AT_RISK' }, true],
      ['NEUTRAL, renewal in 30 days', { renewalInDays: 30 }, true],
      ['NEUTRAL, renewal in 31 days', { renewalInDays: 31 }, false],
      ['HEALTHY, renewal in 10 days', { band: 'HEALTHY', renewalInDays: 10 }, false],
      ['NEUTRAL, no contract', { renewalInDays: null }, false],
      ['not yet scored', { band: null }, false],
    ])('%s: %s', (_case, situation, atRisk) => {
      expect(journey(situation).atRisk).toBe(atRisk);
    });

    it('gives the conditions of every at-risk rule that holds, with no stage', () => {
      expect(journey({ band: 'AT_RISK' }).riskReasons).toEqual([
        { code: 'HEALTH_BAND', stage: null, met: true, text: "The account's health band is AT_RISK (at risk: AT_RISK)" },
      ]);
      expect(journey({ renewalInDays: 12.2 }).riskReasons).toEqual([
        { code: 'RENEWAL_WINDOW', stage: null, met: true, text: 'The renewal date is 12 days away (at risk: within 30 days)' },
        { code: 'HEALTH_BAND', stage: null, met: true, text: "The account's health band is NEUTRAL (at risk: NEUTRAL)" },
      ]);
      expect(journey().riskReasons).toEqual([]);
    });
  });

  describe('reasons', () => {
    it('explains the fallback: why each earlier stage did not apply, then the default', () => {
      const fallback = journey({ accountTenureDays: 45, renewalInDays: null, band: null, courses: 1, points: 20 });
      expect(fallback).toMatchObject({ stage: 'ADOPTION', accountTenureDays: 45, userTenureDays: 300, daysToRenewal: null });
      expect(fallback.reasons).toEqual([
        { code: 'ACCOUNT_TENURE', stage: 'ONBOARDING', met: false, text: 'The account has been a customer for 45 days (ONBOARDING: at most 29 days)' },
        { code: 'USER_TENURE', stage: 'ONBOARDING', met: false, text: 'The user was first seen 300 days ago (ONBOARDING: at most 13 days)' },
        { code: 'RENEWAL_WINDOW', stage: 'RENEWAL', met: false, text: 'The account has no current contract, so no renewal date (RENEWAL: within 90 days)' },
        { code: 'ACCOUNT_TENURE', stage: 'ADVOCACY', met: false, text: 'The account has been a customer for 45 days (ADVOCACY: at least 180 days)' },
        { code: 'HEALTH_BAND', stage: 'ADVOCACY', met: false, text: 'The account has no health score yet (ADVOCACY: HEALTHY)' },
        { code: 'USER_COMPLETED_COURSES', stage: 'ADVOCACY', met: false, text: 'The user has completed 1 course (ADVOCACY: at least 3)' },
        { code: 'USER_COMMUNITY_POINTS', stage: 'ADVOCACY', met: false, text: 'The user has 20 community points (ADVOCACY: at least 200 points)' },
        { code: 'ACCOUNT_TENURE', stage: 'VALUE', met: false, text: 'The account has been a customer for 45 days (VALUE: at least 90 days)' },
        { code: 'HEALTH_BAND', stage: 'VALUE', met: false, text: 'The account has no health score yet (VALUE: HEALTHY or NEUTRAL)' },
        { code: 'DEFAULT_STAGE', stage: 'ADOPTION', met: true, text: 'No earlier stage applies, so the stage is ADOPTION' },
      ]);
    });

    it("tells an ENTERPRISE account about its own thresholds, not the other segments'", () => {
      const reasons = journey({ segment: 'ENTERPRISE', accountTenureDays: 45 }).reasons.filter((reason) => reason.stage === 'ONBOARDING');
      expect(reasons).toEqual([
        { code: 'SEGMENT', stage: 'ONBOARDING', met: true, text: "The account's segment is ENTERPRISE (ONBOARDING: ENTERPRISE)" },
        { code: 'ACCOUNT_TENURE', stage: 'ONBOARDING', met: true, text: 'The account has been a customer for 45 days (ONBOARDING: at most 59 days)' },
      ]);
      const later = journey({ segment: 'ENTERPRISE', accountTenureDays: 60 }).reasons.filter((reason) => reason.stage === 'ONBOARDING');
      expect(later.map((reason) => reason.text)).toEqual([
        'The account has been a customer for 60 days (ONBOARDING: at most 59 days)',
        'The user was first seen 300 days ago (ONBOARDING: at most 13 days)',
      ]);
    });

    it('says "1 day" and "not a community member"', () => {
      const result = journey({ accountTenureDays: 1, points: null, courses: 0 });
      expect(result.reasons.map((reason) => reason.text)).toContain('The account has been a customer for 1 day (ONBOARDING: at most 29 days)');
      expect(journey({ band: 'HEALTHY' }).reasons.map((reason) => reason.text)).toContain('The user is not a community member (ADVOCACY: at least 200 points)');
    });
  });

  describe("an account's own stage (which picks its onboarding checklist)", () => {
    const stageOfAccount = (situation: Situation) => accountStage(playbook, signals(situation).account, NOW);

    it('is not ONBOARDING because one of its users is new', () => {
      expect(stageOf({ userTenureDays: 2 })).toBe('ONBOARDING');
      expect(stageOfAccount({ userTenureDays: 2 })).toBe('VALUE');
    });

    it('never reaches ADVOCACY with the shipped rules, whose evidence is about a user', () => {
      expect(stageOfAccount({ band: 'HEALTHY', courses: 10, points: 1000 })).toBe('VALUE');
    });

    it.each<[Situation, string]>([
      [{ accountTenureDays: 29 }, 'ONBOARDING'],
      [{ renewalInDays: 90 }, 'RENEWAL'],
      [{ accountTenureDays: 45 }, 'ADOPTION'],
    ])('follows the account rules: %j is %s', (situation, stage) => {
      expect(stageOfAccount(situation)).toBe(stage);
    });
  });

  it('checks stages in the order the playbook lists them', () => {
    const raw = rawDefaultPlaybook() as { stages: Array<{ stage: string }> };
    const [onboarding, renewal, advocacy, ...rest] = raw.stages;
    raw.stages = [onboarding!, advocacy!, renewal!, ...rest];
    const advocacyFirst = parsePlaybook(raw);
    const { account, user } = signals({ band: 'HEALTHY', courses: 5, renewalInDays: 60 });
    expect(computeJourney(playbook, account, user, NOW).stage).toBe('RENEWAL');
    expect(computeJourney(advocacyFirst, account, user, NOW).stage).toBe('ADVOCACY');
  });
});
