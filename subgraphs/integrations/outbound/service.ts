import type { Identity } from '../../kit/auth';
import { errors } from '../../kit/errors';
import type { PageArgs } from '../../kit/pagination';
import { newId } from '../../kit/records';
import { parseInput } from '../../kit/validation';
import { integrationsPolicy } from '../policy';
import type { WebhookDeliveriesRepository } from './deliveries-repository';
import type { WebhookDeliveryDocument, WebhookSubscriptionDocument } from './documents';
import { createWebhookSubscriptionInput, deliveriesArguments, subscriptionIdArgument, updateWebhookSubscriptionInput } from './inputs';
import type { Outbox } from './outbox';
import type { ScanSummary } from './scanner';
import { generateWebhookSecret } from './signing';
import type { WebhookSubscriptionsRepository } from './subscriptions-repository';

/** What the outbound webhooks' requests share: built once per service, used by every request. */
export interface OutboundRuntime {
  subscriptions: WebhookSubscriptionsRepository;
  deliveries: WebhookDeliveriesRepository;
  outbox: Outbox;
  scanOnce(): Promise<ScanSummary>;
  isProduction: boolean;
}

/** A new subscription and its secret: the only time the secret is shown. */
export interface CreatedSubscription {
  subscription: WebhookSubscriptionDocument;
  secret: string;
}

/** The outbound webhooks' rules for one request: every call is authorized and validated here. */
export class OutboundService {
  constructor(
    private readonly identity: Identity,
    private readonly runtime: OutboundRuntime,
    private readonly now: () => Date = () => new Date(),
  ) {}

  listSubscriptions(page: PageArgs) {
    integrationsPolicy.assertCanRead(this.identity, 'webhook subscriptions');
    return this.runtime.subscriptions.list(page);
  }

  async subscription(id: unknown): Promise<WebhookSubscriptionDocument | null> {
    integrationsPolicy.assertCanRead(this.identity, 'webhook subscriptions');
    return this.runtime.subscriptions.findById(parseInput(subscriptionIdArgument, { id }).id);
  }

  async create(input: unknown): Promise<CreatedSubscription> {
    integrationsPolicy.assertCanWrite(this.identity, 'creating webhook subscriptions');
    const fields = parseInput(createWebhookSubscriptionInput(this.runtime.isProduction), input, 'input');
    const now = this.now();
    const secret = fields.secret ?? generateWebhookSecret();
    const subscription: WebhookSubscriptionDocument = {
      _id: newId('whs'),
      url: fields.url,
      events: fields.events,
      secret,
      description: fields.description ?? null,
      enabled: true,
      consecutiveFailures: 0,
      disabledReason: null,
      disabledAt: null,
      createdBy: this.identity.subject,
      createdAt: now,
      updatedAt: now,
    };
    await this.runtime.subscriptions.insert(subscription);
    return { subscription, secret };
  }

  async update(id: unknown, input: unknown): Promise<WebhookSubscriptionDocument> {
    integrationsPolicy.assertCanWrite(this.identity, 'changing webhook subscriptions');
    const subscriptionId = parseInput(subscriptionIdArgument, { id }).id;
    const fields = parseInput(updateWebhookSubscriptionInput(this.runtime.isProduction), input, 'input');
    const stored = await this.existing(subscriptionId);
    const now = this.now();
    const { enabled, ...rest } = fields;
    const changes: Partial<WebhookSubscriptionDocument> = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
    if (enabled === true && !stored.enabled) {
      // Enabling again starts over: the failures that disabled it are forgiven.
      Object.assign(changes, { enabled: true, consecutiveFailures: 0, disabledReason: null, disabledAt: null });
    } else if (enabled === false && stored.enabled) {
      Object.assign(changes, { enabled: false, disabledReason: `disabled by ${this.identity.subject}`, disabledAt: now });
    }
    const updated = await this.runtime.subscriptions.update(subscriptionId, { $set: { ...changes, updatedAt: now } });
    if (!updated) throw errors.notFound('WebhookSubscription', subscriptionId);
    return updated;
  }

  /** Deletes the subscription and its delivery log; nothing more is sent to it. */
  async delete(id: unknown): Promise<string> {
    integrationsPolicy.assertCanWrite(this.identity, 'deleting webhook subscriptions');
    const subscriptionId = parseInput(subscriptionIdArgument, { id }).id;
    if (!(await this.runtime.subscriptions.delete(subscriptionId))) throw errors.notFound('WebhookSubscription', subscriptionId);
    await this.runtime.deliveries.deleteOf(subscriptionId);
    return subscriptionId;
  }

  async deliveries(args: { subscriptionId: unknown; status?: unknown }, page: PageArgs) {
    integrationsPolicy.assertCanRead(this.identity, 'webhook deliveries');
    const { subscriptionId, status } = parseInput(deliveriesArguments, { subscriptionId: args.subscriptionId, status: args.status });
    await this.existing(subscriptionId);
    return this.runtime.deliveries.list(subscriptionId, status, page);
  }

  /** Queues a signed `webhook.test` event for the subscription; the answer is the delivery, still PENDING. */
  async sendTest(subscriptionId: unknown): Promise<WebhookDeliveryDocument> {
    integrationsPolicy.assertCanWrite(this.identity, 'sending test webhooks');
    const { id } = parseInput(subscriptionIdArgument, { id: subscriptionId });
    const subscription = await this.existing(id);
    if (!subscription.enabled) throw errors.badUserInput([{ field: 'subscriptionId', message: 'is disabled; enable it first' }]);
    return this.runtime.outbox.queueTest(subscription, this.now());
  }

  /** Looks for new facts now instead of waiting for the schedule. */
  scan(): Promise<ScanSummary> {
    integrationsPolicy.assertCanWrite(this.identity, 'scanning for webhook events');
    return this.runtime.scanOnce();
  }

  private async existing(id: string): Promise<WebhookSubscriptionDocument> {
    const subscription = await this.runtime.subscriptions.findById(id);
    if (!subscription) throw errors.notFound('WebhookSubscription', id);
    return subscription;
  }
}
