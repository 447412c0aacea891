import { Gauge, type Registry } from 'prom-client';
import type { SearchIndex } from '../index/search-index';
import type { IndexSync } from './index-sync';

/** How big this replica's index is and how fresh each feed: what to alert on when search lags. */
export function registerSearchMetrics(registry: Registry, index: SearchIndex, sync: IndexSync): void {
  new Gauge({
    name: 'hub_search_index_documents',
    help: "Documents in this search replica's index.",
    registers: [registry],
    collect() {
      this.set(index.size);
    },
  });
  new Gauge({
    name: 'hub_search_feed_last_read_timestamp_seconds',
    help: 'When each content feed was last read completely (Unix seconds); 0 before the first read.',
    labelNames: ['feed'] as const,
    registers: [registry],
    collect() {
      for (const [feed, status] of sync.status()) this.set({ feed }, (status.lastSuccessAt?.getTime() ?? 0) / 1000);
    },
  });
}
