import type { Logger } from '../../kit/logger';
import { retryDelayMs } from '../retry-delay';
import type { WebhookDeliveriesRepository } from './deliveries-repository';
import type { DeliveryAttempt, WebhookDeliveryDocument } from './documents';
import type { WebhookSubscriptionsRepository } from './subscriptions-repository';

/** Tries per delivery before it is marked FAILED (kept in the log); with the default base of 10 s they span about 6½ hours. */
export const MAX_DELIVERY_ATTEMPTS = 15;

/** Why deliveries of a disabled subscription are given up (the subscription says why it was disabled). */
export const SUBSCRIPTION_DISABLED = 'the subscription was disabled';
export const SUBSCRIPTION_DELETED = 'the subscription was deleted';

export interface DeliveryRules {
  /** HUB_OUTBOUND_RETRY_BASE_MS: the wait after the first failure, doubled after each further one. */
  retryBaseMs: number;
  /** HUB_OUTBOUND_MAX_FAILURES: failed tries in a row that disable a subscription. */
  maxConsecutiveFailures: number;
  maxAttempts?: number;
}

/**
 * What a try's outcome changes: the delivery's log and state, and the subscription's count of
 * failures in a row, which disables it once it reaches the limit.
 */
export class DeliveryOutcomes {
  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly subscriptions: WebhookSubscriptionsRepository,
    private readonly rules: DeliveryRules,
    private readonly logger: Logger,
  ) {}

  async delivered(delivery: WebhookDeliveryDocument, attempt: DeliveryAttempt, at: Date): Promise<void> {
    await this.deliveries.recordAttempt(delivery._id, attempt, { status: 'DELIVERED', nextAttemptAt: null, lastError: null, deliveredAt: at, failedAt: null });
    await this.subscriptions.recordSuccess(delivery.subscriptionId);
  }

  /** Logs the failed try and schedules the next one, or gives up after the last. */
  async failed(delivery: WebhookDeliveryDocument, attempt: DeliveryAttempt, at: Date): Promise<void> {
    const attemptCount = delivery.attemptCount + 1;
    const isLastAttempt = attemptCount >= (this.rules.maxAttempts ?? MAX_DELIVERY_ATTEMPTS);
    await this.deliveries.recordAttempt(delivery._id, attempt, {
      status: isLastAttempt ? 'FAILED' : 'PENDING',
      nextAttemptAt: isLastAttempt ? null : new Date(at.getTime() + retryDelayMs(attemptCount, this.rules.retryBaseMs)),
      lastError: attempt.error,
      deliveredAt: null,
      failedAt: isLastAttempt ? at : null,
    });
    const subscription = await this.subscriptions.recordFailure(delivery.subscriptionId);
    if (!subscription) return;
    if (!subscription.enabled) {
      // Disabled while this try was under way: it is not retried either.
      await this.deliveries.fail(delivery._id, SUBSCRIPTION_DISABLED, at);
      return;
    }
    if (subscription.consecutiveFailures < this.rules.maxConsecutiveFailures) return;
    const reason = `${subscription.consecutiveFailures} delivery attempts failed in a row (last: ${attempt.error ?? 'failed'})`;
    if (await this.subscriptions.disable(subscription._id, reason, at)) {
      this.logger.warn({ subscriptionId: subscription._id, reason }, 'webhook subscription disabled');
    }
    await this.deliveries.failPendingOf(subscription._id, SUBSCRIPTION_DISABLED, at);
  }
}
