import { rocAuc } from '../../subgraphs/accounts/health/backtest-auc';
import { renewalOutcomeAt } from '../../subgraphs/accounts/health/backtest-outcome';
import { summarizeBacktest, type ScoredOutcome } from '../../subgraphs/accounts/health/backtest';
import type { HealthSnapshotDocument } from '../../subgraphs/accounts/health/documents';
import { profileAccounts, type DomainContext } from '../../scripts/demo-data/context';
import { generateContractsDemoData, type ContractsDemoData } from '../../scripts/demo-data/contracts';
import { generateDemoData } from '../../scripts/demo-data/generate';
import { generateHealthHistoryDemoData } from '../../scripts/demo-data/health-history';
import { DAY_MS } from '../helpers/health';

const NOW = new Date('2026-05-01T09:00:00.000Z');

function demoContext(seed = 42, now = NOW): DomainContext {
  const base = generateDemoData({ seed, now, accounts: 40, teamScale: 1 });
  return { seed, now, scale: 'demo', ...base, profiles: profileAccounts(base.accounts, base.users, now) };
}

/** Each account's newest snapshot on or before `day`. */
function scoresOn(snapshots: readonly HealthSnapshotDocument[], day: string): Map<string, HealthSnapshotDocument> {
  const newest = new Map<string, HealthSnapshotDocument>();
  for (const snapshot of snapshots) {
    const current = newest.get(snapshot.accountId);
    if (snapshot.day <= day && (!current || snapshot.day > current.day)) newest.set(snapshot.accountId, snapshot);
  }
  return newest;
}

/**
 * The backtest as the service plays it: outcomes known at `outcomesKnownAt` (the demo's `now`,
 * or a later moment to also count the cancellations that take effect at period end).
 */
function demoBacktest(context: DomainContext, contracts: ContractsDemoData, snapshots: readonly HealthSnapshotDocument[], asOf: Date, outcomesKnownAt: Date) {
  const scores = scoresOn(snapshots, asOf.toISOString().slice(0, 10));
  const scored: ScoredOutcome[] = [];
  for (const profile of context.profiles) {
    const terms = contracts.contracts.filter((contract) => contract.accountId === profile.account._id);
    const outcome = renewalOutcomeAt(terms, asOf, outcomesKnownAt);
    const snapshot = scores.get(profile.account._id);
    if (outcome && snapshot) scored.push({ score: snapshot.score, band: snapshot.band, outcome });
  }
  return summarizeBacktest(asOf, scored, context.profiles.length - scored.length);
}

describe('demo health history', () => {
  const context = demoContext();
  const contracts = generateContractsDemoData(context);
  const { snapshots } = generateHealthHistoryDemoData(context, contracts);

  it('is the same for the same seed and clock', () => {
    const again = demoContext();
    expect(generateHealthHistoryDemoData(again, generateContractsDemoData(again))).toEqual({ snapshots });
  });

  it('differs with another seed', () => {
    const other = demoContext(7);
    expect(generateHealthHistoryDemoData(other, generateContractsDemoData(other)).snapshots).not.toEqual(snapshots);
  });

  it('holds monthly snapshots of customers only, for the last twelve months, none of them latest', () => {
    const customers = new Set(context.profiles.filter((profile) => profile.account.customerSince !== null).map((profile) => profile.account._id));
    expect(snapshots.length).toBeGreaterThan(customers.size * 6);
    expect(snapshots.every((snapshot) => snapshot.isLatest === false)).toBe(true);
    expect(snapshots.every((snapshot) => customers.has(snapshot.accountId))).toBe(true);
    const days = [...new Set(snapshots.map((snapshot) => snapshot.day))].sort();
    expect(days).toHaveLength(12);
    expect(new Date(days[0]!).getTime()).toBeGreaterThanOrEqual(NOW.getTime() - 366 * DAY_MS);
    expect(days.at(-1)! < NOW.toISOString().slice(0, 10)).toBe(true);
    expect(new Set(snapshots.map((snapshot) => snapshot._id)).size).toBe(snapshots.length);
    for (const snapshot of snapshots) {
      expect(snapshot._id).toBe(`${snapshot.accountId}|${snapshot.day}`);
      expect(snapshot.score).toBeGreaterThanOrEqual(0);
      expect(snapshot.score).toBeLessThanOrEqual(100);
      expect(snapshot.components.reduce((sum, component) => sum + component.contribution, 0)).toBeCloseTo(snapshot.score, 1);
    }
  });

  it('lets the scores a month before now predict the renewals that follow, well but not perfectly', () => {
    const asOf = new Date(NOW.getTime() - 30 * DAY_MS);
    const result = demoBacktest(context, contracts, snapshots, asOf, new Date(NOW.getTime() + 120 * DAY_MS));
    expect(result.churned).toBeGreaterThanOrEqual(2);
    expect(result.renewed).toBeGreaterThanOrEqual(5);
    expect(result.auc).toBeGreaterThan(0.7);
    expect(result.auc).toBeLessThan(1);
  });

  it('scores accounts that cancel lower than those that renew flat, across the whole history', () => {
    const cancelling = new Set(contracts.contracts.filter((contract) => contract.cancelAtPeriodEnd).map((contract) => contract.accountId));
    const latestDay = snapshots.reduce((max, snapshot) => (snapshot.day > max ? snapshot.day : max), '');
    const latest = snapshots.filter((snapshot) => snapshot.day === latestDay);
    const auc = rocAuc(
      latest.filter((snapshot) => cancelling.has(snapshot.accountId)).map((snapshot) => snapshot.score),
      latest.filter((snapshot) => !cancelling.has(snapshot.accountId)).map((snapshot) => snapshot.score),
    );
    expect(auc).toBeGreaterThan(0.7);
  });
});

describe('the live demo backtest', () => {
  it.each([42, 1, 7])('finds churn that already happened and scores it with a meaningful AUC (seed %i)', (seed) => {
    const context = demoContext(seed);
    const contracts = generateContractsDemoData(context);
    const { snapshots } = generateHealthHistoryDemoData(context, contracts);
    const asOf = new Date(NOW.getTime() - 180 * DAY_MS);
    const result = demoBacktest(context, contracts, snapshots, asOf, NOW);
    expect(result.churned).toBeGreaterThanOrEqual(2);
    expect(result.renewed).toBeGreaterThanOrEqual(5);
    expect(result.auc).not.toBeNull();
    expect(result.auc!).toBeGreaterThan(0.6);
  });
});
