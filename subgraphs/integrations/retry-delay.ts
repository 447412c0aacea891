/** No wait between two tries, of an inbound event or an outbound delivery, is longer than an hour. */
export const MAX_RETRY_DELAY_MS = 3_600_000;
/** Each wait moves by up to this share either way, so what failed together is not retried together. */
const JITTER_SHARE = 0.1;

/**
 * The wait before the next try after `failedAttempts` failures (1 after the first):
 * `baseMs × 2^(failedAttempts − 1)`, moved by up to 10 % either way, at most an hour.
 */
export function retryDelayMs(failedAttempts: number, baseMs: number, random: () => number = Math.random): number {
  const exponential = baseMs * 2 ** Math.max(0, failedAttempts - 1);
  return Math.min(Math.round(exponential * (1 - JITTER_SHARE + 2 * JITTER_SHARE * random())), MAX_RETRY_DELAY_MS);
}
