import type { Logger } from '../kit/logger';
import type { Population } from './population-model';

/** How long a population read serves before the next request triggers a fresh one. */
export const POPULATION_MAX_AGE_MS = 5 * 60_000;

/**
 * The population, read once and reused for a few minutes, like a materialized view: popularity
 * among a persona and the staff lists need every user, far too much to read per request. It is
 * shared by every caller of the process, which is safe because it is read with the hub's own token
 * and only ever used after the caller was authorized; what reaches a customer is their own
 * recommendations of content they may read.
 *
 * The first request waits for the read; later ones get the current view at once, and a view older
 * than `maxAgeMs` is refreshed in the background (one read at a time). A failed refresh keeps the
 * previous view and is retried by the next request.
 */
export class PopulationCache {
  private current: Population | null = null;
  private pending: Promise<Population> | null = null;

  constructor(
    private readonly read: () => Promise<Population>,
    private readonly logger: Logger,
    private readonly maxAgeMs = POPULATION_MAX_AGE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<Population> {
    if (!this.current) return this.refresh();
    if (this.now() - this.current.readAt.getTime() > this.maxAgeMs) {
      this.refresh().catch((error: unknown) => this.logger.warn({ err: error }, 'journey population refresh failed; serving the previous one'));
    }
    return this.current;
  }

  private refresh(): Promise<Population> {
    this.pending ??= this.read()
      .then((population) => {
        this.current = population;
        return population;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }
}
