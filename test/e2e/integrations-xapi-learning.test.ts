import { randomUUID } from 'node:crypto';
import { buildAccount, buildUser } from '../helpers/factories';
import { INTEGRATION_EVENT_FIELDS, baseUrlOf, sendRaw, waitForInboxEvent, type IntegrationEventView } from '../helpers/integrations';
import { buildCourse, learningRepository, seedLearning } from '../helpers/learning';
import { seedAccounts } from '../helpers/seed';
import { startStack, testConfig, type Stack } from '../helpers/stack';
import { xapiSample } from '../fixtures/xapi/samples';

const VERBS = 'http://adlnet.gov/expapi/verbs/';
const CMI5_PROGRESS = 'https://w3id.org/xapi/cmi5/result/extensions/progress';
const BASIC = `Basic ${Buffer.from('academy:1c6e0f5a-learning-records').toString('base64')}`;
const LEARNING = `query($id: ID!) {
  user(id: $id) { learning { xp enrollments { edges { node { progress status score startedAt completedAt course { id } } } } } }
}`;
const REPLAY = `mutation($id: ID!) { replayIntegrationEvent(id: $id) { ${INTEGRATION_EVENT_FIELDS} } }`;

describe('xAPI statements showing up in users\' learning', () => {
  let stack: Stack;
  const account = buildAccount();
  const joe = buildUser(account, { email: 'joe@example.com' });
  const learner = buildUser(account, { email: 'example.learner@adlnet.gov' });
  const creator = buildUser(account, { email: 'xapi@adlnet.gov' });
  const byLmsAccount = buildUser(account, {
    externalIds: [{ source: 'xapi', id: 'https://academy.example.com|learner-42' }],
    externalKeys: ['xapi:https://academy.example.com|learner-42'],
  });
  const withCourse = (activity: string, completionXp: number) =>
    buildCourse({ completionXp, externalIds: [{ source: 'xapi', id: activity }], externalKeys: [`xapi:${activity}`] });
  const exampleActivity = withCourse('http://www.example.com/activities/001', 100);
  const simpleCbt = withCourse('http://example.adlnet.gov/xapi/example/simpleCBT', 40);
  const analytics = withCourse('https://academy.example.com/courses/analytics-201', 250);

  beforeAll(async () => {
    stack = await startStack({
      config: testConfig({ HUB_XAPI_CREDENTIALS: 'academy:1c6e0f5a-learning-records', HUB_INBOX_POLL_MS: '100', HUB_INBOX_RETRY_BASE_MS: '10', HUB_INBOX_MAX_ATTEMPTS: '2' }),
    });
    await seedAccounts(stack, [account], [joe, learner, creator, byLmsAccount]);
    await seedLearning(stack, { courses: [exampleActivity, simpleCbt, analytics] });
  });
  afterAll(() => stack.stop());

  async function post(statement: object): Promise<string> {
    const response = await sendRaw(baseUrlOf(stack.gatewayUrl), '/xapi/statements', {
      headers: { 'content-type': 'application/json', 'x-experience-api-version': '1.0.3', authorization: BASIC },
      body: JSON.stringify(statement),
    });
    expect(response.status).toBe(200);
    const [id] = response.body as string[];
    return id ?? '';
  }

  /** Posts the statement and waits until the inbox has settled it. */
  async function deliver(statement: object): Promise<IntegrationEventView> {
    return waitForInboxEvent(stack, { source: 'XAPI', deliveryId: await post(statement) });
  }

  async function learningOf(user: { _id: string; accountId: string }) {
    // Read as the user, as the customer portal would.
    const result = await stack.query<any>(LEARNING, { token: await stack.customerToken(user.accountId, user._id), variables: { id: user._id } });
    expect(result.errors).toBeUndefined();
    return result.data.user.learning;
  }

  /** A statement by the LMS account `learner-42` about the analytics course. */
  const byLearner42 = (verb: string, day: number, result?: object) => ({
    id: randomUUID(),
    actor: { objectType: 'Agent', account: { homePage: 'https://academy.example.com', name: 'learner-42' } },
    verb: { id: `${VERBS}${verb}`, display: { 'en-US': verb } },
    object: { objectType: 'Activity', id: 'https://academy.example.com/courses/analytics-201' },
    ...(result ? { result } : {}),
    timestamp: `2026-02-${String(day).padStart(2, '0')}T10:00:00.000Z`,
  });

  it('completes Joe\'s course from the specification\'s completed example', async () => {
    expect(await deliver(xapiSample('xapi-statement-completed.json'))).toMatchObject({ status: 'APPLIED', result: expect.stringMatching(/^APPLIED: /) });
    expect(await learningOf(joe)).toEqual({
      xp: 100,
      enrollments: { edges: [{ node: { progress: 1, status: 'COMPLETED', score: null, startedAt: '2012-06-01T19:09:13.245Z', completedAt: '2012-06-01T19:09:13.245Z', course: { id: exampleActivity._id } } }] },
    });
  });

  it('completes the attempted example\'s course with its score of 95', async () => {
    expect(await deliver(xapiSample('xapi-statement-attempted-result.json'))).toMatchObject({ status: 'APPLIED' });
    expect((await learningOf(learner)).enrollments.edges[0].node).toMatchObject({ progress: 1, status: 'COMPLETED', score: 95, completedAt: '2015-12-18T12:17:00.000Z' });
  });

  it('moves progress with the exact values of progressed statements, then completes on passed', async () => {
    await deliver(byLearner42('progressed', 2, { extensions: { [CMI5_PROGRESS]: 35 } }));
    expect((await learningOf(byLmsAccount)).enrollments.edges[0].node).toMatchObject({ progress: 0.35, status: 'IN_PROGRESS', score: null, startedAt: '2026-02-02T10:00:00.000Z' });
    await deliver(byLearner42('progressed', 3, { score: { scaled: 0.7 } }));
    expect((await learningOf(byLmsAccount)).enrollments.edges[0].node).toMatchObject({ progress: 0.7, status: 'IN_PROGRESS' });
    await deliver(byLearner42('passed', 4, { score: { scaled: 0.92 }, success: true }));
    expect(await learningOf(byLmsAccount)).toEqual({
      xp: 250,
      enrollments: { edges: [{ node: { progress: 1, status: 'COMPLETED', score: 92, startedAt: '2026-02-02T10:00:00.000Z', completedAt: '2026-02-04T10:00:00.000Z', course: { id: analytics._id } } }] },
    });
  });

  it('stores a statement with an unknown verb and changes nothing', async () => {
    const sample = xapiSample('xapi-statement-simple-created.json');
    const event = await deliver(sample);
    expect(event).toMatchObject({ status: 'APPLIED', result: 'UNKNOWN_VERB: stored; the verb http://adlnet.gov/expapi/verbs/created does not change enrollments' });
    expect(await learningOf(creator)).toEqual({ xp: 0, enrollments: { edges: [] } });
    const stored = await stack.query<any>(`query($id: ID!) { learningStatement(id: $id) { verbId user { id } json } }`, { token: await stack.staffToken(), variables: { id: sample['id'] } });
    expect(stored.data.learningStatement).toMatchObject({ verbId: `${VERBS}created`, user: { id: creator._id } });
    expect(JSON.parse(stored.data.learningStatement.json)).toMatchObject(sample);
  });

  it('undoes a voided completion exactly, keeping the XP it earned as awards always are', async () => {
    const user = buildUser(account, { email: `voided-${randomUUID().slice(0, 8)}@example.com` });
    await seedAccounts(stack, [account], [joe, learner, creator, byLmsAccount, user]);
    const actor = { mbox: `mailto:${user.email}` };
    const statement = (verb: string, day: number, result?: object) => ({ ...byLearner42(verb, day, result), actor });
    await deliver(statement('progressed', 5, { extensions: { [CMI5_PROGRESS]: 40 } }));
    const completion = statement('completed', 6, { score: { scaled: 0.8 } });
    await deliver(completion);
    expect((await learningOf(user)).enrollments.edges[0].node).toMatchObject({ progress: 1, status: 'COMPLETED', score: 80 });
    const voiding = { actor: { account: { homePage: 'https://academy.example.com', name: 'lms-admin' } }, verb: { id: `${VERBS}voided` }, object: { objectType: 'StatementRef', id: completion.id } };
    expect(await deliver(voiding)).toMatchObject({ status: 'APPLIED', result: expect.stringMatching(/^VOIDING: voided statement /) });
    const learning = await learningOf(user);
    expect(learning.xp).toBe(250);
    expect(learning.enrollments.edges[0].node).toEqual({
      progress: 0.4,
      status: 'IN_PROGRESS',
      score: null,
      startedAt: '2026-02-05T10:00:00.000Z',
      completedAt: null,
      course: { id: analytics._id },
    });
  });

  it('changes an enrollment once for a statement sent twice or replayed', async () => {
    const user = buildUser(account, { email: `twice-${randomUUID().slice(0, 8)}@example.com` });
    await seedAccounts(stack, [account], [joe, learner, creator, byLmsAccount, user]);
    const statement = { ...byLearner42('progressed', 7, { extensions: { [CMI5_PROGRESS]: 60 } }), actor: { mbox: `mailto:${user.email}` } };
    const applied = await deliver(statement);
    const enrollment = await learningRepository(stack).enrollments.findOne({ userId: user._id });
    expect(enrollment).toMatchObject({ progress: 0.6 });
    expect(await post(statement)).toBe(statement.id);
    const replayed = await stack.query<any>(REPLAY, { token: await stack.staffToken(), variables: { id: applied.id } });
    expect(replayed.data.replayIntegrationEvent).toMatchObject({ status: 'APPLIED', result: expect.stringMatching(/^DUPLICATE: /) });
    expect(await learningRepository(stack).enrollments.findOne({ userId: user._id })).toEqual(enrollment);
  });

  it('keeps a statement of an unknown actor as failed, with the reason, and applies it on replay once the user exists', async () => {
    const email = `newcomer-${randomUUID().slice(0, 8)}@example.com`;
    const statement = { ...byLearner42('completed', 8), actor: { mbox: `mailto:${email}` } };
    const id = await post(statement);
    const failed = await waitForInboxEvent(stack, { source: 'XAPI', deliveryId: id }, { isDone: (event) => event.status === 'FAILED' });
    expect(failed).toMatchObject({ attempts: 2, lastError: expect.stringContaining(`No hub user matches the statement's actor (mailto:${email})`) });
    const newcomer = buildUser(account, { email });
    await seedAccounts(stack, [account], [joe, learner, creator, byLmsAccount, newcomer]);
    const replayed = await stack.query<any>(REPLAY, { token: await stack.staffToken(), variables: { id: failed.id } });
    expect(replayed.data.replayIntegrationEvent).toMatchObject({ status: 'APPLIED', result: expect.stringMatching(/^APPLIED: /) });
    expect((await learningOf(newcomer)).enrollments.edges[0].node).toMatchObject({ progress: 1, status: 'COMPLETED' });
  });
});
