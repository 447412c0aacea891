import { rocAuc } from '../../subgraphs/accounts/health/backtest-auc';
import { renewalOutcomeAt, type ContractTermFacts } from '../../subgraphs/accounts/health/backtest-outcome';
import { summarizeBacktest } from '../../subgraphs/accounts/health/backtest';
import { DAY_MS } from '../helpers/health';

const NOW = new Date('2026-05-01T00:00:00.000Z');
const AS_OF = new Date(NOW.getTime() - 90 * DAY_MS);
const day = (offset: number) => new Date(NOW.getTime() + offset * DAY_MS);

function term(overrides: Partial<ContractTermFacts> = {}): ContractTermFacts {
  return { status: 'EXPIRED', startDate: day(-400), renewalDate: day(-35), autoRenew: true, cancelAtPeriodEnd: false, cancelledAt: null, ...overrides };
}

describe('ROC AUC', () => {
  it('is 1 when every churned account scored below every renewed one', () => {
    expect(rocAuc([10, 20, 30], [40, 50])).toBe(1);
  });

  it('is 0 when every churned account scored above every renewed one', () => {
    expect(rocAuc([60, 70], [10, 20, 30])).toBe(0);
  });

  it('counts ties as half a pair', () => {
    expect(rocAuc([50, 50], [50, 50, 50])).toBe(0.5);
    // Pairs (churned, renewed): (10,20) won, (10,10) tie, (30,20) lost, (30,10) lost → 1.5 / 4.
    expect(rocAuc([10, 30], [20, 10])).toBe(0.375);
  });

  it('matches counting every pair by hand', () => {
    const churned = [12, 40, 55, 55, 71];
    const renewed = [30, 55, 60, 80, 90, 12];
    let won = 0;
    for (const c of churned) for (const r of renewed) won += r > c ? 1 : r === c ? 0.5 : 0;
    expect(rocAuc(churned, renewed)).toBeCloseTo(won / (churned.length * renewed.length), 12);
  });

  it('is null when either outcome never occurred', () => {
    expect(rocAuc([], [10, 20])).toBeNull();
    expect(rocAuc([10], [])).toBeNull();
  });
});

describe('renewal outcome after a moment', () => {
  it('is RENEWED when a following term started at the renewal', () => {
    expect(renewalOutcomeAt([term(), term({ status: 'ACTIVE', startDate: day(-35), renewalDate: day(330) })], AS_OF, NOW)).toBe('RENEWED');
  });

  it('is RENEWED when the term in force is still ACTIVE and auto-renewed past its renewal date', () => {
    expect(renewalOutcomeAt([term({ status: 'ACTIVE' })], AS_OF, NOW)).toBe('RENEWED');
  });

  it('is CHURNED when the term expired with no following term', () => {
    expect(renewalOutcomeAt([term()], AS_OF, NOW)).toBe('CHURNED');
  });

  it('is CHURNED when the term was cancelled at period end and its end has passed', () => {
    expect(renewalOutcomeAt([term({ status: 'ACTIVE', cancelAtPeriodEnd: true, autoRenew: false })], AS_OF, NOW)).toBe('CHURNED');
  });

  it('is CHURNED when the term was cancelled outright after the moment, even before its renewal date', () => {
    expect(renewalOutcomeAt([term({ status: 'CANCELLED', renewalDate: day(100), cancelledAt: day(-20) })], AS_OF, NOW)).toBe('CHURNED');
  });

  it('is unknown while the renewal date is still ahead', () => {
    expect(renewalOutcomeAt([term({ status: 'ACTIVE', renewalDate: day(20) })], AS_OF, NOW)).toBeNull();
    expect(renewalOutcomeAt([term({ status: 'ACTIVE', renewalDate: day(20), cancelAtPeriodEnd: true })], AS_OF, NOW)).toBeNull();
  });

  it('is unknown when no term was in force at the moment', () => {
    expect(renewalOutcomeAt([term({ startDate: day(-60), renewalDate: day(-10) })], AS_OF, NOW)).toBeNull();
    expect(renewalOutcomeAt([term({ status: 'PENDING' })], AS_OF, NOW)).toBeNull();
    expect(renewalOutcomeAt([], AS_OF, NOW)).toBeNull();
  });

  it('is unknown when an ACTIVE term without auto-renewal has passed its end unrecorded', () => {
    expect(renewalOutcomeAt([term({ status: 'ACTIVE', autoRenew: false })], AS_OF, NOW)).toBeNull();
  });

  it('does not count a term that started long after the end as a renewal', () => {
    expect(renewalOutcomeAt([term({ renewalDate: day(-80) }), term({ status: 'ACTIVE', startDate: day(-10), renewalDate: day(355) })], AS_OF, NOW)).toBe('CHURNED');
  });

  it('judges the latest-starting term in force when terms overlap', () => {
    const replaced = term({ status: 'CANCELLED', startDate: day(-300), renewalDate: day(65), cancelledAt: day(-60) });
    const replacement = term({ status: 'EXPIRED', startDate: day(-200), renewalDate: day(-30) });
    expect(renewalOutcomeAt([replaced, replacement, term({ status: 'ACTIVE', startDate: day(-30), renewalDate: day(335) })], AS_OF, NOW)).toBe('RENEWED');
  });
});

describe('backtest summary', () => {
  it('counts outcomes overall and per band, with churn rates and the AUC', () => {
    const result = summarizeBacktest(
      AS_OF,
      [
        { score: 80, band: 'HEALTHY', outcome: 'RENEWED' },
        { score: 75, band: 'HEALTHY', outcome: 'RENEWED' },
        { score: 60, band: 'NEUTRAL', outcome: 'RENEWED' },
        { score: 55, band: 'NEUTRAL', outcome: 'CHURNED' },
        { score: 30, band: 'AT_RISK', outcome: 'CHURNED' },
      ],
      4,
    );
    expect(result).toEqual({
      asOf: AS_OF,
      auc: 1,
      renewed: 3,
      churned: 2,
      excluded: 4,
      bands: [
        { band: 'HEALTHY', renewed: 2, churned: 0, churnRate: 0 },
        { band: 'NEUTRAL', renewed: 1, churned: 1, churnRate: 0.5 },
        { band: 'AT_RISK', renewed: 0, churned: 1, churnRate: 1 },
      ],
    });
  });

  it('has no AUC and no churn rates without outcomes', () => {
    const result = summarizeBacktest(AS_OF, [], 7);
    expect(result).toMatchObject({ auc: null, renewed: 0, churned: 0, excluded: 7 });
    expect(result.bands.every((band) => band.churnRate === null)).toBe(true);
  });
});
