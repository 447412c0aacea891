/**
 * The distinct Date values (as milliseconds) of an index's first field, in order, so that a range
 * condition on a date (`{updatedAt: {$gte: since}}`, what every content feed asks each second)
 * finds its few documents instead of testing every one. Writes are buffered and merged in on the
 * next range lookup: a bulk load adds hundreds of thousands of dates, and inserting each into a
 * sorted array would move it all every time.
 */
export class SortedDateKeys {
  private sorted: number[] = [];
  private readonly pendingAdditions = new Set<number>();
  private readonly pendingRemovals = new Set<number>();

  add(milliseconds: number): void {
    if (this.pendingRemovals.delete(milliseconds)) return;
    this.pendingAdditions.add(milliseconds);
  }

  remove(milliseconds: number): void {
    if (this.pendingAdditions.delete(milliseconds)) return;
    this.pendingRemovals.add(milliseconds);
  }

  /** The values within the bounds (each inclusive or not; a missing bound is open), ascending. */
  within(lower: Bound | undefined, upper: Bound | undefined): number[] {
    this.merge();
    const start = lower ? this.firstIndexAbove(lower.value, lower.isInclusive) : 0;
    const end = upper ? this.firstIndexAbove(upper.value, !upper.isInclusive) : this.sorted.length;
    return this.sorted.slice(start, Math.max(start, end));
  }

  /** The first position whose value is ≥ `value` (inclusive) or > `value` (not inclusive). */
  private firstIndexAbove(value: number, isInclusive: boolean): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const candidate = this.sorted[middle]!;
      if (isInclusive ? candidate < value : candidate <= value) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private merge(): void {
    if (this.pendingAdditions.size === 0 && this.pendingRemovals.size === 0) return;
    const kept = this.pendingRemovals.size ? this.sorted.filter((value) => !this.pendingRemovals.has(value)) : this.sorted;
    const added = [...this.pendingAdditions].sort((a, b) => a - b);
    const merged: number[] = new Array<number>(kept.length + added.length);
    let keptIndex = 0;
    let addedIndex = 0;
    for (let index = 0; index < merged.length; index += 1) {
      const takeKept = addedIndex >= added.length || (keptIndex < kept.length && kept[keptIndex]! <= added[addedIndex]!);
      merged[index] = takeKept ? kept[keptIndex++]! : added[addedIndex++]!;
    }
    this.sorted = merged;
    this.pendingAdditions.clear();
    this.pendingRemovals.clear();
  }
}

/** One end of a range. */
export interface Bound {
  value: number;
  isInclusive: boolean;
}
