import { loadHealthHistoryDemoData } from '../../subgraphs/accounts/health/demo';
import { buildContract, daysFromNow, seedContracts } from '../helpers/contracts';
import { buildAccount, buildUser } from '../helpers/factories';
import { buildSnapshot, healthRepository } from '../helpers/health';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

const BACKTEST = `query($asOf: DateTime!) {
  healthBacktest(asOf: $asOf) { asOf auc renewed churned excluded bands { band renewed churned churnRate } }
}`;

describe('health backtest through the gateway', () => {
  let stack: Stack;
  const asOf = daysFromNow(-60);
  const renewedOnTime = buildAccount({ name: 'Renewed On Time' });
  const autoRenewed = buildAccount({ name: 'Auto Renewed' });
  const expired = buildAccount({ name: 'Expired' });
  const cancelledHigh = buildAccount({ name: 'Cancelled Though Healthy' });
  const notYetDue = buildAccount({ name: 'Not Yet Due' });
  const neverScored = buildAccount({ name: 'Never Scored' });
  const user = buildUser(renewedOnTime);

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [renewedOnTime, autoRenewed, expired, cancelledHigh, notYetDue, neverScored], [user]);
    await seedContracts(stack, [
      buildContract(renewedOnTime._id, { status: 'EXPIRED', startDate: daysFromNow(-395), renewalDate: daysFromNow(-30) }),
      buildContract(renewedOnTime._id, { startDate: daysFromNow(-30), renewalDate: daysFromNow(335) }),
      buildContract(autoRenewed._id, { startDate: daysFromNow(-385), renewalDate: daysFromNow(-20) }),
      buildContract(expired._id, { status: 'EXPIRED', startDate: daysFromNow(-375), renewalDate: daysFromNow(-10), autoRenew: false }),
      buildContract(cancelledHigh._id, { startDate: daysFromNow(-370), renewalDate: daysFromNow(-5), cancelAtPeriodEnd: true, autoRenew: false }),
      buildContract(notYetDue._id),
      buildContract(neverScored._id, { status: 'EXPIRED', startDate: daysFromNow(-380), renewalDate: daysFromNow(-15) }),
    ]);
    // The newest snapshot on or before `asOf` counts; the later ones and older ones must not.
    const loaded = await loadHealthHistoryDemoData(stack, {
      snapshots: [
        buildSnapshot(renewedOnTime._id, daysFromNow(-70), { score: 85, band: 'HEALTHY' }),
        buildSnapshot(renewedOnTime._id, daysFromNow(-100), { score: 20, band: 'AT_RISK' }),
        buildSnapshot(autoRenewed._id, daysFromNow(-65), { score: 70, band: 'HEALTHY' }),
        buildSnapshot(expired._id, daysFromNow(-61), { score: 40, band: 'AT_RISK' }),
        buildSnapshot(expired._id, daysFromNow(-30), { score: 95, band: 'HEALTHY' }),
        buildSnapshot(cancelledHigh._id, daysFromNow(-90), { score: 78, band: 'HEALTHY' }),
        buildSnapshot(notYetDue._id, daysFromNow(-90), { score: 50, band: 'NEUTRAL' }),
        buildSnapshot(neverScored._id, daysFromNow(-30), { score: 10, band: 'AT_RISK' }),
      ],
    });
    expect(loaded).toBe(true);
  });
  afterAll(() => stack.stop());

  it('gives staff the AUC of the scores at the moment against the renewals that followed', async () => {
    const result = await stack.query<any>(BACKTEST, { token: await stack.staffToken(), variables: { asOf: asOf.toISOString() } });
    expect(result.errors).toBeUndefined();
    // Churned 40 and 78 against renewed 85 and 70: three of the four pairs ordered right.
    expect(result.data.healthBacktest).toEqual({
      asOf: asOf.toISOString(),
      auc: 0.75,
      renewed: 2,
      churned: 2,
      excluded: 2,
      bands: [
        { band: 'HEALTHY', renewed: 2, churned: 1, churnRate: 1 / 3 },
        { band: 'NEUTRAL', renewed: 0, churned: 0, churnRate: null },
        { band: 'AT_RISK', renewed: 0, churned: 1, churnRate: 1 },
      ],
    });
  });

  it('answers integrations with accounts:read', async () => {
    const result = await stack.query<any>(BACKTEST, { token: await stack.integrationToken(['accounts:read']), variables: { asOf: asOf.toISOString() } });
    expect(result.errors).toBeUndefined();
    expect(result.data.healthBacktest.auc).toBe(0.75);
  });

  it('has no AUC before any renewal outcome is known', async () => {
    const result = await stack.query<any>(BACKTEST, { token: await stack.staffToken(), variables: { asOf: daysFromNow(-2).toISOString() } });
    expect(result.errors).toBeUndefined();
    expect(result.data.healthBacktest).toMatchObject({ auc: null, renewed: 0, churned: 0, excluded: 6 });
  });

  it.each([
    ['through the gateway', () => undefined],
    ['at the accounts subgraph', () => stack.subgraphUrls['accounts']],
  ])('refuses a customer %s', async (_name, url) => {
    const target = url();
    const result = await stack.query<any>(BACKTEST, {
      token: await stack.customerToken(renewedOnTime._id, user._id),
      variables: { asOf: asOf.toISOString() },
      ...(target ? { url: target } : {}),
    });
    expect(result.data?.healthBacktest ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('refuses integrations without accounts:read', async () => {
    const result = await stack.query<any>(BACKTEST, { token: await stack.integrationToken(['support:read']), variables: { asOf: asOf.toISOString() } });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it.each([
    ['the gateway', () => undefined],
    ['the accounts subgraph', () => stack.subgraphUrls['accounts']],
  ])('refuses a request without a token at %s', async (_name, url) => {
    const target = url();
    const result = await stack.query<any>(BACKTEST, { token: null, variables: { asOf: asOf.toISOString() }, ...(target ? { url: target } : {}) });
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('refuses a moment in the future, naming asOf', async () => {
    const result = await stack.query<any>(BACKTEST, { token: await stack.staffToken(), variables: { asOf: daysFromNow(1).toISOString() } });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result.errors)).toContain('asOf');
  });

  it.each([['not a date'], ['2026-13-45T00:00:00Z'], [12345]])('refuses %p as a DateTime', async (asOfValue) => {
    const result = await stack.query<any>(BACKTEST, { token: await stack.staffToken(), variables: { asOf: asOfValue } });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('keeps history out of the latest-score reads, before and after a recompute', async () => {
    const staff = await stack.staffToken();
    const before = await stack.query<any>(`{ accountsByHealth(first: 100) { totalCount } healthDistribution { total } account(id: "${expired._id}") { health { score } } }`, { token: staff });
    expect(before.errors).toBeUndefined();
    expect(before.data).toEqual({ accountsByHealth: { totalCount: 0 }, healthDistribution: { total: 0 }, account: { health: null } });

    const recomputed = await stack.query<any>(`mutation { recomputeHealth { accountsScored } }`, { token: staff });
    expect(recomputed.errors).toBeUndefined();
    const today = new Date().toISOString().slice(0, 10);
    const after = await stack.query<any>(
      `{ accountsByHealth(first: 100) { totalCount edges { health { day } } } healthAlerts(first: 100) { totalCount } account(id: "${expired._id}") { health { day } healthHistory(days: 365) { day } } }`,
      { token: staff },
    );
    expect(after.errors).toBeUndefined();
    expect(after.data.accountsByHealth.totalCount).toBe(6);
    expect(after.data.accountsByHealth.edges.every((edge: any) => edge.health.day === today)).toBe(true);
    expect(after.data.healthAlerts.totalCount).toEqual(expect.any(Number));
    expect(after.data.account.health.day).toBe(today);
    expect(after.data.account.healthHistory.map((point: any) => point.day)).toHaveLength(3);
    expect(await healthRepository(stack).snapshots.countDocuments({ isLatest: true })).toBe(6);
  });

  it('loads demo history only into an empty snapshot collection', async () => {
    expect(await loadHealthHistoryDemoData(stack, { snapshots: [buildSnapshot(notYetDue._id, daysFromNow(-200))] })).toBe(false);
  });
});
