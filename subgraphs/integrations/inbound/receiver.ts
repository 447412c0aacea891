import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { HubConfig } from '../../kit/config';
import { readBody, sendError, sendJson, type RouteHandler } from '../../kit/http';
import { newId } from '../../kit/records';
import type { Logger } from '../../kit/logger';
import { toInputIssues } from '../../kit/validation';
import { InboundRejection, type InboundEvent, type InboundReply, type InboundRequest, type InboundSource } from './inbound-source';
import type { InboundEventDocument } from './model';
import type { InboxProcessor } from './processor';
import type { InboxRepository } from './repository';

/** What a source makes of a request, checked before anything is stored: an id and a name for each event. */
const receivedEvents = z.array(
  z.object({
    deliveryId: z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters'),
    eventType: z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters'),
  }),
);

export interface InboundRoutesOptions {
  sources: readonly InboundSource[];
  repository: InboxRepository;
  processor: InboxProcessor;
  config: HubConfig;
  logger: Logger;
}

function inboundRequest(request: IncomingMessage, route: string, rawBody: Buffer): InboundRequest {
  const url = new URL(request.url ?? '/', 'http://localhost');
  return { method: request.method ?? 'POST', route, headers: request.headers, query: url.searchParams, rawBody, receivedAt: new Date() };
}

function newEventDocument(source: InboundSource, event: InboundEvent, request: InboundRequest, requestId: string): InboundEventDocument {
  return {
    _id: newId('ievt'),
    source: source.name,
    deliveryId: event.deliveryId.trim(),
    eventType: event.eventType.trim(),
    payload: event.payload,
    rawBody: request.rawBody.toString('utf8'),
    receivedAt: request.receivedAt,
    requestId,
    status: 'PENDING',
    attempts: 0,
    nextAttemptAt: request.receivedAt,
    lastError: null,
    appliedAt: null,
    result: null,
    lockedUntil: null,
  };
}

/** The delivery id of the first event the inbox holds with other content, for sources that compare. */
async function firstConflict(source: InboundSource, repository: InboxRepository, events: readonly InboundEvent[]): Promise<string | undefined> {
  if (!source.isSameEvent) return undefined;
  const stored = new Map((await repository.findDeliveries(source.name, events.map((event) => event.deliveryId.trim()))).map((event) => [event.deliveryId, event]));
  return events.find((event) => {
    const earlier = stored.get(event.deliveryId.trim());
    return earlier !== undefined && !source.isSameEvent!(earlier.payload, event);
  })?.deliveryId;
}

function sendReply(response: ServerResponse, reply: InboundReply): void {
  for (const [name, value] of Object.entries(reply.headers ?? {})) response.setHeader(name, value);
  sendJson(response, reply.status, reply.body);
}

/**
 * The inbox's HTTP side, one handler per route of every source: the raw body is read with the
 * size limit, the source checks and parses it, every event is stored (a delivery sent again is
 * acknowledged, not stored twice), the sender is answered, and only then is anything applied.
 * A refused request stores nothing.
 */
export function inboundRoutes(options: InboundRoutesOptions): Record<string, RouteHandler> {
  const { repository, processor, config } = options;

  const receiveFor =
    (source: InboundSource, route: string): RouteHandler =>
    async (request, response, requestId) => {
      const logger = options.logger.child({ requestId, source: source.name, route });
      // Set first, so that refusals (a body over the limit included) carry them too.
      for (const [name, value] of Object.entries(source.answerHeaders ?? {})) response.setHeader(name, value);
      const inbound = inboundRequest(request, route, await readBody(request, config.HUB_WEBHOOK_MAX_BODY_BYTES));
      let events: InboundEvent[];
      try {
        events = source.receiveAsync ? await source.receiveAsync(inbound, config) : source.receive(inbound, config);
      } catch (error) {
        if (!(error instanceof InboundRejection)) throw error;
        logger.info({ status: error.status, code: error.code, reason: error.message }, 'inbound request refused');
        sendError(response, error.status, error.code, error.message);
        return;
      }
      const checked = receivedEvents.safeParse(events);
      if (!checked.success) {
        const [issue] = toInputIssues(checked.error, 'events');
        sendJson(response, 400, { errors: [{ message: `Invalid ${issue?.field}: ${issue?.message}`, extensions: { code: 'BAD_USER_INPUT', field: issue?.field } }] });
        return;
      }
      const conflict = await firstConflict(source, repository, events);
      if (conflict) {
        logger.info({ deliveryId: conflict }, 'inbound event conflicts with the stored one');
        sendError(response, 409, 'CONFLICT', `${conflict} was received before with other content`);
        return;
      }
      let stored = 0;
      for (const event of events) {
        if (await repository.insertIfNew(newEventDocument(source, event, inbound, requestId))) stored += 1;
      }
      const duplicates = events.length - stored;
      logger.info({ received: stored, duplicates }, 'inbound events stored');
      sendReply(response, source.reply?.(events, inbound) ?? { status: 200, body: { received: stored, duplicates } });
      if (stored > 0) processor.kick();
    };

  const routes: Record<string, RouteHandler> = {};
  for (const source of options.sources) {
    for (const route of source.routes) {
      if (routes[route]) throw new Error(`two inbound sources answer ${route}`);
      routes[route] = receiveFor(source, route);
    }
  }
  return routes;
}
