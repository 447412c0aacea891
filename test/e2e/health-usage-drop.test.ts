import { KEY_FEATURES } from '../../subgraphs/accounts/usage/key-features';
import { buildAccount, buildUser } from '../helpers/factories';
import { DAY_MS, recomputeAt } from '../helpers/health';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';
import { buildTicket, seedSupport } from '../helpers/support';
import { postSegment, segmentTrack } from '../helpers/usage';

const CHANGE = `query($id: ID!, $since: DateTime!) {
  account(id: $id) { healthChange(since: $since) { delta bandThen bandNow components { key group delta reasonThen reasonNow } } }
}`;

/**
 * The whole path a health drop takes: usage ingested through the Segment-compatible route,
 * signals read through the graph, and the change explained component by component.
 */
describe('a health drop produced by ingested usage and a new urgent ticket', () => {
  let stack: Stack;
  const account = buildAccount({ name: 'Fading Co', segment: 'SMB' });
  const users = Array.from({ length: 4 }, () => buildUser(account));
  const now = new Date();
  const tenDaysAgo = new Date(now.getTime() - 10 * DAY_MS);

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [account], users);
    // Busy five weeks ago (outside today's 30-day window): every user on every key feature.
    const batch = users.flatMap((user) =>
      [38, 36, 34, 32].flatMap((daysAgo) =>
        KEY_FEATURES.map((event) => segmentTrack(user._id, { event, timestamp: new Date(now.getTime() - daysAgo * DAY_MS).toISOString() })),
      ),
    );
    const ingested = await postSegment(stack, '/v1/batch', { batch }, { token: await stack.integrationToken(['usage:write']) });
    expect(ingested.status).toBe(200);
    expect(ingested.body).toMatchObject({ accepted: batch.length });
    await recomputeAt(stack, tenDaysAgo);
    // Since then: no usage at all, and an urgent ticket.
    await seedSupport(stack, { tickets: [buildTicket(users[0]!, { priority: 'URGENT', createdAt: now, updatedAt: now })] });
    await recomputeAt(stack, now);
  });
  afterAll(() => stack.stop());

  it('names the usage components and the urgent ticket as what moved, with their reasons', async () => {
    const result = await stack.query<any>(CHANGE, { token: await stack.staffToken(), variables: { id: account._id, since: tenDaysAgo.toISOString() } });
    expect(result.errors).toBeUndefined();
    const change = result.data.account.healthChange;
    expect(change.delta).toBeLessThan(-15);
    const byKey = new Map(change.components.map((component: any) => [component.key, component]));
    for (const key of ['USAGE_BREADTH', 'USAGE_FREQUENCY', 'URGENT_TICKETS']) expect((byKey.get(key) as any).delta).toBeLessThan(0);
    const topFour = change.components.slice(0, 4).map((component: any) => component.group);
    expect(topFour).toContain('USAGE');
    expect(topFour).toContain('SUPPORT');
    expect((byKey.get('USAGE_BREADTH') as any).reasonThen).toMatch(/100%/);
    expect((byKey.get('URGENT_TICKETS') as any).reasonNow).toBe('1 urgent ticket open');
  });
});
