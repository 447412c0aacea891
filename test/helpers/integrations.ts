import { SUBGRAPHS, type SubgraphModule } from '../../subgraphs/catalog';
import { InboundRejection, type InboundSource, type StoredInboundEvent } from '../../subgraphs/integrations/inbound/inbound-source';
import type { InboundEventDocument } from '../../subgraphs/integrations/inbound/model';
import { InboxProcessor } from '../../subgraphs/integrations/inbound/processor';
import { InboxRepository } from '../../subgraphs/integrations/inbound/repository';
import { createIntegrationsSubgraph } from '../../subgraphs/integrations/server';
import type { HubService } from '../../subgraphs/kit/apollo-service';
import type { HubConfig } from '../../subgraphs/kit/config';
import type { GraphClient } from '../../subgraphs/kit/graph-client';
import { createLogger } from '../../subgraphs/kit/logger';
import { newId } from '../../subgraphs/kit/records';
import { openStore } from '../../subgraphs/kit/store/open-store';
import type { HubStore } from '../../subgraphs/kit/store/types';
import type { SubgraphDeps } from '../../subgraphs/kit/subgraph-service';
import { startStack, type Stack } from './stack';

/** Every field of `IntegrationEvent`, for queries. */
export const INTEGRATION_EVENT_FIELDS = `id source deliveryId eventType status attempts receivedAt appliedAt nextAttemptAt lastError result payloadJson`;

export interface IntegrationEventView {
  id: string;
  source: string;
  deliveryId: string;
  eventType: string;
  status: 'PENDING' | 'APPLIED' | 'FAILED';
  attempts: number;
  receivedAt: string;
  appliedAt: string | null;
  nextAttemptAt: string | null;
  lastError: string | null;
  result: string | null;
  payloadJson: string;
}

export interface IntegrationsStack extends Stack {
  /** Stops one subgraph as if its process went down: the gateway then finds it unreachable. */
  stopSubgraph(name: string): Promise<void>;
  /** Starts a stopped subgraph again on its old port, over the same store. */
  restartSubgraph(name: string): Promise<void>;
}

/**
 * The test stack (every subgraph and the gateway on port 0), with the inbox answering `sources`
 * instead of the registered ones when given, and single subgraphs that can be stopped and
 * started again.
 */
export async function startIntegrationsStack(options: { sources?: readonly InboundSource[]; config?: HubConfig } = {}): Promise<IntegrationsStack> {
  const running = new Map<string, { service: HubService; deps: SubgraphDeps; create: SubgraphModule['create'] }>();
  const subgraphs = SUBGRAPHS.map((module): SubgraphModule => {
    const create: SubgraphModule['create'] =
      module.name === 'integrations' && options.sources ? (deps) => createIntegrationsSubgraph(deps, { sources: options.sources }) : module.create;
    return {
      ...module,
      async create(deps) {
        const service = await create(deps);
        running.set(module.name, { service, deps, create });
        return service;
      },
    };
  });
  const stack = await startStack({ ...(options.config ? { config: options.config } : {}), subgraphs });
  const restarted: HubService[] = [];
  const entry = (name: string) => {
    const found = running.get(name);
    if (!found) throw new Error(`no subgraph named ${name} runs in this stack`);
    return found;
  };
  return {
    ...stack,
    stopSubgraph: (name) => entry(name).service.stop(),
    async restartSubgraph(name) {
      const { deps, create } = entry(name);
      const service = await create(deps);
      restarted.push(service);
      await service.listen(Number(new URL(stack.subgraphUrls[name] ?? '').port));
    },
    async stop() {
      await Promise.all(restarted.map((service) => service.stop()));
      await stack.stop();
    },
  };
}

/** The gateway's (or a service's) base URL, without `/graphql`. */
export function baseUrlOf(graphqlUrl: string): string {
  return graphqlUrl.replace(/\/graphql$/, '');
}

export interface RawResponse {
  status: number;
  headers: Headers;
  /** The body parsed as JSON, or its text when it is not JSON. */
  body: unknown;
}

/** Sends bytes as they are (no JSON encoding) to `path` under `baseUrl`. */
export async function sendRaw(
  baseUrl: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> {
  const response = await fetch(`${baseUrl}${path}`, { method: options.method ?? 'POST', headers: options.headers, body: options.body });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body };
}

/** `integrationEvents` through the gateway as staff, newest first. */
export async function listIntegrationEvents(
  stack: Stack,
  args: { status?: string; source?: string; first?: number } = {},
): Promise<IntegrationEventView[]> {
  const result = await stack.query<{ integrationEvents: { edges: Array<{ node: IntegrationEventView }> } }>(
    `query($status: IntegrationEventStatus, $source: IntegrationSource, $first: Int) {
      integrationEvents(status: $status, source: $source, first: $first) { edges { node { ${INTEGRATION_EVENT_FIELDS} } } }
    }`,
    { token: await stack.staffToken(), variables: { first: 100, ...args } },
  );
  if (result.errors?.length) throw new Error(`integrationEvents failed: ${JSON.stringify(result.errors)}`);
  return result.data?.integrationEvents.edges.map((edge) => edge.node) ?? [];
}

/**
 * Waits until the event `deliveryId` of `source` (e.g. `STRIPE`) is in the inbox and `isDone`
 * says so (by default: no longer PENDING), and returns it as the graph shows it.
 */
export async function waitForInboxEvent(
  stack: Stack,
  event: { source: string; deliveryId: string },
  options: { isDone?: (event: IntegrationEventView) => boolean; timeoutMs?: number } = {},
): Promise<IntegrationEventView> {
  const isDone = options.isDone ?? ((candidate) => candidate.status !== 'PENDING');
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  let last: IntegrationEventView | undefined;
  while (Date.now() < deadline) {
    last = (await listIntegrationEvents(stack, { source: event.source })).find((candidate) => candidate.deliveryId === event.deliveryId);
    if (last && isDone(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`event ${event.source} ${event.deliveryId} not done in time; last seen: ${JSON.stringify(last ?? null)}`);
}

export interface TestInbox {
  repository: InboxRepository;
  processor: InboxProcessor;
  /** Every stored event, oldest first, as the collection holds it. */
  events(): Promise<InboundEventDocument[]>;
  /** Stores an event as a receipt would, due at once. */
  receive(source: InboundSource, event: { deliveryId: string; eventType?: string; payload?: unknown }): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * The inbox alone on a fresh embedded store, with no schedule: tests drive it with
 * `runInboxOnce` and move `now` themselves.
 */
export async function createTestInbox(options: {
  sources: readonly InboundSource[];
  graph?: GraphClient;
  now: () => Date;
  retryBaseMs?: number;
  maxAttempts?: number;
}): Promise<TestInbox> {
  const store: HubStore = await openStore({});
  const repository = new InboxRepository(store.db('inbox_test'));
  await repository.ensureIndexes();
  const processor = new InboxProcessor({
    repository,
    sources: options.sources,
    graph: options.graph ?? { request: () => Promise.reject(new Error('no graph in this test')) },
    logger: createLogger({ level: 'silent' }),
    pollMs: 0,
    retryBaseMs: options.retryBaseMs ?? 1_000,
    maxAttempts: options.maxAttempts ?? 3,
    now: options.now,
    // The middle of the jitter range: waits are exactly the base, doubled.
    random: () => 0.5,
  });
  return {
    repository,
    processor,
    events: () => repository.events.find({}, { sort: { receivedAt: 1, _id: 1 } }).toArray(),
    receive: (source, event) =>
      repository.insertIfNew({
        _id: newId('ievt'),
        source: source.name,
        deliveryId: event.deliveryId,
        eventType: event.eventType ?? 'test.event',
        payload: event.payload ?? {},
        rawBody: JSON.stringify(event.payload ?? {}),
        receivedAt: options.now(),
        requestId: 'test-request',
        status: 'PENDING',
        attempts: 0,
        nextAttemptAt: options.now(),
        lastError: null,
        appliedAt: null,
        result: null,
        lockedUntil: null,
      }),
    async close() {
      await processor.stop();
      await store.close();
    },
  };
}

/** Applies every event of the inbox that is due now, one at a time; resolves to how many were tried. */
export function runInboxOnce(inbox: Pick<TestInbox, 'processor'>): Promise<number> {
  return inbox.processor.runOnce();
}

/** The signature the test sources accept; anything else is refused with 401. */
export const TEST_SIGNATURE = 't=1,v1=test-signature';

const UPSERT_ACCOUNT = `mutation($input: UpsertAccountInput!) { upsertAccount(input: $input) { id } }`;

/** A billing-style event the test source understands: one customer to keep as an account. */
export interface TestCustomerEvent {
  id: string;
  type: string;
  data: { customer: string; name: string };
}

export interface AccountsTestSource extends InboundSource {
  /** Delivery ids in the order their apply was called. */
  readonly applied: string[];
  /** While true, applying an event whose customer name starts with "Refused" fails. */
  isRefusing: boolean;
}

/**
 * An inbound source for testing the inbox itself, on the Stripe route: `Stripe-Signature` must
 * equal TEST_SIGNATURE, the body is one JSON event, and applying it upserts an account through
 * the graph (matched by its `stripe` external id, so applying it again changes nothing).
 */
export function accountsTestSource(): AccountsTestSource {
  const source: AccountsTestSource = {
    name: 'stripe',
    routes: ['POST /webhooks/stripe'],
    applied: [],
    isRefusing: true,
    receive(request) {
      if (request.headers['stripe-signature'] !== TEST_SIGNATURE) throw new InboundRejection(401, 'UNAUTHENTICATED', 'The signature does not match');
      let event: TestCustomerEvent;
      try {
        event = JSON.parse(request.rawBody.toString('utf8')) as TestCustomerEvent;
      } catch {
        throw new InboundRejection(400, 'BAD_USER_INPUT', 'The body is not valid JSON');
      }
      return [{ deliveryId: event.id, eventType: event.type, payload: event }];
    },
    async apply(event: StoredInboundEvent, graph) {
      source.applied.push(event.deliveryId);
      const { data } = event.payload as TestCustomerEvent;
      if (source.isRefusing && data.name.startsWith('Refused')) throw new Error(`the test refuses ${data.name}`);
      const input = { name: data.name, segment: 'SMB', externalIds: [{ source: 'stripe', id: data.customer }] };
      const result = await graph.request<{ upsertAccount: { id: string } }>(UPSERT_ACCOUNT, { input });
      return `account ${result.upsertAccount.id} upserted`;
    },
  };
  return source;
}

/** Sends `event` to the test source's route on the gateway, signed unless told otherwise. */
export function sendTestEvent(stack: Stack, event: TestCustomerEvent | string, options: { signature?: string; headers?: Record<string, string> } = {}): Promise<RawResponse> {
  return sendRaw(baseUrlOf(stack.gatewayUrl), '/webhooks/stripe', {
    headers: { 'content-type': 'application/json', 'stripe-signature': options.signature ?? TEST_SIGNATURE, ...options.headers },
    body: typeof event === 'string' ? event : JSON.stringify(event),
  });
}
