import type { IncomingHttpHeaders } from 'node:http';
import type { HubConfig } from '../../kit/config';
import type { GraphClient } from '../../kit/graph-client';

/**
 * What every inbound integration (Zendesk, Discourse, Stripe, xAPI) supplies to the inbox. The
 * inbox does the rest the same way for all of them: read the raw bytes with a size limit, store
 * each event before anything is applied, apply it once, retry failures with backoff.
 */

/** The systems that send the hub data. */
export type InboundSourceName = 'zendesk' | 'discourse' | 'stripe' | 'xapi';

/** A request as it arrived on the public port, before anything was parsed. */
export interface InboundRequest {
  method: string;
  /** The route key that matched, e.g. `POST /webhooks/stripe`. */
  route: string;
  headers: IncomingHttpHeaders;
  query: URLSearchParams;
  rawBody: Buffer;
  receivedAt: Date;
}

/** One event to keep in the inbox. */
export interface InboundEvent {
  /** The sender's id of this delivery: the same id twice is stored and applied once. */
  deliveryId: string;
  /** The sender's name for what happened, e.g. `customer.subscription.updated`, `post_created`, a verb IRI. */
  eventType: string;
  /** The event's parsed JSON. */
  payload: unknown;
}

/** An event as the inbox keeps it, handed to `apply`. */
export interface StoredInboundEvent extends InboundEvent {
  id: string;
  source: InboundSourceName;
  receivedAt: Date;
  /** How many times applying it was tried before this one. */
  attempts: number;
}

/** Why a request is refused; nothing of it is stored. */
export class InboundRejection extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415,
    readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT',
    message: string,
  ) {
    super(message);
    this.name = 'InboundRejection';
  }
}

/** What the sender gets back once its events are stored. */
export interface InboundReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface InboundSource {
  name: InboundSourceName;
  /** The `METHOD /path` routes this source answers on the gateway's public port. */
  routes: readonly string[];
  /**
   * Checks the request (the signature over the raw bytes, in constant time, or the credentials)
   * and only then parses it into events. Throws `InboundRejection`; stores nothing.
   */
  receive(request: InboundRequest, config: HubConfig): InboundEvent[];
  /**
   * Optional asynchronous variant of `receive`, for checks that cannot run synchronously (a
   * bearer token verified with the kit's `TokenVerifier`, whose keys may come from a JWKS URL).
   * When a source has it, the inbox calls it instead of `receive`; same contract otherwise.
   */
  receiveAsync?(request: InboundRequest, config: HubConfig): Promise<InboundEvent[]>;
  /**
   * Optional headers sent with every answer on this source's routes, refusals included (xAPI
   * requires `X-Experience-API-Version` on every response of the statements resource).
   */
  answerHeaders?: Readonly<Record<string, string>>;
  /**
   * Whether an event whose delivery id the inbox already holds carries the same content. When a
   * source has this check, a resend with other content is refused with 409 and nothing of its
   * request is stored (xAPI's statement conflict); without it a repeat is acknowledged as is.
   */
  isSameEvent?(storedPayload: unknown, incoming: InboundEvent): boolean;
  /** The answer once the events are stored; by default 200 with how many were accepted. */
  reply?(events: readonly InboundEvent[], request: InboundRequest): InboundReply;
  /**
   * Applies one stored event to the subgraphs that own its data, through the graph. Must be
   * idempotent (upserts by external id): an event may be applied again after a crash or a replay.
   * Throws to have the event retried later. Resolves to a short account of what changed.
   */
  apply(event: StoredInboundEvent, graph: GraphClient): Promise<string>;
}
