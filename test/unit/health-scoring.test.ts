import { HEALTH_COMPONENTS } from '../../subgraphs/accounts/health/components';
import { bandOf, computeHealth, scoreOnCurve } from '../../subgraphs/accounts/health/scoring';
import { buildSignals, copyOfDefaultModel, sumOfContributions } from '../helpers/health';

describe('health scoring', () => {
  const model = copyOfDefaultModel();

  describe('scores on a curve', () => {
    const rising: Array<[number, number]> = [
      [0, 0],
      [0.3, 40],
      [0.6, 80],
      [0.85, 100],
    ];
    const falling: Array<[number, number]> = [
      [0, 100],
      [1, 60],
      [3, 0],
    ];

    it('takes the score of a threshold exactly at it', () => {
      expect(scoreOnCurve(0.3, rising)).toBe(40);
      expect(scoreOnCurve(0.6, rising)).toBe(80);
      expect(scoreOnCurve(1, falling)).toBe(60);
    });

    it('interpolates linearly between thresholds', () => {
      expect(scoreOnCurve(0.45, rising)).toBeCloseTo(60, 10);
      expect(scoreOnCurve(2, falling)).toBeCloseTo(30, 10);
    });

    it('stays flat below the first and above the last threshold', () => {
      expect(scoreOnCurve(-5, rising)).toBe(0);
      expect(scoreOnCurve(3, rising)).toBe(100);
      expect(scoreOnCurve(10, falling)).toBe(0);
    });
  });

  describe('bands', () => {
    const bands = { healthyFrom: 70, atRiskBelow: 45 };
    it('puts a score at the healthy threshold in HEALTHY and just below it in NEUTRAL', () => {
      expect(bandOf(70, bands)).toBe('HEALTHY');
      expect(bandOf(69.99, bands)).toBe('NEUTRAL');
    });
    it('puts a score at the at-risk threshold in NEUTRAL and just below it in AT_RISK', () => {
      expect(bandOf(45, bands)).toBe('NEUTRAL');
      expect(bandOf(44.99, bands)).toBe('AT_RISK');
    });
  });

  it('makes the contributions add up to the score', () => {
    for (const segment of ['ENTERPRISE', 'MID_MARKET', 'SMB'] as const) {
      const result = computeHealth(buildSignals(segment, { USAGE_DEPTH: 17.3, CSAT: 0.77, DAYS_TO_RENEWAL: 33 }), model);
      expect(sumOfContributions(result.components)).toBeCloseTo(result.score, 6);
      expect(result.score).toBeGreaterThan(0);
      expect(result.score).toBeLessThanOrEqual(100);
    }
  });

  it('computes each contribution as weight × score, with weights adding up to 1', () => {
    const result = computeHealth(buildSignals('MID_MARKET'), model);
    expect(result.components.reduce((sum, component) => sum + component.weight, 0)).toBeCloseTo(1, 10);
    for (const component of result.components) expect(component.contribution).toBeCloseTo(component.weight * (component.score ?? 0), 2);
  });

  it('scores a perfect account 100 and HEALTHY', () => {
    const result = computeHealth(
      buildSignals('SMB', {
        USAGE_BREADTH: 1,
        USAGE_DEPTH: 500,
        USAGE_FREQUENCY: 7,
        SEAT_UTILIZATION: 1,
        URGENT_TICKETS: 0,
        CSAT: 1,
        LEARNING_COMPLETION: 1,
        CERTIFIED_USERS: 50,
        COMMUNITY_ACTIVE_MEMBERS: 50,
        DAYS_TO_RENEWAL: 365,
        ARR_CHANGE: 0.5,
      }),
      model,
    );
    expect(result.score).toBeCloseTo(100, 6);
    expect(result.band).toBe('HEALTHY');
  });

  it('marks missing signals, leaves them out and re-weights the rest', () => {
    const complete = computeHealth(buildSignals('ENTERPRISE'), model);
    const missing = computeHealth(buildSignals('ENTERPRISE', { CSAT: null, LEARNING_COMPLETION: null }), model);
    const csat = missing.components.find((component) => component.key === 'CSAT')!;
    expect(csat).toMatchObject({ hasData: false, value: null, score: null, weight: 0, contribution: 0, reason: 'No rated tickets in 90 days' });
    const weights = model.segments.ENTERPRISE.components;
    const remaining = HEALTH_COMPONENTS.filter((key) => key !== 'CSAT' && key !== 'LEARNING_COMPLETION').reduce((sum, key) => sum + weights[key].weight, 0);
    const urgent = missing.components.find((component) => component.key === 'URGENT_TICKETS')!;
    expect(urgent.weight).toBeCloseTo(weights.URGENT_TICKETS.weight / remaining, 10);
    expect(urgent.weight).toBeGreaterThan(complete.components.find((component) => component.key === 'URGENT_TICKETS')!.weight);
    expect(sumOfContributions(missing.components)).toBeCloseTo(missing.score, 6);
  });

  it('scores an account with no signal at all 0 and AT_RISK', () => {
    const nothing = buildSignals('SMB', Object.fromEntries(HEALTH_COMPONENTS.map((key) => [key, null])));
    const result = computeHealth(nothing, model);
    expect(result.score).toBe(0);
    expect(result.band).toBe('AT_RISK');
    expect(result.components.every((component) => !component.hasData)).toBe(true);
  });

  it('weights the same signals differently per segment', () => {
    const signals = { URGENT_TICKETS: 2, SEAT_UTILIZATION: 0.2 };
    const enterprise = computeHealth(buildSignals('ENTERPRISE', signals), model);
    const smb = computeHealth(buildSignals('SMB', signals), model);
    const weightOf = (result: typeof smb, key: string) => result.components.find((component) => component.key === key)!.weight;
    expect(weightOf(enterprise, 'URGENT_TICKETS')).toBeCloseTo(15 / 100, 10);
    expect(weightOf(smb, 'URGENT_TICKETS')).toBeCloseTo(12 / 100, 10);
    // Two urgent tickets are on the enterprise curve's gentler slope.
    expect(enterprise.components.find((component) => component.key === 'URGENT_TICKETS')!.score).toBe(50);
    expect(smb.components.find((component) => component.key === 'URGENT_TICKETS')!.score).toBe(25);
    expect(enterprise.score).not.toBeCloseTo(smb.score, 1);
  });

  it('explains each component in words, with the peer median for usage metrics', () => {
    const result = computeHealth(buildSignals('MID_MARKET', { SEAT_UTILIZATION: 0.18, URGENT_TICKETS: 2, DAYS_TO_RENEWAL: 1 }), model, { SEAT_UTILIZATION: 0.64 });
    const reasonOf = (key: string) => result.components.find((component) => component.key === key)!.reason;
    expect(reasonOf('SEAT_UTILIZATION')).toBe('Seat utilization 18% — peer median 64%');
    expect(reasonOf('URGENT_TICKETS')).toBe('2 urgent tickets open');
    expect(reasonOf('DAYS_TO_RENEWAL')).toBe('Renews in 1 day');
    expect(reasonOf('CSAT')).toBe('CSAT 85% over 90 days');
  });
});
