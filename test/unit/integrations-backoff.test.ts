import { failedTryOutcome } from '../../subgraphs/integrations/inbound/backoff';
import { MAX_RETRY_DELAY_MS, retryDelayMs } from '../../subgraphs/integrations/retry-delay';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const noJitter = () => 0.5;

describe('retry delays of inbound events and outbound deliveries', () => {
  it('waits the base after the first failure and doubles the wait after each further one', () => {
    expect([1, 2, 3, 4, 5].map((failures) => retryDelayMs(failures, 10_000, noJitter))).toEqual([10_000, 20_000, 40_000, 80_000, 160_000]);
  });

  it('moves each wait by at most 10 % either way, so what failed together is not retried together', () => {
    expect(retryDelayMs(3, 10_000, () => 0)).toBe(36_000);
    expect(retryDelayMs(3, 10_000, () => 0.999_999_9)).toBe(44_000);
  });

  it('never waits more than an hour, jitter included', () => {
    expect(retryDelayMs(9, 10_000, noJitter)).toBe(2_560_000);
    expect(retryDelayMs(10, 10_000, () => 0.999_999_9)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(100, 60_000, () => 0)).toBe(MAX_RETRY_DELAY_MS);
  });
});

describe('an inbound event whose apply failed', () => {
  it('is tried again later while tries remain, keeping the error message', () => {
    expect(failedTryOutcome(2, new Error('graph request failed: contracts unreachable'), NOW, { retryBaseMs: 1_000, maxAttempts: 3, random: noJitter })).toEqual({
      status: 'PENDING',
      lastError: 'graph request failed: contracts unreachable',
      nextAttemptAt: new Date(NOW.getTime() + 2_000),
    });
  });

  it('is FAILED once the last try has failed', () => {
    expect(failedTryOutcome(3, new Error('still down'), NOW, { retryBaseMs: 1_000, maxAttempts: 3 })).toEqual({ status: 'FAILED', lastError: 'still down' });
  });
});
