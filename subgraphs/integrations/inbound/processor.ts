import type { GraphClient } from '../../kit/graph-client';
import type { Logger } from '../../kit/logger';
import { failedTryOutcome, type RetryPolicy } from './backoff';
import type { InboundSource, InboundSourceName, StoredInboundEvent } from './inbound-source';
import type { InboundEventDocument } from './model';
import type { ApplyOutcome, InboxRepository } from './repository';

/** How long a processor holds an event it applies; a crashed processor's events are free again after it. */
const LEASE_MS = 5 * 60_000;
/** Due events looked up per query; they are still applied one at a time. */
const DUE_BATCH_SIZE = 20;

export interface InboxProcessorOptions extends RetryPolicy {
  repository: InboxRepository;
  sources: readonly InboundSource[];
  /** The graph, with a token that may write to the subgraphs owning the events' data. */
  graph: GraphClient;
  logger: Logger;
  /** Milliseconds between runs; 0 runs only when asked (`runOnce`, `replay`). */
  pollMs: number;
  now?: () => Date;
}

/** Why a replay could not start. */
export type ReplayRefusal = 'NOT_FOUND' | 'BUSY';

/**
 * Applies the inbox's events to the subgraphs that own their data: due PENDING events, oldest
 * first, one at a time (so each source's events land in the order they came), on a schedule and
 * right after a receipt. A failed try is retried with backoff and, once every try is used up,
 * kept as FAILED for a replay.
 */
export class InboxProcessor {
  private readonly sources: ReadonlyMap<InboundSourceName, InboundSource>;
  private readonly now: () => Date;
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<number> | null = null;
  private isKickedDuringRun = false;
  private isStopped = false;

  constructor(private readonly options: InboxProcessorOptions) {
    this.sources = new Map(options.sources.map((source) => [source.name, source]));
    this.now = options.now ?? (() => new Date());
  }

  /** Starts the schedule (unless `pollMs` is 0). */
  start(): void {
    if (this.options.pollMs <= 0 || this.timer) return;
    this.timer = setInterval(() => this.kick(), this.options.pollMs);
    this.timer.unref();
  }

  /** Asks for a run soon, e.g. after a receipt; a run under way goes round once more instead. */
  kick(): void {
    if (this.isStopped || this.options.pollMs <= 0) return;
    if (this.current) {
      this.isKickedDuringRun = true;
      return;
    }
    this.runOnce().catch((error: unknown) => this.options.logger.error({ err: error }, 'inbox run failed'));
  }

  /** Tries every event due now, one at a time; resolves to how many were tried. */
  runOnce(): Promise<number> {
    if (this.current) return this.current.then(() => this.runOnce());
    const run = this.drain().finally(() => {
      this.current = null;
      if (this.isKickedDuringRun) {
        this.isKickedDuringRun = false;
        this.kick();
      }
    });
    this.current = run;
    return run;
  }

  /** Applies one event now, whatever its state; its attempts are kept and this try counts. */
  async replay(id: string): Promise<InboundEventDocument | ReplayRefusal> {
    const claimed = await this.options.repository.claim(id, this.now(), LEASE_MS, { anyState: true });
    if (claimed) return this.applyClaimed(claimed);
    return (await this.options.repository.findById(id)) ? 'BUSY' : 'NOT_FOUND';
  }

  /** Stops the schedule; resolves once a run under way has settled its event. */
  async stop(): Promise<void> {
    this.isStopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.current?.catch(() => undefined);
  }

  private async drain(): Promise<number> {
    let tried = 0;
    while (!this.isStopped) {
      const dueIds = await this.options.repository.dueIds(this.now(), DUE_BATCH_SIZE);
      let claimedAny = false;
      for (const id of dueIds) {
        if (this.isStopped) break;
        const claimed = await this.options.repository.claim(id, this.now(), LEASE_MS);
        if (!claimed) continue;
        claimedAny = true;
        await this.applyClaimed(claimed);
        tried += 1;
      }
      if (!claimedAny) break;
    }
    return tried;
  }

  private async applyClaimed(event: InboundEventDocument): Promise<InboundEventDocument> {
    const logger = this.options.logger.child({ eventId: event._id, source: event.source, deliveryId: event.deliveryId, requestId: event.requestId });
    let outcome: ApplyOutcome;
    try {
      const source = this.sources.get(event.source);
      if (!source) throw new Error(`no inbound source named ${event.source} is registered`);
      outcome = { status: 'APPLIED', result: await source.apply(toStoredEvent(event), this.options.graph) };
      logger.info({ attempts: event.attempts, result: outcome.result }, 'inbound event applied');
    } catch (error) {
      outcome = failedTryOutcome(event.attempts, error, this.now(), this.options);
      logger.warn({ err: error, attempts: event.attempts, status: outcome.status }, 'inbound event not applied');
    }
    return (await this.options.repository.settle(event._id, outcome, this.now())) ?? event;
  }
}

/** What a source sees of a stored event; `attempts` counts the tries before this one. */
function toStoredEvent(event: InboundEventDocument): StoredInboundEvent {
  return {
    id: event._id,
    source: event.source,
    deliveryId: event.deliveryId,
    eventType: event.eventType,
    payload: event.payload,
    receivedAt: event.receivedAt,
    attempts: event.attempts - 1,
  };
}
