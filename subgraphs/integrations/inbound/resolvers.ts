import { DateTimeScalar } from '../../kit/scalars';
import type { RequestBase, ResolverMap } from '../../kit/subgraph-service';
import type { InboundEventDocument } from './model';
import type { InboundEventsService } from './service';

export interface InboundContext {
  inbound: InboundEventsService;
}

type InboundRequest = RequestBase & InboundContext;

/** Thin: hand the arguments to the service, which authorizes and validates. */
export const inboundResolvers: ResolverMap<InboundRequest> = {
  DateTime: DateTimeScalar,
  Query: {
    integrationEvents: (_parent, args: unknown, { inbound }: InboundRequest) => inbound.integrationEvents(args),
    integrationEvent: (_parent, args: unknown, { inbound }: InboundRequest) => inbound.integrationEvent(args),
  },
  Mutation: {
    replayIntegrationEvent: (_parent, args: unknown, { inbound }: InboundRequest) => inbound.replayIntegrationEvent(args),
  },
  IntegrationEvent: {
    id: (event: InboundEventDocument) => event._id,
    source: (event: InboundEventDocument) => event.source.toUpperCase(),
    payloadJson: (event: InboundEventDocument) => JSON.stringify(event.payload ?? null),
  },
};
