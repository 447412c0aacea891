import type { AccountDocument, UserDocument } from '../../subgraphs/accounts/model';
import { buildMember, buildPost, buildReply, seedCommunity } from '../helpers/community';
import { buildContract, daysFromNow, seedContracts } from '../helpers/contracts';
import { buildAccount, buildUser } from '../helpers/factories';
import { ADVOCATE_CANDIDATES, DORMANT_USERS, setHealthBand } from '../helpers/journey';
import { buildCourse, buildEnrollment, buildLearner, seedLearning } from '../helpers/learning';
import { seedAccounts } from '../helpers/seed';
import { postGraphql, startStack, type GraphqlResult, type Stack } from '../helpers/stack';
import { daysAgo } from '../helpers/time';
import { dayBefore, usageDay, usageRepository } from '../helpers/usage';

type Caller = 'staff' | 'customer' | 'journey:read integration' | 'integration without journey:read';

const DOMAIN_READ_SCOPES = ['accounts:read', 'contracts:read', 'learning:read', 'community:read', 'support:read'];

/** A user last seen yesterday unless told otherwise. */
const person = (account: AccountDocument, persona: UserDocument['persona'], overrides: Partial<UserDocument> = {}) =>
  buildUser(account, { persona, firstSeenAt: daysAgo(300), lastSeenAt: daysAgo(1), ...overrides });

describe('advocate candidates and dormant users (staff lists)', () => {
  let stack: Stack;
  const healthy = buildAccount({ name: 'Globex', customerSince: daysAgo(400) });
  const atRisk = buildAccount({ name: 'Initech', customerSince: daysAgo(400) });
  const star = person(healthy, 'ADMIN');
  const helper = person(healthy, 'CHAMPION');
  const learnerOnly = person(healthy, 'END_USER');
  const fewCourses = person(healthy, 'DEVELOPER');
  const riskStar = person(atRisk, 'ADMIN');
  const activeAdmin = person(atRisk, 'ADMIN');
  const activeEndUser = person(atRisk, 'END_USER');
  const asker = person(atRisk, 'END_USER');
  // Dormant: last seen 45 days ago; last seen 40 days ago but learned 35 days ago; never active in 60 days.
  const sleepyAdmin = person(healthy, 'ADMIN', { lastSeenAt: daysAgo(45) });
  const sleepyEndUser = person(healthy, 'END_USER', { lastSeenAt: daysAgo(40) });
  const neverActive = person(atRisk, 'DEVELOPER', { firstSeenAt: daysAgo(60), lastSeenAt: null });
  const newcomer = person(atRisk, 'DEVELOPER', { firstSeenAt: daysAgo(5), lastSeenAt: null });
  const everyone = [star, helper, learnerOnly, fewCourses, riskStar, activeAdmin, activeEndUser, asker, sleepyAdmin, sleepyEndUser, neverActive, newcomer];

  const courses = Array.from({ length: 5 }, () => buildCourse());
  const completed = (user: UserDocument, count: number) => courses.slice(0, count).map((course) => buildEnrollment(user, course, { status: 'COMPLETED', completedAt: daysAgo(50) }));
  const sleepyEnrollment = buildEnrollment(sleepyEndUser, courses[0]!, { status: 'IN_PROGRESS', progress: 0.3, lastActivityAt: daysAgo(35) });

  const members = {
    star: buildMember(star),
    helper: buildMember(helper),
    fewCourses: buildMember(fewCourses),
    riskStar: buildMember(riskStar),
    asker: buildMember(asker),
  };
  const questions = Array.from({ length: 7 }, () => buildPost(members.asker, { type: 'QUESTION' }));
  const acceptedBy = (member: typeof members.star, question: (typeof questions)[number]) => buildReply(question, member, { acceptedAt: daysAgo(3) });
  const story = buildPost(members.star, { type: 'CUSTOMER_STORY', title: 'How Globex doubled usage' });

  const tokens = {} as Record<Caller, string>;

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [healthy, atRisk], everyone);
    await seedContracts(stack, [buildContract(healthy._id, { renewalDate: daysFromNow(200) }), buildContract(atRisk._id, { renewalDate: daysFromNow(200) })]);
    await setHealthBand(stack, healthy._id, 'HEALTHY');
    await setHealthBand(stack, atRisk._id, 'AT_RISK');
    await seedLearning(stack, {
      courses,
      learners: [star, helper, learnerOnly, fewCourses, riskStar, sleepyEndUser].map((user) => buildLearner(user)),
      enrollments: [...completed(star, 4), ...completed(helper, 3), ...completed(learnerOnly, 5), ...completed(fewCourses, 2), ...completed(riskStar, 5), sleepyEnrollment],
    });
    await seedCommunity(stack, {
      members: Object.values(members),
      posts: [...questions, story],
      replies: [
        acceptedBy(members.star, questions[0]!),
        acceptedBy(members.star, questions[1]!),
        buildReply(questions[2]!, members.star),
        acceptedBy(members.helper, questions[2]!),
        acceptedBy(members.fewCourses, questions[3]!),
        acceptedBy(members.fewCourses, questions[4]!),
        acceptedBy(members.fewCourses, questions[5]!),
        acceptedBy(members.riskStar, questions[6]!),
      ],
    });
    await usageRepository(stack).replaceDays([
      usageDay(healthy._id, star._id, dayBefore(2), { features: ['Report Created', 'Dashboard Shared'] }),
      usageDay(atRisk._id, activeAdmin._id, dayBefore(3), { features: ['Report Created', 'Export CSV'] }),
      usageDay(atRisk._id, activeEndUser._id, dayBefore(1), { features: ['Task Completed'] }),
    ]);
    tokens['staff'] = await stack.staffToken();
    tokens['customer'] = await stack.customerToken(healthy._id, star._id);
    tokens['journey:read integration'] = await stack.integrationToken(['journey:read', ...DOMAIN_READ_SCOPES]);
    tokens['integration without journey:read'] = await stack.integrationToken(DOMAIN_READ_SCOPES);
  });
  afterAll(() => stack.stop());

  const codeOf = (result: GraphqlResult) => result.errors?.[0]?.extensions?.['code'];
  const asStaff = (query: string, variables: Record<string, unknown> = {}) => stack.query<any>(query, { token: tokens['staff'], variables });

  describe('advocateCandidates', () => {
    it('lists users of healthy accounts with enough courses and contributions, with the evidence in numbers', async () => {
      const result = await asStaff(ADVOCATE_CANDIDATES);
      expect(result.errors).toBeUndefined();
      expect(result.data.advocateCandidates).toEqual([
        {
          user: { id: star._id, name: star.name },
          // 4 courses × 1 + 2 accepted answers × 2 + 1 story × 5
          score: 13,
          evidence: ['Account health HEALTHY (80)', 'Completed 4 courses', '2 accepted answers', "Wrote the customer story 'How Globex doubled usage'"],
        },
        { user: { id: helper._id, name: helper.name }, score: 5, evidence: ['Account health HEALTHY (80)', 'Completed 3 courses', '1 accepted answer'] },
      ]);
    });

    it('returns at most `first` candidates', async () => {
      const result = await asStaff(ADVOCATE_CANDIDATES, { first: 1 });
      expect(result.data.advocateCandidates.map((candidate: { user: { id: string } }) => candidate.user.id)).toEqual([star._id]);
    });

    it('continues after a given candidate, so a reader can go through them all', async () => {
      const all = (await asStaff(ADVOCATE_CANDIDATES)).data.advocateCandidates.map((candidate: { user: { id: string } }) => candidate.user.id);
      expect(all.length).toBeGreaterThan(1);
      const rest = await asStaff(ADVOCATE_CANDIDATES, { after: all[0] });
      expect(rest.data.advocateCandidates.map((candidate: { user: { id: string } }) => candidate.user.id)).toEqual(all.slice(1));
      const unknown = await asStaff(ADVOCATE_CANDIDATES, { after: 'usr_not_a_candidate' });
      expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
      expect(unknown.errors?.[0]?.extensions?.['field']).toBe('after');
    });

    it('refuses first over 100 with BAD_USER_INPUT', async () => {
      const result = await asStaff(ADVOCATE_CANDIDATES, { first: 101 });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.['field']).toBe('first');
    });
  });

  describe('dormantUsers', () => {
    const sleepers = [
      { user: { id: neverActive._id, persona: 'DEVELOPER' }, lastActiveAt: null, inactiveDays: 60, suggestedFeatures: [] },
      {
        user: { id: sleepyAdmin._id, persona: 'ADMIN' },
        lastActiveAt: sleepyAdmin.lastSeenAt!.toISOString(),
        inactiveDays: 45,
        // Used by both active admins, then by one each, by name.
        suggestedFeatures: ['Report Created', 'Dashboard Shared', 'Export CSV'],
      },
      { user: { id: sleepyEndUser._id, persona: 'END_USER' }, lastActiveAt: sleepyEnrollment.lastActivityAt.toISOString(), inactiveDays: 35, suggestedFeatures: ['Task Completed'] },
    ];

    it("lists users inactive for the playbook's 30 days, longest first, with what active users of their persona use", async () => {
      const result = await asStaff(DORMANT_USERS);
      expect(result.errors).toBeUndefined();
      expect(result.data.dormantUsers).toEqual(sleepers);
    });

    it('lists the users who became dormant most recently first when asked, as a frequent alert needs', async () => {
      const result = await asStaff(DORMANT_USERS, { order: 'RECENTLY_DORMANT' });
      expect(result.errors).toBeUndefined();
      expect(result.data.dormantUsers).toEqual([...sleepers].reverse());
      expect((await asStaff(DORMANT_USERS, { order: 'RECENTLY_DORMANT', first: 1 })).data.dormantUsers).toEqual([sleepers[2]]);
    });

    it('takes the number of days and the page size from the arguments', async () => {
      expect((await asStaff(DORMANT_USERS, { inactiveDays: 40 })).data.dormantUsers).toEqual(sleepers.slice(0, 2));
      expect((await asStaff(DORMANT_USERS, { inactiveDays: 30, first: 1 })).data.dormantUsers).toEqual(sleepers.slice(0, 1));
    });

    it.each([
      [{ inactiveDays: 0 }, 'inactiveDays'],
      [{ inactiveDays: -5 }, 'inactiveDays'],
      [{ first: 101 }, 'first'],
    ])('refuses %j with BAD_USER_INPUT', async (variables, field) => {
      const result = await asStaff(DORMANT_USERS, variables);
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.['field']).toBe(field);
    });
  });

  describe('who may read the lists', () => {
    const lists = [
      ['advocateCandidates', ADVOCATE_CANDIDATES, `{ advocateCandidates { user { id } score } }`],
      ['dormantUsers', DORMANT_USERS, `{ dormantUsers { user { id } inactiveDays } }`],
    ] as const;

    /** Data for those who may read the list; FORBIDDEN and no data for the others. */
    function expectOutcome(result: GraphqlResult<any>, field: string, outcome: 'data' | 'FORBIDDEN') {
      if (outcome === 'data') {
        expect(result.errors).toBeUndefined();
        expect(result.data[field].length).toBeGreaterThan(0);
      } else {
        expect(codeOf(result)).toBe('FORBIDDEN');
        expect(result.data?.[field] ?? null).toBeNull();
      }
    }

    describe.each(lists)('%s', (field, throughGateway, direct) => {
      it.each<[Caller, 'data' | 'FORBIDDEN']>([
        ['staff', 'data'],
        ['journey:read integration', 'data'],
        ['customer', 'FORBIDDEN'],
        ['integration without journey:read', 'FORBIDDEN'],
      ])('through the gateway: %s gets %s', async (caller, outcome) => {
        const result = await stack.query<any>(throughGateway, { token: tokens[caller] });
        expectOutcome(result, field, outcome);
      });

      it.each<[Caller | 'journey:read alone', 'data' | 'FORBIDDEN']>([
        ['staff', 'data'],
        // Reached directly, the subgraph reads what it needs with the hub's own token.
        ['journey:read alone', 'data'],
        ['customer', 'FORBIDDEN'],
        ['integration without journey:read', 'FORBIDDEN'],
      ])('straight at the journey subgraph: %s gets %s', async (caller, outcome) => {
        const token = caller === 'journey:read alone' ? await stack.integrationToken(['journey:read']) : tokens[caller];
        const result = await postGraphql<any>(stack.subgraphUrls['journey']!, direct, { token });
        expectOutcome(result, field, outcome);
      });
    });
  });
});
