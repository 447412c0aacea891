import type { AccountDocument, UserDocument } from '../../subgraphs/accounts/model';
import { buildMember, buildPost, seedCommunity } from '../helpers/community';
import { buildContract, daysFromNow, seedContracts, seatLicence } from '../helpers/contracts';
import { buildAccount, buildUser } from '../helpers/factories';
import { buildSnapshot, healthRepository } from '../helpers/health';
import { setHealthBand } from '../helpers/journey';
import { buildCourse, buildEnrollment, buildLearner, seedLearning } from '../helpers/learning';
import { seedAccounts } from '../helpers/seed';
import { startStack, testConfig, type Stack } from '../helpers/stack';
import { daysAgo } from '../helpers/time';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';

const CREATE = `mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { subscription { id } } }`;
const SCAN = `mutation { scanWebhookEvents { eventsAnnounced deliveriesQueued accountsBaselined failures } }`;
const PAYLOADS = `query($id: ID!) { webhookDeliveries(subscriptionId: $id, first: 100) { edges { node { eventId eventType payloadJson } } } }`;
const ALL_EVENT_TYPES = ['HEALTH_BAND_CHANGED', 'HEALTH_DROPPED', 'USER_DORMANT', 'RENEWAL_UPCOMING', 'COMMUNITY_PROMOTER'];

/** A user last seen yesterday unless told otherwise: not dormant. */
const person = (account: AccountDocument, overrides: Partial<UserDocument> = {}) => buildUser(account, { firstSeenAt: daysAgo(300), lastSeenAt: daysAgo(1), ...overrides });

describe('finding the facts to announce through the graph', () => {
  let stack: Stack;
  let staff: string;
  let receiver: WebhookReceiver;
  let subscriptionId: string;

  const hooli = buildAccount({ name: 'Hooli' });
  const sleepyCo = buildAccount({ name: 'Sleepy Co' });
  const renewing = buildAccount({ name: 'Renewing Inc' });
  const sliding = buildAccount({ name: 'Sliding Ltd' });
  const star = person(hooli, { persona: 'ADMIN' });
  const sleeper = person(sleepyCo, { lastSeenAt: daysAgo(45) });
  const soonContract = buildContract(renewing._id, { renewalDate: daysFromNow(60), lineItems: [seatLicence({ seats: 10, unitPriceMinor: 48_000 })] });
  const laterContract = buildContract(sliding._id, { renewalDate: daysFromNow(200) });
  const courses = [buildCourse(), buildCourse(), buildCourse()];
  const starMember = buildMember(star);
  const story = buildPost(starMember, { type: 'CUSTOMER_STORY', title: 'How Hooli automated renewals' });

  async function setScore(account: AccountDocument, score: number) {
    const now = new Date();
    await healthRepository(stack).writeSnapshots([buildSnapshot(account._id, now, { isLatest: true, score, band: 'HEALTHY' })], now.toISOString().slice(0, 10));
  }
  const asStaff = (query: string, variables: Record<string, unknown> = {}) => stack.query<any>(query, { token: staff, variables });
  const scan = async () => (await asStaff(SCAN)).data.scanWebhookEvents;
  /** Every payload sent to the subscription of this type, as the receiver parses it. */
  async function payloadsOf(type: string) {
    const result = await asStaff(PAYLOADS, { id: subscriptionId });
    return result.data.webhookDeliveries.edges
      .map((edge: any) => JSON.parse(edge.node.payloadJson))
      .filter((body: { type: string }) => body.type === type)
      .map((body: { data: unknown }) => body.data);
  }

  beforeAll(async () => {
    stack = await startStack({ config: testConfig({ HUB_OUTBOUND_SCAN_MS: '0' }) });
    staff = await stack.staffToken();
    await seedAccounts(stack, [hooli, sleepyCo, renewing, sliding], [star, sleeper]);
    await seedContracts(stack, [soonContract, laterContract]);
    await setHealthBand(stack, hooli._id, 'HEALTHY');
    await setScore(sliding, 90);
    await seedLearning(stack, {
      courses,
      learners: [buildLearner(star)],
      enrollments: courses.map((course) => buildEnrollment(star, course, { status: 'COMPLETED', completedAt: daysAgo(20) })),
    });
    await seedCommunity(stack, { members: [starMember], posts: [story] });
    receiver = await startWebhookReceiver();
    const created = await asStaff(CREATE, { input: { url: receiver.url, events: ALL_EVENT_TYPES } });
    subscriptionId = created.data.createWebhookSubscription.subscription.id;
  });
  afterAll(async () => {
    await stack.stop();
    await receiver.close();
  });

  it('announces the dormant user, the renewal and the promoter on the first scan, and only records health', async () => {
    expect(await scan()).toEqual({ eventsAnnounced: 3, deliveriesQueued: 3, accountsBaselined: 2, failures: [] });
    await receiver.waitForRequests(3);
  });

  it('sends user.dormant with who the user is, since when and what to suggest', async () => {
    expect(await payloadsOf('user.dormant')).toEqual([
      {
        userId: sleeper._id,
        email: sleeper.email,
        name: sleeper.name,
        accountId: sleepyCo._id,
        accountName: 'Sleepy Co',
        lastActiveAt: sleeper.lastSeenAt!.toISOString(),
        inactiveDays: 45,
        suggestedFeatures: [],
      },
    ]);
  });

  it('sends renewal.upcoming for the contract ending within 90 days only, with its terms', async () => {
    expect(await payloadsOf('renewal.upcoming')).toEqual([
      {
        contractId: soonContract._id,
        accountId: renewing._id,
        accountName: 'Renewing Inc',
        renewalDate: soonContract.renewalDate.toISOString(),
        daysToRenewal: 60,
        autoRenew: true,
        cancelAtPeriodEnd: false,
        arr: { amountMinor: 480_000, currency: 'USD' },
      },
    ]);
  });

  it('sends community.promoter with the score and the evidence behind it', async () => {
    expect(await payloadsOf('community.promoter')).toEqual([
      {
        userId: star._id,
        email: star.email,
        name: star.name,
        accountId: hooli._id,
        accountName: 'Hooli',
        // 3 completed courses × 1 + 1 customer story × 5
        score: 8,
        evidence: ['Account health HEALTHY (80)', 'Completed 3 courses', "Wrote the customer story 'How Hooli automated renewals'"],
      },
    ]);
  });

  it('announces each fact once: a second scan finds nothing new', async () => {
    expect(await scan()).toEqual({ eventsAnnounced: 0, deliveriesQueued: 0, accountsBaselined: 0, failures: [] });
  });

  it('adds up a slow slide of the score into one health.dropped once it reaches 10 points', async () => {
    await setScore(sliding, 84);
    expect(await scan()).toMatchObject({ eventsAnnounced: 0 });
    await setScore(sliding, 79);
    expect(await scan()).toMatchObject({ eventsAnnounced: 1, deliveriesQueued: 1 });
    expect(await payloadsOf('health.dropped')).toEqual([{ accountId: sliding._id, name: 'Sliding Ltd', from: 90, to: 79, drop: 11, band: 'HEALTHY' }]);
    expect(await payloadsOf('health.band_changed')).toEqual([]);
  });

  it('announces a contract again when its term end moves: a new term', async () => {
    const moved = { ...soonContract, renewalDate: daysFromNow(80) };
    await seedContracts(stack, [moved]);
    expect(await scan()).toMatchObject({ eventsAnnounced: 1 });
    const renewals = await payloadsOf('renewal.upcoming');
    expect(renewals.map((data: any) => [data.contractId, data.daysToRenewal])).toEqual(
      expect.arrayContaining([
        [soonContract._id, 60],
        [soonContract._id, 80],
      ]),
    );
    expect(renewals).toHaveLength(2);
  });
});
