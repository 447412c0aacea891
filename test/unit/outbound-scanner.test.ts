import type { GraphClient } from '../../subgraphs/kit/graph-client';
import { createLogger } from '../../subgraphs/kit/logger';
import { openStore } from '../../subgraphs/kit/store/open-store';
import type { HubStore } from '../../subgraphs/kit/store/types';
import { WebhookDeliveriesRepository } from '../../subgraphs/integrations/outbound/deliveries-repository';
import type { EventDetector } from '../../subgraphs/integrations/outbound/detectors/detector';
import { dormantUsersDetector, promotersDetector } from '../../subgraphs/integrations/outbound/detectors/people';
import { OutboundEventsRepository } from '../../subgraphs/integrations/outbound/events-repository';
import { eventIdFor, Outbox } from '../../subgraphs/integrations/outbound/outbox';
import { EventScanner } from '../../subgraphs/integrations/outbound/scanner';
import { WebhookSubscriptionsRepository } from '../../subgraphs/integrations/outbound/subscriptions-repository';

const logger = createLogger({ level: 'silent' });
const NOW = new Date('2026-11-02T09:00:00Z');

/** A graph that answers every request with the next canned answer. */
function cannedGraph(answers: unknown[]): GraphClient {
  return { request: async <T>() => answers.shift() as T };
}

const dormant = (lastActiveAt: string | null) => ({
  dormantUsers: [
    {
      user: { id: 'usr_1', name: 'Aiko Tanaka', email: 'aiko@globex.example', account: { id: 'acc_1', name: 'Globex' } },
      lastActiveAt,
      inactiveDays: 31,
      suggestedFeatures: ['Report Created'],
    },
  ],
});

describe('scanning for webhook events', () => {
  let store: HubStore;
  let outbox: Outbox;
  let events: OutboundEventsRepository;

  beforeEach(async () => {
    store = await openStore({});
    const db = store.db('outbound_scanner');
    events = new OutboundEventsRepository(db);
    outbox = new Outbox(events, new WebhookSubscriptionsRepository(db), new WebhookDeliveriesRepository(db), () => undefined);
  });
  afterEach(() => store.close());

  const scanner = (detectors: EventDetector[], graph: GraphClient = cannedGraph([])) => new EventScanner({ detectors, graph, outbox, logger, now: () => NOW });

  it('runs the other detectors when one fails, and names the one that failed', async () => {
    const failing: EventDetector = {
      name: 'renewals',
      detect: async () => {
        throw new Error('graph request failed: The contracts service could not be reached');
      },
    };
    const working: EventDetector = { name: 'promoters', detect: async () => ({ announced: 2, deliveriesQueued: 1, baselined: 0 }) };
    expect(await scanner([failing, working]).scanOnce()).toEqual({
      scannedAt: NOW,
      eventsAnnounced: 2,
      deliveriesQueued: 1,
      accountsBaselined: 0,
      failures: ['renewals: graph request failed: The contracts service could not be reached'],
    });
  });

  it('joins a scan already under way instead of starting a second one', async () => {
    let runs = 0;
    const slow: EventDetector = {
      name: 'slow',
      detect: async () => {
        runs += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return { announced: 0, deliveriesQueued: 0, baselined: 0 };
      },
    };
    const shared = scanner([slow]);
    const [first, second] = await Promise.all([shared.scanOnce(), shared.scanOnce()]);
    expect(first).toBe(second);
    expect(runs).toBe(1);
    await shared.scanOnce();
    expect(runs).toBe(2);
  });

  it('reads every advocate candidate, a full list at a time, so one ranked below the first hundred is announced too', async () => {
    const candidate = (n: number) => ({
      user: { id: `usr_${String(n).padStart(3, '0')}`, name: `User ${n}`, email: `user${n}@globex.example`, account: { id: 'acc_1', name: 'Globex' } },
      score: 200 - n,
      evidence: [`${n} accepted answers`],
    });
    const requests: Array<Record<string, unknown> | undefined> = [];
    const answers = [{ advocateCandidates: Array.from({ length: 100 }, (_, n) => candidate(n)) }, { advocateCandidates: [candidate(100)] }];
    const graph: GraphClient = {
      request: async <T>(_query: string, variables?: Record<string, unknown>) => {
        requests.push(variables);
        return answers.shift() as T;
      },
    };
    expect((await scanner([promotersDetector()], graph).scanOnce()).eventsAnnounced).toBe(101);
    expect(requests).toEqual([
      { first: 100, after: null },
      { first: 100, after: 'usr_099' },
    ]);
    expect(await events.events.countDocuments({ type: 'community.promoter' })).toBe(101);
  });

  it('announces a dormant user once per dormancy: again only after the user was active in between', async () => {
    const graph = cannedGraph([dormant('2026-10-01T08:00:00.000Z'), dormant('2026-10-01T08:00:00.000Z'), dormant('2026-10-02T08:00:00.000Z')]);
    const scans = scanner([dormantUsersDetector()], graph);
    expect((await scans.scanOnce()).eventsAnnounced).toBe(1);
    expect((await scans.scanOnce()).eventsAnnounced).toBe(0);
    expect((await scans.scanOnce()).eventsAnnounced).toBe(1);
    const stored = await events.events.find({}, { sort: { factKey: 1 } }).toArray();
    expect(stored.map((event) => event.factKey)).toEqual(['user.dormant|usr_1|2026-10-01T08:00:00.000Z', 'user.dormant|usr_1|2026-10-02T08:00:00.000Z']);
    expect(stored[0]?._id).toBe(eventIdFor('user.dormant|usr_1|2026-10-01T08:00:00.000Z'));
    expect(JSON.parse(stored[0]!.body)).toEqual({
      type: 'user.dormant',
      timestamp: NOW.toISOString(),
      data: {
        userId: 'usr_1',
        email: 'aiko@globex.example',
        name: 'Aiko Tanaka',
        accountId: 'acc_1',
        accountName: 'Globex',
        lastActiveAt: '2026-10-01T08:00:00.000Z',
        inactiveDays: 31,
        suggestedFeatures: ['Report Created'],
      },
    });
  });
});
