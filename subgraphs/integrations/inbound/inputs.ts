import { z } from 'zod';
import { id, optional } from '../../kit/input-fields';
import type { InboundSourceName } from './inbound-source';
import { INBOUND_EVENT_STATUSES } from './model';

/** `IntegrationSource` values as the graph spells them; stored in lower case. */
const integrationSource = z.enum(['ZENDESK', 'DISCOURSE', 'STRIPE', 'XAPI']).transform((source) => source.toLowerCase() as InboundSourceName);

/** `integrationEvent(id)` and `replayIntegrationEvent(id)`. */
export const integrationEventArguments = z.object({ id });

/** `integrationEvents(status, source, first, after)`. */
export const integrationEventsArguments = z.object({
  status: optional(z.enum(INBOUND_EVENT_STATUSES)),
  source: optional(integrationSource),
  first: z.number().int().nullish(),
  after: z.string().nullish(),
});
