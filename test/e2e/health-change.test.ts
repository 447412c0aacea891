import { buildAccount, buildUser } from '../helpers/factories';
import { DAY_MS, healthRepository, recomputeAt } from '../helpers/health';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';
import { buildTicket, seedSupport } from '../helpers/support';

const CHANGE = `query($id: ID!, $since: DateTime!) {
  account(id: $id) {
    healthChange(since: $since) {
      dayThen dayNow scoreThen scoreNow delta bandThen bandNow
      components { key group contributionThen contributionNow delta scoreThen scoreNow reasonThen reasonNow }
    }
  }
}`;

const ALERTS = `query($first: Int, $after: String) {
  healthAlerts(first: $first, after: $after) {
    totalCount
    edges { cursor node { id day kinds account { id name } change { scoreThen scoreNow delta bandThen bandNow components { key delta reasonThen reasonNow } } createdAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('health history, change and alerts', () => {
  let stack: Stack;
  const account = buildAccount({ name: 'Dropping Co', segment: 'SMB' });
  const calm = buildAccount({ name: 'Calm Co', segment: 'SMB' });
  const requester = buildUser(account);
  const now = new Date();
  const yesterday = new Date(now.getTime() - DAY_MS);
  const lastWeek = new Date(now.getTime() - 7 * DAY_MS);

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [account, calm], [requester]);
    await recomputeAt(stack, lastWeek);
    await recomputeAt(stack, yesterday);
    // Overnight, three urgent tickets are opened.
    await seedSupport(stack, { tickets: [0, 1, 2].map(() => buildTicket(requester, { priority: 'URGENT', createdAt: now, updatedAt: now })) });
    const result = await stack.query<any>(`mutation { recomputeHealth { accountsScored alertsRaised } }`, { token: await stack.staffToken() });
    expect(result.data.recomputeHealth).toEqual({ accountsScored: 2, alertsRaised: 1 });
  });
  afterAll(() => stack.stop());

  it('explains a drop by the component that moved most, with both contributions and reasons', async () => {
    const result = await stack.query<any>(CHANGE, { token: await stack.staffToken(), variables: { id: account._id, since: yesterday.toISOString() } });
    expect(result.errors).toBeUndefined();
    const change = result.data.account.healthChange;
    expect(change.dayThen).toBe(yesterday.toISOString().slice(0, 10));
    expect(change.dayNow).toBe(now.toISOString().slice(0, 10));
    expect(change.delta).toBeCloseTo(change.scoreNow - change.scoreThen, 6);
    expect(change.delta).toBeLessThanOrEqual(-10);
    const [top] = change.components;
    expect(top).toMatchObject({ key: 'URGENT_TICKETS', group: 'SUPPORT', scoreThen: 100, scoreNow: 0, reasonThen: 'No urgent tickets open', reasonNow: '3 urgent tickets open' });
    expect(top.delta).toBeCloseTo(top.contributionNow - top.contributionThen, 6);
    expect(top.delta).toBeLessThan(0);
    const moves = change.components.map((component: any) => Math.abs(component.delta));
    expect(moves).toEqual([...moves].sort((a, b) => b - a));
  });

  it('compares with the newest snapshot on or before the given moment', async () => {
    const threeDaysAgo = new Date(now.getTime() - 3 * DAY_MS).toISOString();
    const result = await stack.query<any>(CHANGE, { token: await stack.staffToken(), variables: { id: account._id, since: threeDaysAgo } });
    expect(result.data.account.healthChange.dayThen).toBe(lastWeek.toISOString().slice(0, 10));
  });

  it('returns no change before the first snapshot', async () => {
    const result = await stack.query<any>(CHANGE, { token: await stack.staffToken(), variables: { id: account._id, since: new Date(now.getTime() - 30 * DAY_MS).toISOString() } });
    expect(result.errors).toBeUndefined();
    expect(result.data.account.healthChange).toBeNull();
  });

  it('lists one point per day with a snapshot within the asked days, oldest first', async () => {
    const token = await stack.staffToken();
    const week = await stack.query<any>(`query($id: ID!) { account(id: $id) { healthHistory(days: 8) { day score band } } }`, { token, variables: { id: account._id } });
    expect(week.data.account.healthHistory.map((point: any) => point.day)).toEqual([lastWeek, yesterday, now].map((date) => date.toISOString().slice(0, 10)));
    const twoDays = await stack.query<any>(`query($id: ID!) { account(id: $id) { healthHistory(days: 2) { day } } }`, { token, variables: { id: account._id } });
    expect(twoDays.data.account.healthHistory).toHaveLength(2);
  });

  it('raises one alert for the drop, explained, and none for the account that held steady', async () => {
    const result = await stack.query<any>(ALERTS, { token: await stack.staffToken() });
    expect(result.errors).toBeUndefined();
    const { totalCount, edges } = result.data.healthAlerts;
    expect(totalCount).toBe(1);
    const [alert] = edges;
    expect(alert.node).toMatchObject({ id: `${account._id}|${now.toISOString().slice(0, 10)}`, account: { id: account._id, name: 'Dropping Co' } });
    expect(alert.node.kinds).toContain('SCORE_DROP');
    expect(alert.node.change.components[0]).toMatchObject({ key: 'URGENT_TICKETS', reasonNow: '3 urgent tickets open' });
  });

  it('updates the day\'s alert instead of raising another when recomputed again', async () => {
    await stack.query(`mutation { recomputeHealth { accountsScored } }`, { token: await stack.staffToken() });
    expect(await healthRepository(stack).alerts.countDocuments()).toBe(1);
  });
});
