import { diffHealth } from '../../subgraphs/integrations/outbound/detectors/health';
import type { HealthStateDocument } from '../../subgraphs/integrations/outbound/documents';

const now = new Date('2026-11-02T09:00:00Z');
const earlier = new Date('2026-11-01T09:00:00Z');
const account = { id: 'acc_1', name: 'Globex' };
const seen = (overrides: Partial<HealthStateDocument> = {}): HealthStateDocument => ({
  _id: 'acc_1',
  band: 'HEALTHY',
  score: 80,
  dropReferenceScore: 80,
  version: 3,
  seenAt: earlier,
  ...overrides,
});

describe('comparing an account\'s health with the last scan', () => {
  it('records an account seen for the first time and announces nothing', () => {
    expect(diffHealth({ ...account, score: 35, band: 'AT_RISK' }, undefined, now)).toEqual({
      facts: [],
      next: { _id: 'acc_1', band: 'AT_RISK', score: 35, dropReferenceScore: 35, version: 1, seenAt: now },
    });
  });

  it('announces a band change with both bands and the score, keyed by the state it was found against', () => {
    const { facts, next } = diffHealth({ ...account, score: 68, band: 'NEUTRAL' }, seen({ score: 71, dropReferenceScore: 71 }), now);
    expect(facts).toEqual([
      {
        eventType: 'HEALTH_BAND_CHANGED',
        factKey: 'health.band_changed|acc_1|3',
        data: { accountId: 'acc_1', name: 'Globex', from: 'HEALTHY', to: 'NEUTRAL', score: 68 },
      },
    ]);
    expect(next).toMatchObject({ band: 'NEUTRAL', score: 68, dropReferenceScore: 71, version: 4, seenAt: now });
  });

  it('announces a fall of 10 points or more, and measures the next fall from the new score', () => {
    const { facts, next } = diffHealth({ ...account, score: 69.5, band: 'HEALTHY' }, seen(), now);
    expect(facts).toEqual([
      {
        eventType: 'HEALTH_DROPPED',
        factKey: 'health.dropped|acc_1|3',
        data: { accountId: 'acc_1', name: 'Globex', from: 80, to: 69.5, drop: 10.5, band: 'HEALTHY' },
      },
    ]);
    expect(next?.dropReferenceScore).toBe(69.5);
  });

  it('adds up a slow slide: falls of 6 and then 5 points are announced as one drop of 11', () => {
    const first = diffHealth({ ...account, score: 74, band: 'HEALTHY' }, seen(), now);
    expect(first.facts).toEqual([]);
    const second = diffHealth({ ...account, score: 69, band: 'HEALTHY' }, first.next!, now);
    expect(second.facts.map((fact) => fact.data)).toEqual([{ accountId: 'acc_1', name: 'Globex', from: 80, to: 69, drop: 11, band: 'HEALTHY' }]);
  });

  it('measures falls from the highest score since: a recovery raises the reference', () => {
    const recovered = diffHealth({ ...account, score: 90, band: 'HEALTHY' }, seen(), now);
    expect(recovered.next?.dropReferenceScore).toBe(90);
    expect(diffHealth({ ...account, score: 81, band: 'HEALTHY' }, recovered.next!, now).facts).toEqual([]);
    expect(diffHealth({ ...account, score: 80, band: 'HEALTHY' }, recovered.next!, now).facts).toHaveLength(1);
  });

  it('writes nothing when nothing changed', () => {
    expect(diffHealth({ ...account, score: 80, band: 'HEALTHY' }, seen(), now)).toEqual({ facts: [], next: null });
  });
});
