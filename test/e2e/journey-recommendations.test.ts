import type { AccountDocument, UserDocument } from '../../subgraphs/accounts/model';
import { buildEvent, buildMember, buildPost, seedCommunity } from '../helpers/community';
import { buildContract, daysFromNow, seedContracts } from '../helpers/contracts';
import { buildAccount, buildUser } from '../helpers/factories';
import { setHealthBand, USER_RECOMMENDATIONS } from '../helpers/journey';
import { buildCourse, buildEnrollment, buildLearner, seedLearning } from '../helpers/learning';
import { seedAccounts } from '../helpers/seed';
import { postGraphql, startStack, type GraphqlResult, type Stack } from '../helpers/stack';
import { buildArticle, seedSupport } from '../helpers/support';
import { daysAgo } from '../helpers/time';

/** What the gateway needs to fetch the `@requires` fields for an integration, besides journey:read. */
const DOMAIN_READ_SCOPES = ['accounts:read', 'contracts:read', 'learning:read', 'community:read', 'support:read'];

interface Recommendation {
  reason: string;
  reasonCode: string;
  rule: string;
  score: number;
  item: { __typename: string; id: string; title: string; level?: string; type?: string };
}

/** A user of `account`, first seen `firstSeenDaysAgo` days ago. */
const person = (account: AccountDocument, persona: UserDocument['persona'], firstSeenDaysAgo: number, overrides: Partial<UserDocument> = {}) =>
  buildUser(account, { persona, firstSeenAt: daysAgo(firstSeenDaysAgo), lastSeenAt: daysAgo(1), ...overrides });

describe('Journey.recommendations through the gateway', () => {
  let stack: Stack;
  // ONBOARDING: an SMB customer of 10 days.
  const fresh = buildAccount({ segment: 'SMB', customerSince: daysAgo(10) });
  const newAdmin = person(fresh, 'ADMIN', 5);
  const jaAdmin = person(fresh, 'ADMIN', 5, { locale: 'ja-JP' });
  const newDeveloper = person(fresh, 'DEVELOPER', 5);
  // VALUE: an established, healthy SMB customer whose people did the courses.
  const established = buildAccount({ segment: 'SMB', customerSince: daysAgo(400) });
  const peerAdmins = [person(established, 'ADMIN', 300), person(established, 'ADMIN', 300), person(established, 'ADMIN', 300)];
  const peerDevelopers = [person(established, 'DEVELOPER', 300), person(established, 'DEVELOPER', 300)];
  const valueAdmin = person(established, 'ADMIN', 300);
  // RENEWAL: renews in 60 days.
  const renewing = buildAccount({ segment: 'SMB', customerSince: daysAgo(400) });
  const renewAdmin = person(renewing, 'ADMIN', 300);
  const renewEndUser = person(renewing, 'END_USER', 300);
  const enterprise = buildAccount({ segment: 'ENTERPRISE', customerSince: daysAgo(400) });
  const enterpriseUser = person(enterprise, 'CHAMPION', 300);

  const gettingStarted = buildCourse({ title: 'Getting started', level: 'BEGINNER' });
  const basics = buildCourse({ title: 'Basics for admins', level: 'BEGINNER' });
  const basicsJa = buildCourse({ title: '管理者のための基本', level: 'BEGINNER', locale: 'ja-JP' });
  const developerBasics = buildCourse({ title: 'API basics', level: 'BEGINNER', tags: ['api'] });
  const advanced = buildCourse({ title: 'Advanced administration', level: 'ADVANCED' });
  const apiCourse = buildCourse({ title: 'Building integrations', level: 'INTERMEDIATE', tags: ['api'] });

  const guide = buildArticle({ title: 'Your first week', labels: ['getting-started'], viewCount: 120 });
  const internalGuide = buildArticle({ title: 'Onboarding playbook (internal)', labels: ['getting-started'], visibility: 'INTERNAL', viewCount: 900 });
  const billing = buildArticle({ title: 'Invoices and renewals', section: 'billing', viewCount: 45 });

  const storyteller = buildMember(peerAdmins[0]!);
  const enterpriseMember = buildMember(enterpriseUser);
  const smbStory = buildPost(storyteller, { type: 'CUSTOMER_STORY', title: 'How we doubled our usage', views: 30 });
  const enterpriseStory = buildPost(enterpriseMember, { type: 'CUSTOMER_STORY', title: 'Rolling out to 5,000 people', views: 300 });
  const privateStory = buildPost(storyteller, { type: 'CUSTOMER_STORY', title: 'Our internal lessons', visibility: 'ACCOUNT' });

  const webinar = buildEvent({ title: 'Reporting deep dive', startsAt: daysFromNow(10.5), registeredCount: 7 });
  const fullMeetup = buildEvent({ title: 'Tokyo meetup', startsAt: daysFromNow(5.5), capacity: 5, registeredCount: 5 });

  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startStack();
    const users = [newAdmin, jaAdmin, newDeveloper, ...peerAdmins, ...peerDevelopers, valueAdmin, renewAdmin, renewEndUser, enterpriseUser];
    await seedAccounts(stack, [fresh, established, renewing, enterprise], users);
    await seedContracts(stack, [
      buildContract(established._id, { renewalDate: daysFromNow(200) }),
      buildContract(renewing._id, { renewalDate: daysFromNow(60.5) }),
      buildContract(enterprise._id, { renewalDate: daysFromNow(200) }),
    ]);
    for (const account of [established, renewing, enterprise]) await setHealthBand(stack, account._id, 'HEALTHY');
    // Completed 10 days (in the first month) or 200 days after the completer was first seen.
    const early = { status: 'COMPLETED' as const, completedAt: daysAgo(290) };
    const late = { status: 'COMPLETED' as const, completedAt: daysAgo(100) };
    await seedLearning(stack, {
      courses: [gettingStarted, basics, basicsJa, developerBasics, advanced, apiCourse],
      // The academy lists enrollments of users it knows as learners.
      learners: [newAdmin, ...peerAdmins, ...peerDevelopers].map((user) => buildLearner(user)),
      enrollments: [
        buildEnrollment(newAdmin, gettingStarted, { status: 'IN_PROGRESS', progress: 0.4 }),
        ...peerAdmins.map((admin) => buildEnrollment(admin, basics, early)),
        ...peerAdmins.map((admin) => buildEnrollment(admin, advanced, late)),
        buildEnrollment(peerAdmins[0]!, basicsJa, early),
        ...peerDevelopers.map((developer) => buildEnrollment(developer, developerBasics, early)),
        buildEnrollment(peerDevelopers[0]!, apiCourse, late),
      ],
    });
    await seedSupport(stack, { articles: [guide, internalGuide, billing] });
    await seedCommunity(stack, { members: [storyteller, enterpriseMember], posts: [smbStory, enterpriseStory, privateStory], events: [webinar, fullMeetup] });
    tokens['staff'] = await stack.staffToken();
    tokens['newAdmin'] = await stack.customerToken(fresh._id, newAdmin._id);
    tokens['reader'] = await stack.integrationToken(['journey:read', ...DOMAIN_READ_SCOPES]);
    tokens['no scope'] = await stack.integrationToken(DOMAIN_READ_SCOPES);
  });
  afterAll(() => stack.stop());

  const codeOf = (result: GraphqlResult) => result.errors?.[0]?.extensions?.['code'];
  const recommendationsOf = async (user: UserDocument, first?: number) => {
    const result = await stack.query<any>(USER_RECOMMENDATIONS, { token: tokens['staff'], variables: { id: user._id, first } });
    expect(result.errors).toBeUndefined();
    return result.data.user.journey as { stage: string; daysToRenewal: number | null; recommendations: Recommendation[] };
  };
  const brief = (recommendations: Recommendation[]) => recommendations.map((entry) => [entry.item.title, entry.reason]);

  it("tells a new admin to finish their half-done course, with its true percentage, then what other admins did in their first month", async () => {
    const journey = await recommendationsOf(newAdmin);
    expect(journey.stage).toBe('ONBOARDING');
    expect(brief(journey.recommendations)).toEqual([
      ['Getting started', "You have not finished 'Getting started' (40 %)"],
      ['Basics for admins', 'Completed by 3 other admins in their first 30 days'],
      ['Your first week', 'A getting-started guide, read 120 times'],
      ['管理者のための基本', 'Completed by 1 other admin in their first 30 days'],
    ]);
    // 90 × (1 + 0.4); 70 × (1 + 3 of the 6 other admins); 50; 70 × (1 + 1/6) × 0.5 for another language.
    expect(journey.recommendations.map((entry) => entry.score)).toEqual([126, 105, 50, 40.83]);
    expect(journey.recommendations.map((entry) => [entry.reasonCode, entry.rule])).toEqual([
      ['UNFINISHED_COURSE', 'finish-course'],
      ['COURSE', 'first-month-courses'],
      ['ARTICLE', 'getting-started-articles'],
      ['COURSE', 'first-month-courses'],
    ]);
  });

  it("resolves each item with the subgraph that owns it", async () => {
    const { recommendations } = await recommendationsOf(newAdmin);
    expect(recommendations.map((entry) => entry.item)).toEqual([
      { __typename: 'Course', id: gettingStarted._id, title: 'Getting started', level: 'BEGINNER' },
      { __typename: 'Course', id: basics._id, title: 'Basics for admins', level: 'BEGINNER' },
      { __typename: 'Article', id: guide._id, title: 'Your first week' },
      { __typename: 'Course', id: basicsJa._id, title: '管理者のための基本', level: 'BEGINNER' },
    ]);
  });

  it("puts content in the user's language first", async () => {
    const { recommendations } = await recommendationsOf(jaAdmin);
    expect(brief(recommendations)).toEqual([
      ['管理者のための基本', 'Completed by 1 other admin in their first 30 days'],
      ['Basics for admins', 'Completed by 3 other admins in their first 30 days'],
      ['Your first week', 'A getting-started guide, read 120 times'],
    ]);
    expect(recommendations.map((entry) => entry.score)).toEqual([81.67, 52.5, 25]);
  });

  it('recommends what the same persona did: a new developer gets the developers\' course', async () => {
    const { recommendations } = await recommendationsOf(newDeveloper);
    expect(brief(recommendations)).toEqual([
      ['API basics', 'Completed by 2 other developers in their first 30 days'],
      ['Your first week', 'A getting-started guide, read 120 times'],
    ]);
    expect(recommendations[0]!.score).toBe(140);
  });

  it('recommends the next level and upcoming events at the VALUE stage, never a full event', async () => {
    const journey = await recommendationsOf(valueAdmin);
    expect(journey.stage).toBe('VALUE');
    expect(brief(journey.recommendations)).toEqual([
      ['Advanced administration', 'Completed by 3 other admins'],
      ['Reporting deep dive', 'Starts in 10 days; 7 people have registered'],
    ]);
    expect(journey.recommendations[1]!.item).toEqual({ __typename: 'Event', id: webinar._id, title: 'Reporting deep dive' });
  });

  it("shows renewing customers a public story of their own segment with the days to their renewal, and billing help to admins only", async () => {
    const admin = await recommendationsOf(renewAdmin);
    expect(admin.stage).toBe('RENEWAL');
    expect(admin.daysToRenewal).toBe(60);
    expect(brief(admin.recommendations)).toEqual([
      ['How we doubled our usage', 'Your renewal is in 60 days: how another SMB customer succeeds'],
      ['Invoices and renewals', 'For admins preparing the renewal in 60 days; read 45 times'],
    ]);
    expect(admin.recommendations[0]!.item).toEqual({ __typename: 'Post', id: smbStory._id, title: 'How we doubled our usage', type: 'CUSTOMER_STORY' });
    const endUser = await recommendationsOf(renewEndUser);
    expect(brief(endUser.recommendations)).toEqual([['How we doubled our usage', 'Your renewal is in 60 days: how another SMB customer succeeds']]);
  });

  it('returns at most `first` items', async () => {
    expect((await recommendationsOf(newAdmin, 2)).recommendations.map((entry) => entry.item.title)).toEqual(['Getting started', 'Basics for admins']);
    expect((await recommendationsOf(newAdmin, 0)).recommendations).toEqual([]);
  });

  it.each([21, -1])('refuses first: %s with BAD_USER_INPUT', async (first) => {
    const result = await stack.query<any>(USER_RECOMMENDATIONS, { token: tokens['staff'], variables: { id: newAdmin._id, first } });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.['field']).toBe('first');
  });

  describe('who may read recommendations', () => {
    const VIEWER = `{ viewer { user { id journey { recommendations(first: 1) { reason } } } } }`;

    it('lets a customer read their own', async () => {
      const result = await stack.query<any>(VIEWER, { token: tokens['newAdmin'] });
      expect(result.errors).toBeUndefined();
      expect(result.data.viewer.user.journey.recommendations).toEqual([{ reason: "You have not finished 'Getting started' (40 %)" }]);
    });

    it("refuses a customer a colleague's", async () => {
      const result = await stack.query<any>(USER_RECOMMENDATIONS, { token: tokens['newAdmin'], variables: { id: jaAdmin._id } });
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect(result.data?.user?.journey ?? null).toBeNull();
    });

    it.each([
      ['reader', 'data'],
      ['no scope', 'FORBIDDEN'],
    ])('gives an integration (%s) %s', async (caller, outcome) => {
      const result = await stack.query<any>(USER_RECOMMENDATIONS, { token: tokens[caller], variables: { id: newAdmin._id, first: 1 } });
      if (outcome === 'data') {
        expect(result.errors).toBeUndefined();
        expect(result.data.user.journey.recommendations.map((entry: Recommendation) => entry.item.id)).toEqual([gettingStarted._id]);
      } else {
        expect(codeOf(result)).toBe('FORBIDDEN');
        expect(result.data?.user?.journey ?? null).toBeNull();
      }
    });

    it("refuses a colleague's recommendations straight at the journey subgraph", async () => {
      const representation = {
        __typename: 'User',
        id: jaAdmin._id,
        firstSeenAt: jaAdmin.firstSeenAt.toISOString(),
        account: { id: fresh._id, segment: 'SMB', tenureDays: 10, renewalDate: null, health: null },
        learning: { completedCourses: { totalCount: 0 } },
        community: null,
      };
      // The journey subgraph knows only the items' ids: their fields are their owners'.
      const query = `query($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on User { id journey { recommendations { reason item { ... on Course { id } } } } } }
      }`;
      const result = await postGraphql<any>(stack.subgraphUrls['journey']!, query, { token: tokens['newAdmin'], variables: { representations: [representation] } });
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect(result.data?._entities ?? [null]).toEqual([null]);
    });
  });
});
