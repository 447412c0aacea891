import { randomUUID } from 'node:crypto';
import { subgraphDatabase } from '../../subgraphs/kit/subgraph-service';
import { StatementsRepository } from '../../subgraphs/learning/statements/repository';
import { buildAccount, buildUser } from '../helpers/factories';
import { buildCourse, countLearningDocuments, learningRepository, seedLearning } from '../helpers/learning';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

const VERBS = 'http://adlnet.gov/expapi/verbs/';
const RECORD = `mutation($statements: [LearningStatementInput!]!) {
  recordLearningStatements(statements: $statements) {
    statementId outcome message
    enrollment { id progress status score startedAt completedAt lastActivityAt course { id } user { id } }
  }
}`;
const LEARNING = `query($id: ID!) {
  user(id: $id) { learning { xp enrollments { edges { node { progress status score startedAt completedAt course { id } } } } } }
}`;

describe('recording xAPI statements in the learning subgraph', () => {
  let stack: Stack;
  const account = buildAccount();
  const other = buildAccount();
  const activityOf = (name: string) => `https://lms.example.com/courses/${name}`;
  const onboarding = buildCourse({ completionXp: 120, externalIds: [{ source: 'xapi', id: activityOf('onboarding') }], externalKeys: [`xapi:${activityOf('onboarding')}`] });
  const reporting = buildCourse({ completionXp: 80, externalIds: [{ source: 'xapi', id: activityOf('reporting') }], externalKeys: [`xapi:${activityOf('reporting')}`] });
  const archived = buildCourse({ archivedAt: new Date('2025-12-01T00:00:00Z'), externalIds: [{ source: 'xapi', id: activityOf('old') }], externalKeys: [`xapi:${activityOf('old')}`] });

  beforeAll(async () => {
    stack = await startStack();
    await seedLearning(stack, { courses: [onboarding, reporting, archived] });
  });
  afterAll(() => stack.stop());

  const statements = () => new StatementsRepository(subgraphDatabase(stack, 'learning'));

  async function newUser(of = account) {
    const user = buildUser(of);
    await seedAccounts(stack, [account, other], [user]);
    return user;
  }

  /** A statement input by `user` about `activity`, happening on the given February day. */
  function statement(user: { _id: string; accountId: string }, verb: string, activity: string, day: number, extra: Record<string, unknown> = {}) {
    const id = randomUUID();
    const timestamp = new Date(Date.UTC(2026, 1, day, 9)).toISOString();
    return {
      id,
      userId: user._id,
      accountId: user.accountId,
      verbId: `${VERBS}${verb}`,
      activityId: activity,
      timestamp,
      stored: '2026-03-01T00:00:00.000Z',
      json: JSON.stringify({ id, actor: { mbox: `mailto:${user._id}@example.com` }, verb: { id: `${VERBS}${verb}` }, object: { id: activity }, timestamp, ...extra }),
      ...extra,
    };
  }

  function voiding(targetId: string, user: { _id: string; accountId: string } | null = null) {
    const id = randomUUID();
    const json = { id, actor: { mbox: 'mailto:lms-admin@example.com' }, verb: { id: `${VERBS}voided` }, object: { objectType: 'StatementRef', id: targetId } };
    return { id, verbId: `${VERBS}voided`, voidedStatementId: targetId, timestamp: '2026-02-20T00:00:00.000Z', stored: '2026-03-01T00:00:00.000Z', json: JSON.stringify(json), ...(user ? { userId: user._id, accountId: user.accountId } : {}) };
  }

  async function record(inputs: unknown[], token?: string) {
    const result = await stack.query<any>(RECORD, { token: token ?? (await stack.integrationToken(['learning:write'])), variables: { statements: inputs } });
    expect(result.errors).toBeUndefined();
    return result.data.recordLearningStatements as any[];
  }

  async function learningOf(userId: string) {
    const result = await stack.query<any>(LEARNING, { token: await stack.staffToken(), variables: { id: userId } });
    expect(result.errors).toBeUndefined();
    return result.data.user.learning;
  }

  it('enrolls on progressed, moves progress with exact values, and completes on passed with its score and XP', async () => {
    const user = await newUser();
    const activity = activityOf('onboarding');
    const [first] = await record([statement(user, 'progressed', activity, 2, { result: { progress: 0.4 } })]);
    expect(first).toMatchObject({ outcome: 'APPLIED', enrollment: { progress: 0.4, status: 'IN_PROGRESS', score: null, startedAt: '2026-02-02T09:00:00.000Z', completedAt: null, course: { id: onboarding._id }, user: { id: user._id } } });
    await record([statement(user, 'progressed', activity, 3, { result: { scoreScaled: 0.65 } })]);
    const [passed] = await record([statement(user, 'passed', activity, 4, { result: { scoreScaled: 0.85, success: true } })]);
    expect(passed.enrollment).toMatchObject({ progress: 1, status: 'COMPLETED', score: 85, completedAt: '2026-02-04T09:00:00.000Z' });
    expect(await learningOf(user._id)).toEqual({
      xp: 120,
      enrollments: { edges: [{ node: { progress: 1, status: 'COMPLETED', score: 85, startedAt: '2026-02-02T09:00:00.000Z', completedAt: '2026-02-04T09:00:00.000Z', course: { id: onboarding._id } } }] },
    });
  });

  it('records completed, failed, attempted and experienced as the specification\'s verbs mean them', async () => {
    const user = await newUser();
    const [attempted, failed] = await record([
      statement(user, 'attempted', activityOf('reporting'), 2),
      statement(user, 'failed', activityOf('reporting'), 3, { result: { scoreRaw: 9, scoreMin: 0, scoreMax: 20, success: false } }),
    ]);
    expect(attempted.enrollment).toMatchObject({ progress: 0, status: 'ENROLLED', lastActivityAt: '2026-02-02T09:00:00.000Z' });
    expect(failed.enrollment).toMatchObject({ progress: 0, status: 'ENROLLED', score: 45 });
    const [experienced, completed] = await record([
      statement(user, 'experienced', activityOf('onboarding'), 5),
      statement(user, 'completed', activityOf('onboarding'), 6),
    ]);
    expect(experienced).toMatchObject({ outcome: 'APPLIED', enrollment: { progress: 0 } });
    expect(completed.enrollment).toMatchObject({ progress: 1, status: 'COMPLETED', score: null, completedAt: '2026-02-06T09:00:00.000Z' });
  });

  it('stores a statement with an unknown verb without changing any enrollment', async () => {
    const user = await newUser();
    const before = await countLearningDocuments(stack);
    const input = statement(user, 'attended', activityOf('onboarding'), 2, { result: { completion: true } });
    const [result] = await record([input]);
    expect(result).toMatchObject({ outcome: 'UNKNOWN_VERB', enrollment: null });
    expect(await countLearningDocuments(stack)).toEqual(before);
    const stored = await stack.query<any>(`query($id: ID!) { learningStatement(id: $id) { id verbId activityId user { id } course { id } progress isVoided json } }`, {
      token: await stack.staffToken(),
      variables: { id: input.id },
    });
    expect(stored.data.learningStatement).toEqual({
      id: input.id,
      verbId: `${VERBS}attended`,
      activityId: activityOf('onboarding'),
      user: { id: user._id },
      course: { id: onboarding._id },
      progress: null,
      isVoided: false,
      json: input.json,
    });
  });

  it('stores a statement about an activity of no course, or of an archived course the user never took, and says so', async () => {
    const user = await newUser();
    const [unknown, old] = await record([statement(user, 'completed', 'https://lms.example.com/courses/unknown', 2), statement(user, 'completed', activityOf('old'), 2)]);
    expect(unknown).toMatchObject({ outcome: 'NO_COURSE', enrollment: null, message: 'stored; no course carries the activity https://lms.example.com/courses/unknown as its xapi external id' });
    expect(old).toMatchObject({ outcome: 'NO_COURSE', message: `stored; course ${archived._id} is archived and takes no new enrollments` });
    expect(await learningRepository(stack).enrollments.countDocuments({ userId: user._id })).toBe(0);
    expect(await statements().statements.countDocuments({ userId: user._id })).toBe(2);
  });

  it('undoes a voided statement exactly, back to no progress at all', async () => {
    const user = await newUser();
    const activity = activityOf('reporting');
    const progressed = statement(user, 'progressed', activity, 2, { result: { progress: 0.3 } });
    const quiz = statement(user, 'experienced', activity, 3, { result: { scoreScaled: 0.5 } });
    const completed = statement(user, 'completed', activity, 4, { result: { scoreScaled: 0.9 } });
    await record([progressed, quiz, completed]);
    const [undoCompletion] = await record([voiding(completed.id)]);
    expect(undoCompletion).toMatchObject({ outcome: 'VOIDING', message: expect.stringContaining(`voided statement ${completed.id}`) });
    expect(undoCompletion.enrollment).toMatchObject({ progress: 0.3, status: 'IN_PROGRESS', score: 50, startedAt: '2026-02-02T09:00:00.000Z', completedAt: null, lastActivityAt: '2026-02-03T09:00:00.000Z' });
    const [, , undoProgress] = await record([voiding(quiz.id), voiding(progressed.id), voiding(progressed.id)]);
    expect(undoProgress.enrollment).toMatchObject({ progress: 0, status: 'ENROLLED', score: null, startedAt: null, completedAt: null });
    expect(await statements().findById(progressed.id)).toMatchObject({ isVoided: true });
  });

  it('voids a statement that arrives after its voiding statement, so it changes nothing', async () => {
    const user = await newUser();
    const late = statement(user, 'completed', activityOf('onboarding'), 5);
    const [voided] = await record([voiding(late.id)]);
    expect(voided).toMatchObject({ outcome: 'VOIDING', message: `statement ${late.id} is not stored yet; it will be stored voided when it arrives` });
    const [arrived] = await record([statement(user, 'progressed', activityOf('onboarding'), 4, { result: { progress: 0.2 } }), late]);
    expect(arrived.enrollment.progress).toBe(0.2);
    const [result] = await record([late]);
    expect(result).toMatchObject({ outcome: 'DUPLICATE', enrollment: { progress: 0.2, status: 'IN_PROGRESS' } });
    expect(await statements().findById(late.id)).toMatchObject({ isVoided: true, voidedBy: voided.statementId });
  });

  it('changes nothing a second time for a statement sent twice, and refuses another statement under its id', async () => {
    const user = await newUser();
    const progressed = statement(user, 'progressed', activityOf('onboarding'), 2, { result: { progress: 0.5 } });
    const [first] = await record([progressed]);
    const afterFirst = await learningRepository(stack).findEnrollmentById(first.enrollment.id);
    const [again] = await record([progressed]);
    expect(again).toMatchObject({ outcome: 'DUPLICATE', enrollment: { id: first.enrollment.id, progress: 0.5 } });
    expect(await learningRepository(stack).findEnrollmentById(first.enrollment.id)).toEqual(afterFirst);
    const impostor = { ...statement(user, 'completed', activityOf('onboarding'), 3), id: progressed.id };
    impostor.json = JSON.stringify({ ...JSON.parse(impostor.json), id: progressed.id });
    const [conflict] = await record([impostor]);
    expect(conflict).toMatchObject({ outcome: 'CONFLICT', enrollment: null });
    expect(await learningRepository(stack).findEnrollmentById(first.enrollment.id)).toEqual(afterFirst);
    expect(await statements().findById(progressed.id)).toMatchObject({ verbId: `${VERBS}progressed` });
  });

  it('keeps progress recorded directly when a statement is voided', async () => {
    const user = await newUser();
    const staff = await stack.staffToken();
    const enrolled = await stack.query<any>(`mutation($input: EnrollInput!) { enroll(input: $input) { id } }`, {
      token: staff,
      variables: { input: { courseId: reporting._id, userId: user._id, accountId: user.accountId } },
    });
    const enrollmentId = enrolled.data.enroll.id;
    await stack.query(`mutation($input: RecordProgressInput!) { recordProgress(input: $input) { id } }`, { token: staff, variables: { input: { enrollmentId, progress: 0.25 } } });
    const ahead = statement(user, 'progressed', activityOf('reporting'), 2, { result: { progress: 0.8 } });
    const [applied] = await record([ahead]);
    expect(applied.enrollment).toMatchObject({ id: enrollmentId, progress: 0.8 });
    await stack.query(`mutation($input: RecordProgressInput!) { recordProgress(input: $input) { id } }`, { token: staff, variables: { input: { enrollmentId, progress: 0.5 } } });
    const [undone] = await record([voiding(ahead.id)]);
    expect(undone.enrollment).toMatchObject({ id: enrollmentId, progress: 0.5, status: 'IN_PROGRESS' });
  });

  it('refuses a statement whose user belongs to another account than their learning', async () => {
    const user = await newUser();
    await record([statement(user, 'attempted', activityOf('onboarding'), 2)]);
    const result = await stack.query<any>(RECORD, {
      token: await stack.staffToken(),
      variables: { statements: [statement({ _id: user._id, accountId: other._id }, 'completed', activityOf('reporting'), 3)] },
    });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
  });

  describe('who may record and read statements', () => {
    it('lets staff record statements', async () => {
      const user = await newUser();
      const [result] = await record([statement(user, 'completed', activityOf('reporting'), 2)], await stack.staffToken());
      expect(result.outcome).toBe('APPLIED');
    });

    it.each([
      ['a customer, even about themselves', async (user: { _id: string; accountId: string }) => stack.customerToken(user.accountId, user._id)],
      ['an integration with learning:read only', async () => stack.integrationToken(['learning:read'])],
    ])('refuses %s with FORBIDDEN, storing nothing', async (_name, tokenFor) => {
      const user = await newUser();
      const input = statement(user, 'completed', activityOf('reporting'), 2);
      const result = await stack.query(RECORD, { token: await tokenFor(user), variables: { statements: [input] } });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect(await statements().findById(input.id)).toBeNull();
    });

    it('shows stored statements to staff and learning:read integrations, never to customers', async () => {
      const user = await newUser();
      const input = statement(user, 'completed', activityOf('reporting'), 2);
      await record([input]);
      const read = (token: string) => stack.query<any>(`query($id: ID!) { learningStatement(id: $id) { id } }`, { token, variables: { id: input.id } });
      expect((await read(await stack.staffToken())).data.learningStatement).toEqual({ id: input.id });
      expect((await read(await stack.integrationToken(['learning:read']))).data.learningStatement).toEqual({ id: input.id });
      const customer = await read(await stack.customerToken(user.accountId, user._id));
      expect(customer.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect(customer.data?.learningStatement ?? null).toBeNull();
    });
  });

  describe('bad input', () => {
    it.each([
      ['a statement without user', (input: any) => ({ ...input, userId: undefined, accountId: undefined }), 'statements.0.userId'],
      ['a user without account', (input: any) => ({ ...input, accountId: undefined }), 'statements.0.accountId'],
      ['a verb that is no IRI', (input: any) => ({ ...input, verbId: 'completed' }), 'statements.0.verbId'],
      ['an id that is no UUID', (input: any) => ({ ...input, id: 'stmt-1' }), 'statements.0.id'],
      ['a progress above 1', (input: any) => ({ ...input, result: { progress: 1.2 } }), 'statements.0.result.progress'],
      ['JSON that is no object', (input: any) => ({ ...input, json: '[1, 2]' }), 'statements.0.json'],
      ['JSON naming another id', (input: any) => ({ ...input, json: JSON.stringify({ id: randomUUID() }) }), 'statements.0.json.id'],
      ['a voided statement id on another verb', (input: any) => ({ ...input, voidedStatementId: randomUUID() }), 'statements.0.voidedStatementId'],
    ])('refuses %s with BAD_USER_INPUT naming the field, storing nothing', async (_name, change, field) => {
      const user = await newUser();
      const good = statement(user, 'completed', activityOf('onboarding'), 2);
      const before = await statements().statements.countDocuments();
      const result = await stack.query(RECORD, { token: await stack.staffToken(), variables: { statements: [change(good)] } });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await statements().statements.countDocuments()).toBe(before);
      expect(await learningRepository(stack).enrollments.countDocuments({ userId: user._id })).toBe(0);
    });

    it('refuses a call naming one statement twice, storing none of it', async () => {
      const user = await newUser();
      const input = statement(user, 'completed', activityOf('onboarding'), 2);
      const result = await stack.query(RECORD, { token: await stack.staffToken(), variables: { statements: [statement(user, 'attempted', activityOf('reporting'), 1), input, input] } });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'statements.2.id' });
      expect(await statements().statements.countDocuments({ userId: user._id })).toBe(0);
    });

    it('refuses a statement id that is no UUID when reading', async () => {
      const result = await stack.query(`{ learningStatement(id: "x") { id } }`, { token: await stack.staffToken() });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    });
  });
});
