import { daysFromNow } from '../helpers/contracts';
import { buildAccount, buildUser } from '../helpers/factories';
import { COMPLETE_TASK, journeyRepository, REOPEN_TASK } from '../helpers/journey';
import { seedAccounts } from '../helpers/seed';
import { postGraphql, startStack, type GraphqlResult, type Stack } from '../helpers/stack';

/** A task's state in a checklist as the mutations answer it. */
const taskIn = (result: GraphqlResult<any>, field: string, key: string) =>
  result.data[field].account.onboarding.tasks.find((task: { key: string }) => task.key === key);

describe('completing and reopening onboarding tasks by hand', () => {
  let stack: Stack;
  // A new MID_MARKET customer: its checklist holds the kickoff call, done only by hand.
  const mine = buildAccount({ segment: 'MID_MARKET', customerSince: daysFromNow(-10) });
  const theirs = buildAccount({ segment: 'MID_MARKET', customerSince: daysFromNow(-10) });
  const me = buildUser(mine);
  const colleague = buildUser(mine);
  const them = buildUser(theirs);

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [mine, theirs], [me, colleague, them]);
  });
  afterAll(() => stack.stop());
  beforeEach(async () => {
    await journeyRepository(stack).completions.deleteMany({});
  });

  const storedCompletions = () => journeyRepository(stack).completions.find({}, { sort: { _id: 1 } }).toArray();
  const codeOf = (result: GraphqlResult) => result.errors?.[0]?.extensions?.['code'];
  const mutate = (mutation: string, token: string, variables: Record<string, unknown>, url?: string) =>
    url ? postGraphql<any>(url, mutation, { token, variables }) : stack.query<any>(mutation, { token, variables });

  it("lets a customer tick their own account's task and answers with the checklist as it now stands", async () => {
    const before = Date.now();
    const result = await mutate(COMPLETE_TASK, await stack.customerToken(mine._id, me._id), { accountId: mine._id, taskKey: 'kickoff-call' });
    expect(result.errors).toBeUndefined();
    const update = result.data.completeOnboardingTask;
    expect(update).toMatchObject({ taskKey: 'kickoff-call', markedDone: true, account: { id: mine._id } });
    expect(new Date(update.completedAt).getTime()).toBeGreaterThanOrEqual(before);
    expect(taskIn(result, 'completeOnboardingTask', 'kickoff-call')).toMatchObject({ done: true, how: 'MANUAL', completedAt: update.completedAt, signal: null });
    expect(update.account.onboarding).toMatchObject({ stage: 'ONBOARDING', completedCount: 1, totalCount: 4, progressPercent: 25 });
    expect(await storedCompletions()).toEqual([
      expect.objectContaining({ accountId: mine._id, taskKey: 'kickoff-call', completedBy: { subject: me._id, role: 'customer' } }),
    ]);
  });

  it('keeps the first completion when a colleague ticks the same task again', async () => {
    const first = await mutate(COMPLETE_TASK, await stack.customerToken(mine._id, me._id), { accountId: mine._id, taskKey: 'kickoff-call' });
    const again = await mutate(COMPLETE_TASK, await stack.customerToken(mine._id, colleague._id), { accountId: mine._id, taskKey: 'kickoff-call' });
    expect(again.errors).toBeUndefined();
    expect(again.data.completeOnboardingTask.completedAt).toBe(first.data.completeOnboardingTask.completedAt);
    expect(await storedCompletions()).toEqual([expect.objectContaining({ completedBy: { subject: me._id, role: 'customer' } })]);
  });

  it('marks an automatic task done by hand, and reopening it leaves it to its signal again', async () => {
    const token = await stack.customerToken(mine._id, me._id);
    const marked = await mutate(COMPLETE_TASK, token, { accountId: mine._id, taskKey: 'invite-team' });
    expect(taskIn(marked, 'completeOnboardingTask', 'invite-team')).toMatchObject({ done: true, how: 'MANUAL', signal: 'ACTIVE_USERS_7D', signalValue: 0 });
    const reopened = await mutate(REOPEN_TASK, token, { accountId: mine._id, taskKey: 'invite-team' });
    expect(reopened.errors).toBeUndefined();
    expect(reopened.data.reopenOnboardingTask).toMatchObject({ taskKey: 'invite-team', markedDone: false, completedAt: null });
    expect(taskIn(reopened, 'reopenOnboardingTask', 'invite-team')).toMatchObject({ done: false, how: null, completedAt: null });
    expect(await storedCompletions()).toEqual([]);
  });

  it('lets staff and journey:write integrations tick any account, but not journey:read ones', async () => {
    const staff = await mutate(COMPLETE_TASK, await stack.staffToken(), { accountId: theirs._id, taskKey: 'kickoff-call' });
    expect(staff.errors).toBeUndefined();
    const writer = await mutate(COMPLETE_TASK, await stack.integrationToken(['journey:write', 'accounts:read', 'contracts:read', 'learning:read', 'community:read']), {
      accountId: mine._id,
      taskKey: 'invite-team',
    });
    expect(writer.errors).toBeUndefined();
    const reader = await mutate(COMPLETE_TASK, await stack.integrationToken(['journey:read']), { accountId: mine._id, taskKey: 'first-course' });
    expect(codeOf(reader)).toBe('FORBIDDEN');
    expect((await storedCompletions()).map(({ accountId, taskKey }) => `${accountId}|${taskKey}`).sort()).toEqual(
      [`${mine._id}|invite-team`, `${theirs._id}|kickoff-call`].sort(),
    );
  });

  describe.each(['gateway', 'journey subgraph'] as const)('refused through the %s, storing nothing', (route) => {
    const url = () => (route === 'gateway' ? undefined : stack.subgraphUrls['journey']);

    it.each([
      ['completeOnboardingTask', COMPLETE_TASK],
      ['reopenOnboardingTask', REOPEN_TASK],
    ])("%s: refuses a customer another account's tasks with FORBIDDEN", async (_name, mutation) => {
      await journeyRepository(stack).completions.insertOne({
        _id: `${theirs._id}|kickoff-call`,
        accountId: theirs._id,
        taskKey: 'kickoff-call',
        completedAt: new Date('2026-01-01T00:00:00Z'),
        completedBy: { subject: them._id, role: 'customer' },
      });
      const result = await mutate(mutation, await stack.customerToken(mine._id, me._id), { accountId: theirs._id, taskKey: 'kickoff-call' }, url());
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect(result.data?.completeOnboardingTask ?? result.data?.reopenOnboardingTask ?? null).toBeNull();
      expect((await storedCompletions()).map((completion) => completion.completedBy.subject)).toEqual([them._id]);
    });

    it('answers an unknown task key with BAD_USER_INPUT naming taskKey', async () => {
      const result = await mutate(COMPLETE_TASK, await stack.customerToken(mine._id, me._id), { accountId: mine._id, taskKey: 'launch-rocket' }, url());
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.['field']).toBe('taskKey');
      expect(result.errors?.[0]?.message).toBe('Invalid taskKey: is not a task of the playbook (2026-11)');
      expect(await storedCompletions()).toEqual([]);
    });

    it('answers a malformed account id and task key with BAD_USER_INPUT naming both', async () => {
      const result = await mutate(COMPLETE_TASK, await stack.staffToken(), { accountId: 'acc 1; drop', taskKey: 'Kickoff Call' }, url());
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect((result.errors?.[0]?.extensions?.['issues'] as Array<{ field: string }>).map((issue) => issue.field)).toEqual(['accountId', 'taskKey']);
      expect(await storedCompletions()).toEqual([]);
    });

    it("answers a task of another segment's checklist with BAD_USER_INPUT", async () => {
      const result = await mutate(COMPLETE_TASK, await stack.customerToken(mine._id, me._id), { accountId: mine._id, taskKey: 'set-up-sso' }, url());
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toBe('Invalid taskKey: is not a task for MID_MARKET accounts');
      expect(await storedCompletions()).toEqual([]);
    });

    it('answers staff naming an account that does not exist with NOT_FOUND', async () => {
      const result = await mutate(COMPLETE_TASK, await stack.staffToken(), { accountId: 'acc_missing', taskKey: 'kickoff-call' }, url());
      expect(codeOf(result)).toBe('NOT_FOUND');
      expect(await storedCompletions()).toEqual([]);
    });
  });
});
