import { retryDelayMs } from '../retry-delay';
import type { ApplyOutcome } from './repository';

export interface RetryPolicy {
  retryBaseMs: number;
  maxAttempts: number;
  random?: () => number;
}

/** A failed try: tried again later with backoff, or FAILED (and kept) once every try is used up. */
export function failedTryOutcome(attempts: number, error: unknown, now: Date, policy: RetryPolicy): ApplyOutcome {
  const lastError = error instanceof Error ? error.message : String(error);
  if (attempts >= policy.maxAttempts) return { status: 'FAILED', lastError };
  const delayMs = retryDelayMs(attempts, policy.retryBaseMs, policy.random);
  return { status: 'PENDING', lastError, nextAttemptAt: new Date(now.getTime() + delayMs) };
}
