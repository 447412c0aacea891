import type { PageArgs } from '../../kit/pagination';
import type { RequestBase, ResolverMap } from '../../kit/subgraph-service';
import type { WebhookDeliveryDocument, WebhookSubscriptionDocument } from './documents';
import type { OutboundService } from './service';

export interface OutboundContext {
  outbound: OutboundService;
}

type OutboundRequest = RequestBase & OutboundContext;

/** Thin: hand arguments to the service, which authorizes and validates. */
export const outboundResolvers: ResolverMap<OutboundRequest> = {
  Query: {
    webhookSubscriptions: (_parent, args: PageArgs, { outbound }: OutboundRequest) => outbound.listSubscriptions(args),
    webhookSubscription: (_parent, args: { id: unknown }, { outbound }: OutboundRequest) => outbound.subscription(args.id),
    webhookDeliveries: (_parent, args: PageArgs & { subscriptionId: unknown; status?: unknown }, { outbound }: OutboundRequest) =>
      outbound.deliveries(args, args),
  },
  Mutation: {
    createWebhookSubscription: (_parent, args: { input: unknown }, { outbound }: OutboundRequest) => outbound.create(args.input),
    updateWebhookSubscription: (_parent, args: { id: unknown; input: unknown }, { outbound }: OutboundRequest) => outbound.update(args.id, args.input),
    deleteWebhookSubscription: (_parent, args: { id: unknown }, { outbound }: OutboundRequest) => outbound.delete(args.id),
    sendTestWebhook: (_parent, args: { subscriptionId: unknown }, { outbound }: OutboundRequest) => outbound.sendTest(args.subscriptionId),
    scanWebhookEvents: (_parent, _args, { outbound }: OutboundRequest) => outbound.scan(),
  },
  WebhookSubscription: {
    id: (subscription: WebhookSubscriptionDocument) => subscription._id,
  },
  WebhookDelivery: {
    id: (delivery: WebhookDeliveryDocument) => delivery._id,
    payloadJson: (delivery: WebhookDeliveryDocument) => delivery.body,
  },
};
