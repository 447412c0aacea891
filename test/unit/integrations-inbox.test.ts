import type { InboundSource, StoredInboundEvent } from '../../subgraphs/integrations/inbound/inbound-source';
import { InboxProcessor } from '../../subgraphs/integrations/inbound/processor';
import { createLogger } from '../../subgraphs/kit/logger';
import { createTestInbox, runInboxOnce, type TestInbox } from '../helpers/integrations';

const START = new Date('2026-03-02T09:00:00.000Z');
const RETRY_BASE_MS = 1_000;
const LEASE_MS = 5 * 60_000;

/** A source whose apply the test decides; receiving is not under test here. */
function sourceApplying(apply: (event: StoredInboundEvent) => Promise<string>): InboundSource {
  return { name: 'stripe', routes: ['POST /webhooks/stripe'], receive: () => [], apply };
}

function clock() {
  let now = START.getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

describe('the inbox processor', () => {
  let inbox: TestInbox;
  afterEach(() => inbox.close());

  it('applies due events oldest first, one at a time, and keeps what each changed', async () => {
    const time = clock();
    const applied: string[] = [];
    let running = 0;
    let mostAtOnce = 0;
    const source = sourceApplying(async (event) => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      applied.push(event.deliveryId);
      running -= 1;
      return `changed ${event.deliveryId}`;
    });
    inbox = await createTestInbox({ sources: [source], now: time.now });
    for (const deliveryId of ['evt_1', 'evt_2', 'evt_3']) {
      await inbox.receive(source, { deliveryId });
      time.advance(1);
    }

    expect(await runInboxOnce(inbox)).toBe(3);

    expect(applied).toEqual(['evt_1', 'evt_2', 'evt_3']);
    expect(mostAtOnce).toBe(1);
    const [first] = await inbox.events();
    expect(first).toMatchObject({ status: 'APPLIED', attempts: 1, result: 'changed evt_1', lastError: null, nextAttemptAt: null, lockedUntil: null });
    expect(first?.appliedAt).toEqual(time.now());
  });

  it('stores a repeated delivery id once, so it is applied once', async () => {
    const time = clock();
    const apply = jest.fn(async () => 'done');
    const source = sourceApplying(apply);
    inbox = await createTestInbox({ sources: [source], now: time.now });

    expect(await inbox.receive(source, { deliveryId: 'evt_twice' })).toBe(true);
    expect(await inbox.receive(source, { deliveryId: 'evt_twice' })).toBe(false);
    await runInboxOnce(inbox);
    await runInboxOnce(inbox);

    expect(apply).toHaveBeenCalledTimes(1);
    expect(await inbox.events()).toHaveLength(1);
  });

  it('retries a failed apply with exponential backoff, keeping its error, and marks it FAILED after the last try', async () => {
    const time = clock();
    const seenAttempts: number[] = [];
    const source = sourceApplying(async (event) => {
      seenAttempts.push(event.attempts);
      throw new Error(`contracts unavailable (try ${event.attempts + 1})`);
    });
    inbox = await createTestInbox({ sources: [source], now: time.now, retryBaseMs: RETRY_BASE_MS, maxAttempts: 3 });
    await inbox.receive(source, { deliveryId: 'evt_failing' });

    await runInboxOnce(inbox);
    let [event] = await inbox.events();
    expect(event).toMatchObject({ status: 'PENDING', attempts: 1, lastError: 'contracts unavailable (try 1)' });
    expect(event?.nextAttemptAt).toEqual(new Date(START.getTime() + RETRY_BASE_MS));

    time.advance(RETRY_BASE_MS - 1);
    expect(await runInboxOnce(inbox)).toBe(0);

    time.advance(1);
    await runInboxOnce(inbox);
    [event] = await inbox.events();
    expect(event).toMatchObject({ status: 'PENDING', attempts: 2, lastError: 'contracts unavailable (try 2)' });
    expect(event?.nextAttemptAt).toEqual(new Date(time.now().getTime() + 2 * RETRY_BASE_MS));

    time.advance(2 * RETRY_BASE_MS);
    await runInboxOnce(inbox);
    [event] = await inbox.events();
    expect(event).toMatchObject({ status: 'FAILED', attempts: 3, lastError: 'contracts unavailable (try 3)', nextAttemptAt: null, appliedAt: null });

    time.advance(24 * 3_600_000);
    expect(await runInboxOnce(inbox)).toBe(0);
    expect(seenAttempts).toEqual([0, 1, 2]);
  });

  it('replays a FAILED event now, keeping its attempts, and returns the outcome', async () => {
    const time = clock();
    let isOwnerUp = false;
    const source = sourceApplying(async () => {
      if (!isOwnerUp) throw new Error('owner down');
      return 'contract sub_1 updated';
    });
    inbox = await createTestInbox({ sources: [source], now: time.now, maxAttempts: 1 });
    await inbox.receive(source, { deliveryId: 'evt_replayed' });
    await runInboxOnce(inbox);
    const [failed] = await inbox.events();
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 1 });

    isOwnerUp = true;
    const replayed = await inbox.processor.replay(failed!._id);

    expect(replayed).toMatchObject({ status: 'APPLIED', attempts: 2, result: 'contract sub_1 updated', lastError: 'owner down' });
  });

  it('refuses to replay an event that does not exist or that is being applied', async () => {
    const time = clock();
    const source = sourceApplying(async () => 'done');
    inbox = await createTestInbox({ sources: [source], now: time.now });
    await inbox.receive(source, { deliveryId: 'evt_busy' });
    const [event] = await inbox.events();
    await inbox.repository.claim(event!._id, time.now(), LEASE_MS);

    expect(await inbox.processor.replay('ievt_missing')).toBe('NOT_FOUND');
    expect(await inbox.processor.replay(event!._id)).toBe('BUSY');
  });

  it('never lets two processors apply the same event at once', async () => {
    const time = clock();
    const applied: string[] = [];
    const source = sourceApplying(async (event) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      applied.push(event.deliveryId);
      return 'done';
    });
    inbox = await createTestInbox({ sources: [source], now: time.now });
    for (let index = 0; index < 6; index += 1) await inbox.receive(source, { deliveryId: `evt_${index}` });
    const other = new InboxProcessor({
      repository: inbox.repository,
      sources: [source],
      graph: { request: () => Promise.reject(new Error('unused')) },
      logger: createLogger({ level: 'silent' }),
      pollMs: 0,
      retryBaseMs: RETRY_BASE_MS,
      maxAttempts: 3,
      now: time.now,
    });

    const [mine, theirs] = await Promise.all([runInboxOnce(inbox), other.runOnce()]);

    expect(mine + theirs).toBe(6);
    expect([...applied].sort()).toEqual(['evt_0', 'evt_1', 'evt_2', 'evt_3', 'evt_4', 'evt_5']);
  });

  it('takes over an event whose processor stopped mid-apply once its lease has run out', async () => {
    const time = clock();
    const source = sourceApplying(async () => 'done');
    inbox = await createTestInbox({ sources: [source], now: time.now });
    await inbox.receive(source, { deliveryId: 'evt_orphaned' });
    const [event] = await inbox.events();
    await inbox.repository.claim(event!._id, time.now(), LEASE_MS);

    expect(await runInboxOnce(inbox)).toBe(0);
    time.advance(LEASE_MS);
    expect(await runInboxOnce(inbox)).toBe(1);

    expect((await inbox.events())[0]).toMatchObject({ status: 'APPLIED', attempts: 2 });
  });

  it('lets an apply under way settle its event when stopped, and starts nothing after', async () => {
    const time = clock();
    let finishApply: () => void = () => undefined;
    const apply = jest.fn(() => new Promise<string>((resolve) => (finishApply = () => resolve('done'))));
    const source = sourceApplying(apply);
    inbox = await createTestInbox({ sources: [source], now: time.now });
    await inbox.receive(source, { deliveryId: 'evt_in_flight' });
    await inbox.receive(source, { deliveryId: 'evt_next' });

    const run = runInboxOnce(inbox);
    while (apply.mock.calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    const stopped = inbox.processor.stop();
    finishApply();
    await Promise.all([run, stopped]);

    expect((await inbox.events()).map((event) => event.status)).toEqual(['APPLIED', 'PENDING']);
    expect(apply).toHaveBeenCalledTimes(1);
  });
});
