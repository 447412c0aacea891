import type { Identity } from '../../kit/auth';
import { errors } from '../../kit/errors';
import type { Connection } from '../../kit/pagination';
import { parseInput } from '../../kit/validation';
import { integrationsPolicy } from '../policy';
import { integrationEventArguments, integrationEventsArguments } from './inputs';
import type { InboundEventDocument } from './model';
import type { InboxProcessor } from './processor';
import type { InboxRepository } from './repository';

/** The inbox as the graph shows it, for one request: every read and replay is authorized here. */
export class InboundEventsService {
  constructor(
    readonly identity: Identity,
    private readonly repository: InboxRepository,
    private readonly processor: InboxProcessor,
  ) {}

  integrationEvents(args: unknown): Promise<Connection<InboundEventDocument>> {
    integrationsPolicy.assertCanRead(this.identity, 'integration events');
    const { status, source, first, after } = parseInput(integrationEventsArguments, args);
    return this.repository.page({ status, source }, { first, after });
  }

  integrationEvent(args: unknown): Promise<InboundEventDocument | null> {
    integrationsPolicy.assertCanRead(this.identity, 'integration events');
    return this.repository.findById(parseInput(integrationEventArguments, args).id);
  }

  /** Applies the event now; NOT_FOUND when there is none, CONFLICT while it is being applied. */
  async replayIntegrationEvent(args: unknown): Promise<InboundEventDocument> {
    integrationsPolicy.assertCanWrite(this.identity, 'replaying integration events');
    const { id } = parseInput(integrationEventArguments, args);
    const outcome = await this.processor.replay(id);
    if (outcome === 'NOT_FOUND') throw errors.notFound('IntegrationEvent', id);
    if (outcome === 'BUSY') throw errors.conflict(`IntegrationEvent ${id} is being applied right now; try again shortly`, { id });
    return outcome;
  }
}
