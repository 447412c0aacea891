/**
 * Decides when one database's snapshot is written: `delayMs` after a change (so a burst of
 * writes costs one snapshot), never two at once, again after a write if changes arrived
 * meanwhile, and once more on `flushAndStop()` so a graceful stop loses nothing.
 */
export class SnapshotScheduler {
  private readonly writeSnapshot: () => Promise<void>;
  private readonly delayMs: number;
  private readonly onBackgroundError: (error: unknown) => void;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private hasUnsavedChanges = false;
  private isStopped = false;

  constructor(writeSnapshot: () => Promise<void>, delayMs: number, onBackgroundError: (error: unknown) => void) {
    this.writeSnapshot = writeSnapshot;
    this.delayMs = delayMs;
    this.onBackgroundError = onBackgroundError;
  }

  markChanged(): void {
    this.hasUnsavedChanges = true;
    this.scheduleIfIdle();
  }

  /** Waits for a write in flight, then writes whatever is still unsaved; rejects if that fails. */
  async flushAndStop(): Promise<void> {
    this.isStopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.inFlight) await this.inFlight.catch(() => undefined);
    if (this.hasUnsavedChanges) await this.startWrite();
  }

  private scheduleIfIdle(): void {
    if (this.isStopped || this.timer || this.inFlight) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // After a failure the changes stay unsaved; the next change or the final flush retries.
      this.startWrite().then(() => {
        if (this.hasUnsavedChanges) this.scheduleIfIdle();
      }, this.onBackgroundError);
    }, this.delayMs);
  }

  private startWrite(): Promise<void> {
    this.hasUnsavedChanges = false;
    const writing = this.writeSnapshot()
      .catch((error: unknown) => {
        this.hasUnsavedChanges = true;
        throw error;
      })
      .finally(() => {
        this.inFlight = undefined;
      });
    this.inFlight = writing;
    return writing;
  }
}
