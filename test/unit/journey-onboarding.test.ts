import { GraphQLError } from 'graphql';
import type { OnboardingSignalValues, TaskCompletionDocument } from '../../subgraphs/journey/model';
import { buildChecklist, progressPercent, taskStatus } from '../../subgraphs/journey/onboarding';
import type { OnboardingTaskTemplate } from '../../subgraphs/journey/playbook-schema';
import { accountSignalsOf, userSignalsOf } from '../../subgraphs/journey/signals';
import { defaultJourneyPlaybook } from '../helpers/journey';

const playbook = defaultJourneyPlaybook();

/** No signal at all, unless overridden. */
function counts(values: Partial<OnboardingSignalValues> = {}): OnboardingSignalValues {
  return { COURSES_COMPLETED: 0, ACTIVE_USERS_7D: 0, QUESTIONS_ASKED: 0, COMMUNITY_MEMBERS: 0, CERTIFIED_USERS: 0, ...values };
}

function marked(taskKey: string, completedAt = new Date('2026-05-01T09:00:00Z')): TaskCompletionDocument {
  return { _id: `acc_1|${taskKey}`, accountId: 'acc_1', taskKey, completedAt, completedBy: { subject: 'usr_1', role: 'customer' } };
}

const inviteTeam: OnboardingTaskTemplate = {
  key: 'invite-team',
  title: 'Get your team started',
  description: 'Three active users in a week.',
  stages: ['ONBOARDING'],
  completesWhen: { signal: 'ACTIVE_USERS_7D', atLeast: 3 },
};

describe('onboarding tasks', () => {
  it.each([
    [2, false, null],
    [3, true, 'AUTO'],
    [7, true, 'AUTO'],
  ])('completes "3 users active in a week" automatically at %i active users: done %s', (activeUsers, done, how) => {
    expect(taskStatus(inviteTeam, counts({ ACTIVE_USERS_7D: activeUsers }), undefined)).toEqual({
      key: 'invite-team',
      title: 'Get your team started',
      description: 'Three active users in a week.',
      signal: 'ACTIVE_USERS_7D',
      signalTarget: 3,
      signalValue: activeUsers,
      done,
      how,
      completedAt: null,
    });
  });

  it('keeps a task marked by hand done when its signal falls short, and says MANUAL when both apply', () => {
    const completedAt = new Date('2026-05-01T09:00:00Z');
    expect(taskStatus(inviteTeam, counts({ ACTIVE_USERS_7D: 1 }), marked('invite-team', completedAt))).toMatchObject({ done: true, how: 'MANUAL', completedAt, signalValue: 1 });
    expect(taskStatus(inviteTeam, counts({ ACTIVE_USERS_7D: 5 }), marked('invite-team', completedAt))).toMatchObject({ done: true, how: 'MANUAL', completedAt });
  });

  it('leaves a task without a signal open until it is marked', () => {
    const kickoff: OnboardingTaskTemplate = { key: 'kickoff-call', title: 'Kickoff', description: 'Meet.', stages: ['ONBOARDING'] };
    expect(taskStatus(kickoff, counts({ ACTIVE_USERS_7D: 100 }), undefined)).toMatchObject({ signal: null, signalTarget: null, signalValue: null, done: false, how: null });
    expect(taskStatus(kickoff, counts(), marked('kickoff-call'))).toMatchObject({ done: true, how: 'MANUAL' });
  });

  it.each([
    [0, 3, 0],
    [1, 3, 33],
    [2, 3, 66],
    [3, 3, 100],
    [0, 0, 100],
  ])('%i of %i tasks done is %i %%', (completed, total, percent) => {
    expect(progressPercent(completed, total)).toBe(percent);
  });

  describe('the checklist of the shipped playbook', () => {
    const keysOf = (stage: Parameters<typeof buildChecklist>[1]['stage'], segment: Parameters<typeof buildChecklist>[1]['segment']) =>
      buildChecklist(playbook, { stage, segment, signals: counts() }, []).tasks.map((task) => task.key);

    it.each([
      ['ONBOARDING', 'ENTERPRISE', ['kickoff-call', 'set-up-sso', 'invite-team', 'first-course', 'first-question']],
      ['ONBOARDING', 'MID_MARKET', ['kickoff-call', 'invite-team', 'first-course', 'first-question']],
      ['ONBOARDING', 'SMB', ['invite-team', 'first-course', 'first-question']],
      ['ADOPTION', 'SMB', ['join-community', 'first-certification']],
      ['ADOPTION', 'ENTERPRISE', ['active-team', 'join-community', 'first-certification']],
      ['VALUE', 'MID_MARKET', ['first-certification', 'business-review', 'share-story']],
      ['RENEWAL', 'SMB', ['renewal-plan']],
      ['RENEWAL', 'ENTERPRISE', ['business-review', 'renewal-plan']],
      ['ADVOCACY', 'SMB', ['share-story']],
    ] as const)('at %s for %s: %j, in the playbook order', (stage, segment, keys) => {
      expect(keysOf(stage, segment)).toEqual(keys);
    });

    it('counts done tasks, automatic and by hand, into the progress', () => {
      const checklist = buildChecklist(playbook, { stage: 'ONBOARDING', segment: 'MID_MARKET', signals: counts({ COURSES_COMPLETED: 1 }) }, [
        marked('kickoff-call'),
        // A completion of a task that is not on this checklist does not count.
        marked('set-up-sso'),
      ]);
      expect(checklist).toMatchObject({ stage: 'ONBOARDING', completedCount: 2, totalCount: 4, progressPercent: 50 });
      expect(checklist.tasks.map((task) => [task.key, task.how])).toEqual([
        ['kickoff-call', 'MANUAL'],
        ['invite-team', null],
        ['first-course', 'AUTO'],
        ['first-question', null],
      ]);
    });
  });
});

describe('the @requires fields of a representation', () => {
  const user = {
    __typename: 'User',
    id: 'usr_1',
    firstSeenAt: '2026-01-01T00:00:00.000Z',
    account: { __typename: 'Account', id: 'acc_1', segment: 'SMB', tenureDays: 100, renewalDate: '2026-09-01T00:00:00.000Z', health: { band: 'HEALTHY' } },
    learning: { completedCourses: { totalCount: 4 } },
    community: { points: 120 },
  };

  it('become the signals of the user and their account', () => {
    expect(userSignalsOf(user)).toEqual({
      accountId: 'acc_1',
      account: { segment: 'SMB', tenureDays: 100, renewalDate: new Date('2026-09-01T00:00:00.000Z'), healthBand: 'HEALTHY' },
      user: { firstSeenAt: new Date('2026-01-01T00:00:00.000Z'), completedCourses: 4, communityPoints: 120 },
    });
  });

  it('count a summary another subgraph did not give as nothing yet', () => {
    const sparse = { ...user, account: { ...user.account, renewalDate: null, health: undefined }, learning: null, community: undefined };
    expect(userSignalsOf(sparse)).toMatchObject({
      account: { renewalDate: null, healthBand: null },
      user: { completedCourses: 0, communityPoints: null },
    });
    expect(accountSignalsOf({ id: 'acc_1', segment: 'ENTERPRISE', tenureDays: null, community: null }).counts).toEqual(counts());
  });

  it.each([
    [{ ...user, firstSeenAt: 'yesterday' }, 'representation.firstSeenAt'],
    [{ ...user, account: { ...user.account, segment: 'HUGE' } }, 'representation.account.segment'],
    [{ ...user, learning: { completedCourses: { totalCount: -1 } } }, 'representation.learning.completedCourses.totalCount'],
  ])('are refused with BAD_USER_INPUT naming the bad field (%#)', (representation, field) => {
    const refusal = (() => {
      try {
        userSignalsOf(representation);
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refusal).toBeInstanceOf(GraphQLError);
    expect((refusal as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
