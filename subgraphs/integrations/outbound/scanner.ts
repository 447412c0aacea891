import type { GraphClient } from '../../kit/graph-client';
import type { Logger } from '../../kit/logger';
import type { EventDetector } from './detectors/detector';
import type { Outbox } from './outbox';

/** What one scan found. */
export interface ScanSummary {
  scannedAt: Date;
  eventsAnnounced: number;
  deliveriesQueued: number;
  /** Accounts whose health was seen for the first time: recorded, not announced. */
  accountsBaselined: number;
  /** Detectors that failed this time (e.g. a subgraph was down), with why; the next scan tries again. */
  failures: string[];
}

export interface EventScannerOptions {
  detectors: readonly EventDetector[];
  graph: GraphClient;
  outbox: Outbox;
  logger: Logger;
  now?: () => Date;
}

/**
 * Runs every detector once. A detector that fails does not stop the others: its facts are still
 * there at the next scan. Scans never overlap: a scan asked for while one runs joins it.
 */
export class EventScanner {
  private running: Promise<ScanSummary> | null = null;

  constructor(private readonly options: EventScannerOptions) {}

  scanOnce(): Promise<ScanSummary> {
    this.running ??= this.scan().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async scan(): Promise<ScanSummary> {
    const now = (this.options.now ?? (() => new Date()))();
    const summary: ScanSummary = { scannedAt: now, eventsAnnounced: 0, deliveriesQueued: 0, accountsBaselined: 0, failures: [] };
    const context = { graph: this.options.graph, outbox: this.options.outbox, now };
    for (const detector of this.options.detectors) {
      try {
        const result = await detector.detect(context);
        summary.eventsAnnounced += result.announced;
        summary.deliveriesQueued += result.deliveriesQueued;
        summary.accountsBaselined += result.baselined;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        this.options.logger.warn({ err: error, detector: detector.name }, 'webhook event detection failed');
        summary.failures.push(`${detector.name}: ${reason}`);
      }
    }
    if (summary.eventsAnnounced > 0 || summary.failures.length > 0) this.options.logger.info({ ...summary }, 'webhook event scan');
    return summary;
  }
}
