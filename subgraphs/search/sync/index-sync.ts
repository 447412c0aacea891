import type { ContentChange } from '../../kit/content-feed';
import type { Logger } from '../../kit/logger';
import type { IndexedDocument, SearchIndex } from '../index/search-index';
import type { ChangeSource } from './change-sources';

/**
 * Each read starts this far before the newest change already seen. A write stamped at time t may
 * commit a little after a later-stamped one (on MongoDB, or across awaits); reading the last
 * seconds again catches it, and changes already indexed at their `updatedAt` are skipped.
 */
export const OVERLAP_MS = 2_000;
export const FEED_PAGE_SIZE = 1_000;
/** A source failing this many times in a row is worth a warning (the first failures are start-up). */
const WARN_AFTER_FAILURES = 3;

export interface SourceStatus {
  /** Where the next read starts; null until the first full read is done. */
  since: Date | null;
  lastSuccessAt: Date | null;
  consecutiveFailures: number;
}

function toIndexedDocument(change: ContentChange): IndexedDocument {
  const { removed: _removed, ...document } = change;
  return document;
}

/**
 * Keeps the index fresh by polling every content feed: the first read of a feed takes everything,
 * each later one what changed since. A failing feed only stops itself; the others go on, and it
 * resumes from where it stopped.
 */
export class IndexSync {
  private readonly statuses = new Map<string, SourceStatus>();
  private timer: NodeJS.Timeout | null = null;
  private cycle: Promise<void> | null = null;
  private isStopped = false;

  constructor(
    private readonly options: { index: SearchIndex; sources: readonly ChangeSource[]; intervalMs: number; logger: Logger },
  ) {
    for (const source of options.sources) this.statuses.set(source.name, { since: null, lastSuccessAt: null, consecutiveFailures: 0 });
  }

  /** Reads every feed now, and again `intervalMs` after each round ends. */
  start(): void {
    const startedAt = Date.now();
    let hasCaughtUp = false;
    const tick = () => {
      this.timer = null;
      this.syncOnce()
        .then(() => {
          if (!hasCaughtUp && this.hasReadEverySource()) {
            hasCaughtUp = true;
            this.options.logger.info({ documents: this.options.index.size, durationMs: Date.now() - startedAt }, 'search index built');
          }
        })
        .finally(() => {
          if (this.isStopped) return;
          this.timer = setTimeout(tick, this.options.intervalMs);
          // The schedule must never keep a process (or a test run) alive on its own.
          this.timer.unref();
        });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.isStopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.cycle;
  }

  /** One round over every feed; joins the round already running. Never rejects. */
  syncOnce(): Promise<void> {
    this.cycle ??= Promise.all(this.options.sources.map((source) => this.follow(source))).then(
      () => {
        this.cycle = null;
      },
    );
    return this.cycle;
  }

  status(): ReadonlyMap<string, Readonly<SourceStatus>> {
    return this.statuses;
  }

  private hasReadEverySource(): boolean {
    return [...this.statuses.values()].every((status) => status.lastSuccessAt !== null);
  }

  private async follow(source: ChangeSource): Promise<void> {
    const status = this.statuses.get(source.name)!;
    try {
      let after: string | null = null;
      let newest = status.since?.getTime() ?? null;
      for (;;) {
        const page = await source.read(status.since, after, FEED_PAGE_SIZE);
        for (const change of page.changes) {
          this.apply(change);
          newest = Math.max(newest ?? 0, change.updatedAt.getTime());
        }
        if (!page.hasNextPage || !page.endCursor) break;
        after = page.endCursor;
      }
      // Only a finished read moves the start: a read that failed halfway is simply repeated.
      status.since = new Date(newest === null ? 0 : newest - OVERLAP_MS);
      status.lastSuccessAt = new Date();
      if (status.consecutiveFailures >= WARN_AFTER_FAILURES) this.options.logger.info({ feed: source.name }, 'search feed readable again');
      status.consecutiveFailures = 0;
    } catch (error) {
      status.consecutiveFailures += 1;
      const log = status.consecutiveFailures === WARN_AFTER_FAILURES ? 'warn' : 'debug';
      this.options.logger[log]({ err: error, feed: source.name, failures: status.consecutiveFailures }, 'search feed unreadable; retrying');
    }
  }

  private apply(change: ContentChange): void {
    const { index } = this.options;
    if (change.removed) {
      index.remove(change.id);
      return;
    }
    if (index.get(change.id)?.updatedAt.getTime() === change.updatedAt.getTime()) return;
    index.upsert(toIndexedDocument(change));
  }
}
