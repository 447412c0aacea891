import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccountDocument, UserDocument } from '../../subgraphs/accounts/model';
import { buildMember, buildPost, seedCommunity } from '../helpers/community';
import { buildContract, daysFromNow, seedContracts } from '../helpers/contracts';
import { buildAccount, buildUser } from '../helpers/factories';
import { ACCOUNT_ONBOARDING, JOURNEY_FIELDS, rawDefaultPlaybook, setHealthBand } from '../helpers/journey';
import { buildBadge, buildCourse, buildEnrollment, buildLearner, seedLearning } from '../helpers/learning';
import { seedAccounts } from '../helpers/seed';
import { startStack, testConfig, type Stack } from '../helpers/stack';
import { dayBefore, usageDay, usageRepository } from '../helpers/usage';

const VIEWER_JOURNEY = `{ viewer { user { id journey { ${JOURNEY_FIELDS} } } } }`;

/** An established SMB customer (400 days) whose one user was first seen 300 days ago. */
function establishedCustomer(overrides: Partial<AccountDocument> = {}): { account: AccountDocument; user: UserDocument } {
  const account = buildAccount({ customerSince: daysFromNow(-400), ...overrides });
  return { account, user: buildUser(account, { firstSeenAt: daysFromNow(-300) }) };
}

describe('User.journey and Account.onboarding through the gateway, from fields other subgraphs own', () => {
  let stack: Stack;
  const course = () => buildCourse();
  const courses = [course(), course(), course()];

  const learner = establishedCustomer();
  const byTenure = establishedCustomer();
  const byHealth = establishedCustomer();
  const byRenewal = establishedCustomer();
  const byRenewalContract = buildContract(byRenewal.account._id, { renewalDate: daysFromNow(200) });

  // Onboarding signals: a new SMB account whose three users did everything, and a new
  // MID_MARKET one that has only started.
  const eager = buildAccount({ segment: 'SMB', customerSince: daysFromNow(-10) });
  const eagerUsers = [buildUser(eager), buildUser(eager), buildUser(eager)];
  const hesitant = buildAccount({ segment: 'MID_MARKET', customerSince: daysFromNow(-10) });
  const hesitantUsers = [buildUser(hesitant), buildUser(hesitant)];
  // ADOPTION (45 days, healthy): three community members and a certified user.
  const adopting = buildAccount({ segment: 'MID_MARKET', customerSince: daysFromNow(-45) });
  const adoptingUsers = [buildUser(adopting), buildUser(adopting), buildUser(adopting)];
  const certification = buildBadge({ isCertification: true });

  beforeAll(async () => {
    stack = await startStack();
    const customers = [learner, byTenure, byHealth, byRenewal];
    await seedAccounts(
      stack,
      [...customers.map(({ account }) => account), eager, hesitant, adopting],
      [...customers.map(({ user }) => user), ...eagerUsers, ...hesitantUsers, ...adoptingUsers],
    );
    await seedContracts(stack, [
      buildContract(learner.account._id, { renewalDate: daysFromNow(200) }),
      buildContract(byTenure.account._id, { renewalDate: daysFromNow(200) }),
      buildContract(byHealth.account._id, { renewalDate: daysFromNow(200) }),
      byRenewalContract,
    ]);
    for (const { account } of customers) await setHealthBand(stack, account._id, 'HEALTHY');
    await setHealthBand(stack, adopting._id, 'HEALTHY');

    const learnerMember = buildMember(learner.user, { points: 150 });
    const eagerMember = buildMember(eagerUsers[0]!);
    const hesitantMember = buildMember(hesitantUsers[0]!);
    await seedCommunity(stack, {
      members: [learnerMember, eagerMember, hesitantMember, ...adoptingUsers.map((user) => buildMember(user))],
      posts: [buildPost(eagerMember, { type: 'QUESTION' }), buildPost(hesitantMember, { type: 'DISCUSSION' })],
    });
    await seedLearning(stack, {
      badges: [certification],
      courses,
      learners: [
        buildLearner(learner.user),
        buildLearner(byHealth.user),
        buildLearner(adoptingUsers[0]!, { badges: [{ badgeId: certification._id, isCertification: true, earnedAt: daysFromNow(-5) }] }),
      ],
      enrollments: [
        buildEnrollment(learner.user, courses[0]!, { status: 'COMPLETED' }),
        buildEnrollment(learner.user, courses[1]!, { status: 'COMPLETED' }),
        buildEnrollment(learner.user, courses[2]!, { status: 'IN_PROGRESS' }),
        buildEnrollment(byHealth.user, courses[0]!, { status: 'COMPLETED' }),
        buildEnrollment(byHealth.user, courses[1]!, { status: 'COMPLETED' }),
        buildEnrollment(byHealth.user, courses[2]!, { status: 'COMPLETED' }),
        buildEnrollment(eagerUsers[1]!, courses[0]!, { status: 'COMPLETED' }),
      ],
    });
    await usageRepository(stack).replaceDays([
      ...eagerUsers.map((user, index) => usageDay(eager._id, user._id, dayBefore(index))),
      ...hesitantUsers.map((user) => usageDay(hesitant._id, user._id, dayBefore(1))),
      // Ten days ago is outside the week: it does not count.
      usageDay(eager._id, eagerUsers[0]!._id, dayBefore(10)),
    ]);
  });
  afterAll(() => stack.stop());

  async function journeyOf(customer: { account: AccountDocument; user: UserDocument }) {
    const result = await stack.query<any>(VIEWER_JOURNEY, { token: await stack.customerToken(customer.account._id, customer.user._id) });
    expect(result.errors).toBeUndefined();
    return result.data.viewer.user.journey;
  }

  async function staffWrite(mutation: string, input: Record<string, unknown>) {
    const result = await stack.query<any>(mutation, { token: await stack.staffToken(), variables: { input } });
    expect(result.errors).toBeUndefined();
  }
  const setCustomerSince = (accountId: string, daysAgo: number) =>
    staffWrite(`mutation($input: UpsertAccountInput!) { upsertAccount(input: $input) { id } }`, { id: accountId, customerSince: daysFromNow(-daysAgo).toISOString() });
  const setRenewalDate = (contractId: string, inDays: number) =>
    staffWrite(`mutation($input: UpsertContractInput!) { upsertContract(input: $input) { id } }`, { id: contractId, renewalDate: daysFromNow(inDays).toISOString() });

  it("receives the account's tenure, health and renewal date and the user's first visit, courses and points", async () => {
    const journey = await journeyOf(learner);
    expect(journey).toMatchObject({ stage: 'VALUE', atRisk: false, accountTenureDays: 400, userTenureDays: 300, daysToRenewal: 199, riskReasons: [], playbookVersion: '2026-11' });
    // Each text quotes a value that only its owner could give: accounts, contracts, health, learning, community.
    expect(journey.reasons).toEqual([
      { code: 'ACCOUNT_TENURE', stage: 'ONBOARDING', met: false, text: 'The account has been a customer for 400 days (ONBOARDING: at most 29 days)' },
      { code: 'USER_TENURE', stage: 'ONBOARDING', met: false, text: 'The user was first seen 300 days ago (ONBOARDING: at most 13 days)' },
      { code: 'RENEWAL_WINDOW', stage: 'RENEWAL', met: false, text: 'The renewal date is 199 days away (RENEWAL: within 90 days)' },
      { code: 'USER_COMPLETED_COURSES', stage: 'ADVOCACY', met: false, text: 'The user has completed 2 courses (ADVOCACY: at least 3)' },
      { code: 'USER_COMMUNITY_POINTS', stage: 'ADVOCACY', met: false, text: 'The user has 150 community points (ADVOCACY: at least 200 points)' },
      { code: 'ACCOUNT_TENURE', stage: 'VALUE', met: true, text: 'The account has been a customer for 400 days (VALUE: at least 90 days)' },
      { code: 'HEALTH_BAND', stage: 'VALUE', met: true, text: "The account's health band is HEALTHY (VALUE: HEALTHY or NEUTRAL)" },
    ]);
  });

  it("moves the user between ONBOARDING, ADOPTION and VALUE as the account's customerSince changes", async () => {
    expect(await journeyOf(byTenure)).toMatchObject({ stage: 'VALUE', accountTenureDays: 400 });
    await setCustomerSince(byTenure.account._id, 29);
    expect(await journeyOf(byTenure)).toMatchObject({ stage: 'ONBOARDING', accountTenureDays: 29 });
    await setCustomerSince(byTenure.account._id, 30);
    expect(await journeyOf(byTenure)).toMatchObject({ stage: 'ADOPTION', accountTenureDays: 30 });
    await setCustomerSince(byTenure.account._id, 90);
    expect(await journeyOf(byTenure)).toMatchObject({ stage: 'VALUE', accountTenureDays: 90 });
  });

  it("moves the user between ADVOCACY, VALUE and ADOPTION as the account's health band changes, at risk when AT_RISK", async () => {
    expect(await journeyOf(byHealth)).toMatchObject({ stage: 'ADVOCACY', atRisk: false });
    await setHealthBand(stack, byHealth.account._id, 'NEUTRAL');
    expect(await journeyOf(byHealth)).toMatchObject({ stage: 'VALUE', atRisk: false });
    await setHealthBand(stack, byHealth.account._id, 'AT_RISK');
    const atRisk = await journeyOf(byHealth);
    expect(atRisk).toMatchObject({ stage: 'ADOPTION', atRisk: true });
    expect(atRisk.riskReasons).toEqual([{ code: 'HEALTH_BAND', stage: null, met: true, text: "The account's health band is AT_RISK (at risk: AT_RISK)" }]);
  });

  it('moves the user into RENEWAL when the renewal date comes within 90 days, and back out after renewing', async () => {
    expect(await journeyOf(byRenewal)).toMatchObject({ stage: 'VALUE', daysToRenewal: 199 });
    await setRenewalDate(byRenewalContract._id, 90.5);
    const renewing = await journeyOf(byRenewal);
    expect(renewing).toMatchObject({ stage: 'RENEWAL', daysToRenewal: 90, atRisk: false });
    expect(renewing.reasons.at(-1)).toEqual({ code: 'RENEWAL_WINDOW', stage: 'RENEWAL', met: true, text: 'The renewal date is 90 days away (RENEWAL: within 90 days)' });
    await setRenewalDate(byRenewalContract._id, 91.5);
    expect(await journeyOf(byRenewal)).toMatchObject({ stage: 'VALUE', daysToRenewal: 91 });
  });

  it('marks a NEUTRAL account within 30 days of renewal as at risk', async () => {
    await setHealthBand(stack, byRenewal.account._id, 'NEUTRAL');
    await setRenewalDate(byRenewalContract._id, 20.5);
    const journey = await journeyOf(byRenewal);
    expect(journey).toMatchObject({ stage: 'RENEWAL', atRisk: true, daysToRenewal: 20 });
    expect(journey.riskReasons.map((reason: { text: string }) => reason.text)).toEqual([
      'The renewal date is 20 days away (at risk: within 30 days)',
      "The account's health band is NEUTRAL (at risk: NEUTRAL)",
    ]);
  });

  async function onboardingOf(account: AccountDocument, user: UserDocument) {
    const result = await stack.query<any>(ACCOUNT_ONBOARDING, { token: await stack.customerToken(account._id, user._id), variables: { id: account._id } });
    expect(result.errors).toBeUndefined();
    return result.data.account.onboarding;
  }
  const statusOf = (checklist: { tasks: Array<{ key: string; signalValue: number | null; done: boolean; how: string | null }> }) =>
    checklist.tasks.map(({ key, signalValue, done, how }) => ({ key, signalValue, done, how }));

  it('completes onboarding tasks from active users this week, completed courses and questions asked', async () => {
    const checklist = await onboardingOf(eager, eagerUsers[0]!);
    expect(checklist).toMatchObject({ stage: 'ONBOARDING', completedCount: 3, totalCount: 3, progressPercent: 100 });
    expect(statusOf(checklist)).toEqual([
      { key: 'invite-team', signalValue: 3, done: true, how: 'AUTO' },
      { key: 'first-course', signalValue: 1, done: true, how: 'AUTO' },
      { key: 'first-question', signalValue: 1, done: true, how: 'AUTO' },
    ]);
    expect(checklist.tasks[0]).toMatchObject({ signal: 'ACTIVE_USERS_7D', signalTarget: 3, completedAt: null, title: 'Get your team started' });
  });

  it("leaves tasks open while their signals fall short, with the segment's own tasks", async () => {
    const checklist = await onboardingOf(hesitant, hesitantUsers[0]!);
    expect(checklist).toMatchObject({ stage: 'ONBOARDING', completedCount: 0, totalCount: 4, progressPercent: 0 });
    expect(statusOf(checklist)).toEqual([
      { key: 'kickoff-call', signalValue: null, done: false, how: null },
      { key: 'invite-team', signalValue: 2, done: false, how: null },
      { key: 'first-course', signalValue: 0, done: false, how: null },
      // A discussion is not a question.
      { key: 'first-question', signalValue: 0, done: false, how: null },
    ]);
  });

  it('gives an account in ADOPTION its tasks, done from community members and certified users', async () => {
    const checklist = await onboardingOf(adopting, adoptingUsers[0]!);
    expect(checklist).toMatchObject({ stage: 'ADOPTION', completedCount: 2, totalCount: 3, progressPercent: 66 });
    expect(statusOf(checklist)).toEqual([
      { key: 'active-team', signalValue: 0, done: false, how: null },
      { key: 'join-community', signalValue: 3, done: true, how: 'AUTO' },
      { key: 'first-certification', signalValue: 1, done: true, how: 'AUTO' },
    ]);
  });
});

describe('a playbook file given in HUB_JOURNEY_PLAYBOOK_PATH', () => {
  let stack: Stack;
  const directory = mkdtempSync(join(tmpdir(), 'journey-playbook-'));
  const customer = establishedCustomer();

  beforeAll(async () => {
    // The same rules, except that onboarding lasts a year and a half.
    const playbook = rawDefaultPlaybook() as { version: string; stages: Array<{ stage: string; when?: unknown }> };
    playbook.version = 'long-onboarding';
    playbook.stages[0]!.when = [{ maxAccountTenureDays: 540 }];
    const path = join(directory, 'playbook.json');
    writeFileSync(path, JSON.stringify(playbook));
    stack = await startStack({ config: testConfig({ HUB_JOURNEY_PLAYBOOK_PATH: path }) });
    await seedAccounts(stack, [customer.account], [customer.user]);
  });
  afterAll(async () => {
    await stack.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  it('decides stages by its rules instead of the shipped ones', async () => {
    const result = await stack.query<any>(VIEWER_JOURNEY, { token: await stack.customerToken(customer.account._id, customer.user._id) });
    expect(result.errors).toBeUndefined();
    expect(result.data.viewer.user.journey).toMatchObject({
      stage: 'ONBOARDING',
      playbookVersion: 'long-onboarding',
      reasons: [{ code: 'ACCOUNT_TENURE', stage: 'ONBOARDING', met: true, text: 'The account has been a customer for 400 days (ONBOARDING: at most 540 days)' }],
    });
  });
});
