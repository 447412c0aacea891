import type { Logger } from '../../kit/logger';
import { MAX_RETRY_DELAY_MS } from '../retry-delay';
import type { WebhookDeliveriesRepository } from './deliveries-repository';
import { DeliveryOutcomes, SUBSCRIPTION_DELETED, SUBSCRIPTION_DISABLED, type DeliveryRules } from './delivery-outcomes';
import type { WebhookDeliveryDocument } from './documents';
import { DELIVERY_TIMEOUT_MS, type WebhookSender } from './sender';
import type { WebhookSubscriptionsRepository } from './subscriptions-repository';

/** Deliveries sent side by side: one slow receiver does not hold up the others. */
const BATCH_SIZE = 10;
/** After a pass that failed (e.g. the store did not answer), the next look comes this much later. */
const PASS_FAILED_RETRY_MS = 5_000;
/** A worker holds a delivery this long; if it dies mid-send, another takes the delivery after. */
const LEASE_MS = DELIVERY_TIMEOUT_MS * 3;

export interface DeliveryWorkerOptions extends DeliveryRules {
  deliveries: WebhookDeliveriesRepository;
  subscriptions: WebhookSubscriptionsRepository;
  send: WebhookSender;
  logger: Logger;
  now?: () => Date;
}

/**
 * Sends due deliveries: right after events are queued and after every scheduled scan (`kick`),
 * and when the next retry is due; it never polls while nothing waits. A 2xx answer delivers; anything else is retried with backoff until
 * the delivery runs out of tries (FAILED, kept); too many failures in a row disable the subscription.
 */
export class DeliveryWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private readonly cancelSends = new AbortController();
  private kickedWhileRunning = false;
  private stopped = false;
  private readonly now: () => Date;
  private readonly outcomes: DeliveryOutcomes;

  constructor(private readonly options: DeliveryWorkerOptions) {
    this.now = options.now ?? (() => new Date());
    this.outcomes = new DeliveryOutcomes(options.deliveries, options.subscriptions, options, options.logger);
  }

  /** Sends whatever is due now, and keeps sending until nothing is. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.kickedWhileRunning = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.runUntilIdle();
  }

  /** Stops looking and cancels tries under way; a cancelled try is not counted and is sent again after a restart. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.cancelSends.abort();
  }

  /** Resolves once the pass under way (if any) has put its deliveries back. */
  async settled(): Promise<void> {
    await this.running;
  }

  /** One pass over every due delivery; resolves to how many tries were made. */
  async deliverDue(): Promise<number> {
    let tried = 0;
    for (;;) {
      const due = await this.options.deliveries.findDue(this.now(), BATCH_SIZE);
      if (!due.length || this.stopped) return tried;
      const sent = await Promise.all(due.map((delivery) => this.claimAndSend(delivery)));
      tried += sent.filter(Boolean).length;
    }
  }

  private async runUntilIdle(): Promise<void> {
    let waitMs: number | null = null;
    try {
      do {
        this.kickedWhileRunning = false;
        await this.deliverDue();
      } while (this.kickedWhileRunning && !this.stopped);
      const nextDueAt = await this.options.deliveries.nextDueAt(this.now());
      if (nextDueAt) waitMs = Math.max(0, Math.min(MAX_RETRY_DELAY_MS, nextDueAt.getTime() - this.now().getTime()));
    } catch (error) {
      this.options.logger.error({ err: error }, 'webhook delivery pass failed');
      waitMs = PASS_FAILED_RETRY_MS;
    }
    this.running = null;
    if (this.stopped) return;
    if (this.kickedWhileRunning) return this.kick();
    if (waitMs === null) return;
    this.timer = setTimeout(() => this.kick(), waitMs);
    // The worker must never keep a process (or a test run) alive on its own.
    this.timer.unref();
  }

  private async claimAndSend(due: WebhookDeliveryDocument): Promise<boolean> {
    const now = this.now();
    const delivery = await this.options.deliveries.claim(due._id, now, new Date(now.getTime() + LEASE_MS));
    if (!delivery) return false;
    const subscription = await this.options.subscriptions.findById(delivery.subscriptionId);
    if (!subscription?.enabled) {
      await this.options.deliveries.fail(delivery._id, subscription ? SUBSCRIPTION_DISABLED : SUBSCRIPTION_DELETED, now);
      return false;
    }
    const attemptedAt = this.now();
    const request = { url: subscription.url, secret: subscription.secret, eventId: delivery.eventId, body: delivery.body };
    const outcome = await this.options.send(request, attemptedAt, this.cancelSends.signal);
    if (this.stopped) {
      await this.options.deliveries.release(delivery._id);
      return false;
    }
    const attempt = { attemptedAt, httpStatus: outcome.httpStatus, error: outcome.error, durationMs: outcome.durationMs };
    if (outcome.isDelivered) await this.outcomes.delivered(delivery, attempt, this.now());
    else await this.outcomes.failed(delivery, attempt, this.now());
    return true;
  }
}
