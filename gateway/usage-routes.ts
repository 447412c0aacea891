import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { z } from 'zod';
import { hasScope } from '../subgraphs/kit/access';
import { bearerToken, type Identity, type TokenVerifier } from '../subgraphs/kit/auth';
import { errorCodeOf, ERROR_CODES, type InputIssue } from '../subgraphs/kit/errors';
import { readBody, sendJson, type RouteHandler } from '../subgraphs/kit/http';
import type { Logger } from '../subgraphs/kit/logger';
import { toInputIssues } from '../subgraphs/kit/validation';
import type { GatewayContext } from './context';

const INGEST_SCOPE = 'usage:write';
/** Segment's limits: 32 KB per call, 500 KB per batch. */
const MAX_CALL_BYTES = 32 * 1024;
const MAX_BATCH_BYTES = 500 * 1024;
/** The mutation takes at most this many events; larger batches are sent in several calls. */
const EVENTS_PER_MUTATION = 1_000;

const INGEST_MUTATION = `mutation IngestUsage($events: [UsageEventInput!]!) {
  ingestUsageEvents(events: $events) { accepted duplicates rejected { index field message } }
}`;

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, _ or -');
const isoDateTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time such as 2026-04-01T09:00:00Z' });
const jsonObject = z.record(z.string(), z.unknown(), 'must be a JSON object');
// Segment calls carry many more fields (anonymousId, integrations, sentAt …); unknown ones are dropped.
const commonFields = {
  userId: id,
  messageId: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
  timestamp: isoDateTime.optional(),
  context: z.object({ groupId: id.optional() }, 'must be a JSON object').optional(),
};
const trackCall = z.object({
  ...commonFields,
  type: z.literal('track').optional(),
  event: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  properties: jsonObject.optional(),
});
const identifyCall = z.object({ ...commonFields, type: z.literal('identify').optional(), traits: jsonObject.optional() });
const batchItemType = z.object({ type: z.enum(['track', 'identify'], 'must be track or identify') }, 'must be a JSON object');
const batchBody = z.object({ batch: z.array(z.unknown(), 'must be a list of calls').min(1, 'must hold at least one call') }, 'must be a JSON object');

type SegmentCall = { kind: 'track'; call: z.output<typeof trackCall> } | { kind: 'identify'; call: z.output<typeof identifyCall> };
interface Rejection {
  index: number;
  field: string;
  message: string;
}
interface Outcome {
  accepted: number;
  duplicates: number;
  rejected: Rejection[];
}

class RouteError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The token of `Authorization: Bearer <token>` or of HTTP Basic with the token as user name (Segment's write key). */
function ingestToken(header: string | undefined): string | null {
  const bearer = bearerToken(header);
  if (bearer) return bearer;
  const basic = header ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header)?.[1] : undefined;
  if (!basic) return null;
  const [user, password = ''] = Buffer.from(basic, 'base64').toString('utf8').split(/:(.*)/s);
  return user && !password ? user : null;
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new RouteError(400, 'BAD_USER_INPUT', 'Request body is not valid JSON', { field: 'body' });
  }
}

function parseCall(kind: 'track' | 'identify', value: unknown): SegmentCall | InputIssue[] {
  const result = kind === 'track' ? trackCall.safeParse(value) : identifyCall.safeParse(value);
  if (!result.success) return toInputIssues(result.error);
  return kind === 'track' ? { kind, call: result.data as z.output<typeof trackCall> } : { kind, call: result.data as z.output<typeof identifyCall> };
}

/** A Segment call as the graph's `UsageEventInput`; calls without a `messageId` get one (no dedup then). */
function toEventInput({ kind, call }: SegmentCall, receivedAt: string): Record<string, unknown> {
  return {
    messageId: call.messageId ?? `hub-${randomUUID()}`,
    type: kind === 'track' ? 'TRACK' : 'IDENTIFY',
    userId: call.userId,
    accountId: call.context?.groupId ?? null,
    timestamp: call.timestamp ?? receivedAt,
    ...(kind === 'track' ? { event: call.event, properties: call.properties ?? {} } : { traits: call.traits ?? {} }),
  };
}

/**
 * Sends events through the graph. Should the accounts subgraph refuse some of them as input
 * (`events.3.properties`), those are reported and the rest sent again, so one bad event never
 * sinks a batch; anything else fails the request.
 */
async function ingestThroughGraph(apollo: ApolloServer<GatewayContext>, context: GatewayContext, events: Array<{ index: number; input: Record<string, unknown> }>): Promise<Outcome> {
  const outcome: Outcome = { accepted: 0, duplicates: 0, rejected: [] };
  let pending = events;
  while (pending.length) {
    const chunk = pending.slice(0, EVENTS_PER_MUTATION);
    const response = await apollo.executeOperation({ query: INGEST_MUTATION, variables: { events: chunk.map((event) => event.input) } }, { contextValue: context });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    const { data, errors } = response.body.singleResult as { data?: { ingestUsageEvents?: Outcome } | null; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> };
    const [error] = errors ?? [];
    if (error) {
      const code = String(error.extensions?.['code'] ?? 'INTERNAL_SERVER_ERROR');
      const refused = code === 'BAD_USER_INPUT' ? refusedEvents(error.extensions?.['issues']) : new Map<number, InputIssue>();
      if (!refused.size) throw new RouteError(statusOf(code), code, error.message, { field: error.extensions?.['field'] });
      chunk.forEach((event, position) => {
        const issue = refused.get(position);
        if (issue) outcome.rejected.push({ index: event.index, field: issue.field, message: issue.message });
      });
      pending = [...chunk.filter((_event, position) => !refused.has(position)), ...pending.slice(chunk.length)];
      continue;
    }
    const result = data?.ingestUsageEvents ?? { accepted: 0, duplicates: 0, rejected: [] };
    outcome.accepted += result.accepted;
    outcome.duplicates += result.duplicates;
    for (const rejection of result.rejected) outcome.rejected.push({ ...rejection, index: chunk[rejection.index]?.index ?? rejection.index });
    pending = pending.slice(chunk.length);
  }
  outcome.rejected.sort((a, b) => a.index - b.index);
  return outcome;
}

/** `events.3.properties` issues → event position 3 with field `properties`. */
function refusedEvents(issues: unknown): Map<number, InputIssue> {
  const refused = new Map<number, InputIssue>();
  for (const issue of Array.isArray(issues) ? (issues as InputIssue[]) : []) {
    const match = /^events\.(\d+)\.?(.*)$/.exec(String(issue.field));
    if (match && !refused.has(Number(match[1]))) refused.set(Number(match[1]), { field: match[2] || 'event', message: issue.message });
  }
  return refused;
}

function statusOf(code: string): number {
  return (ERROR_CODES as Record<string, { httpStatus: number } | undefined>)[code]?.httpStatus ?? 502;
}

function sendRouteError(response: ServerResponse, error: RouteError, body: Record<string, unknown> = {}): void {
  sendJson(response, error.status, { success: false, ...body, errors: [{ message: error.message, extensions: { code: error.code, ...error.extensions } }] });
}

/**
 * Segment-compatible usage ingest on the gateway's public port: `/v1/track`, `/v1/identify`,
 * `/v1/batch`. Requests are verified here and executed through the graph (`apollo`), so the
 * accounts subgraph authorizes and stores them like any other write.
 */
export function usageRoutes(options: { verifier: TokenVerifier; logger: Logger; apollo: ApolloServer<GatewayContext> }): Record<string, RouteHandler> {
  const { verifier, logger, apollo } = options;

  async function authenticate(request: IncomingMessage, requestId: string): Promise<GatewayContext> {
    const token = ingestToken(request.headers.authorization);
    if (!token) throw new RouteError(401, 'UNAUTHENTICATED', 'A bearer token (or HTTP Basic with the token as user name) is required');
    let identity: Identity;
    try {
      identity = await verifier.verify(token);
    } catch (error) {
      throw new RouteError(401, 'UNAUTHENTICATED', errorCodeOf(error) === 'UNAUTHENTICATED' ? (error as Error).message : 'Invalid token');
    }
    if (!hasScope(identity, INGEST_SCOPE)) throw new RouteError(403, 'FORBIDDEN', `Not allowed: recording usage needs the scope ${INGEST_SCOPE}`);
    return { identity, authorization: `Bearer ${token}`, requestId, logger: logger.child({ requestId, subject: identity.subject, role: identity.role }) };
  }

  const handle =
    (run: (body: unknown, context: GatewayContext, response: ServerResponse) => Promise<void>, maxBytes: number): RouteHandler =>
    async (request, response, requestId) => {
      try {
        const context = await authenticate(request, requestId);
        await run(parseJson(await readBody(request, maxBytes)), context, response);
      } catch (error) {
        if (!(error instanceof RouteError)) throw error;
        sendRouteError(response, error);
      }
    };

  const single = (kind: 'track' | 'identify') =>
    handle(async (body, context, response) => {
      const parsed = parseCall(kind, body);
      if (Array.isArray(parsed)) {
        const [first] = parsed;
        throw new RouteError(400, 'BAD_USER_INPUT', `Invalid ${first?.field}: ${first?.message}`, { field: first?.field, issues: parsed });
      }
      const outcome = await ingestThroughGraph(apollo, context, [{ index: 0, input: toEventInput(parsed, new Date().toISOString()) }]);
      const [rejection] = outcome.rejected;
      if (rejection) throw new RouteError(400, 'BAD_USER_INPUT', `Invalid ${rejection.field}: ${rejection.message}`, { field: rejection.field });
      sendJson(response, 200, { success: true, ...outcome });
    }, MAX_CALL_BYTES);

  const batch = handle(async (body, context, response) => {
    const parsedBody = batchBody.safeParse(body);
    if (!parsedBody.success) {
      const [first] = toInputIssues(parsedBody.error);
      throw new RouteError(400, 'BAD_USER_INPUT', `Invalid ${first?.field}: ${first?.message}`, { field: first?.field });
    }
    const receivedAt = new Date().toISOString();
    const rejected: Rejection[] = [];
    const valid: Array<{ index: number; input: Record<string, unknown> }> = [];
    parsedBody.data.batch.forEach((item, index) => {
      const type = batchItemType.safeParse(item);
      const parsed = type.success ? parseCall(type.data.type, item) : toInputIssues(type.error);
      if (Array.isArray(parsed)) rejected.push({ index, field: parsed[0]?.field ?? 'type', message: parsed[0]?.message ?? 'is invalid' });
      else valid.push({ index, input: toEventInput(parsed, receivedAt) });
    });
    const outcome = valid.length ? await ingestThroughGraph(apollo, context, valid) : { accepted: 0, duplicates: 0, rejected: [] };
    const summary = { accepted: outcome.accepted, duplicates: outcome.duplicates, rejected: [...rejected, ...outcome.rejected].sort((a, b) => a.index - b.index) };
    if (summary.rejected.length === parsedBody.data.batch.length) {
      const [first] = summary.rejected;
      const error = new RouteError(400, 'BAD_USER_INPUT', 'Every call in the batch is invalid', { field: first ? `batch.${first.index}.${first.field}` : 'batch' });
      sendRouteError(response, error, summary);
      return;
    }
    sendJson(response, 200, { success: true, ...summary });
  }, MAX_BATCH_BYTES);

  return { 'POST /v1/track': single('track'), 'POST /v1/identify': single('identify'), 'POST /v1/batch': batch };
}
