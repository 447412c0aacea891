import type { HitPosition } from './search-index';

/** Best first: higher score, then id, so equal scores keep one order on every page. */
export function compareHits(a: HitPosition, b: HitPosition): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A hit as the index ranks it: its slot is where the index finds the rest. */
export interface SlotHit extends HitPosition {
  slot: number;
}

/**
 * The `capacity` best hits seen so far, kept sorted. Most matches lose to the current worst at
 * once, so a search over tens of thousands of matches allocates only for the few that enter.
 */
export class BestHits {
  private readonly hits: SlotHit[] = [];

  constructor(private readonly capacity: number) {}

  /** Considers a hit; with `after`, only hits ranked after that position are kept. */
  offer(score: number, id: string, slot: number, after: HitPosition | null | undefined): void {
    if (this.capacity <= 0) return;
    if (after && !(score < after.score || (score === after.score && id > after.id))) return;
    const hits = this.hits;
    if (hits.length === this.capacity) {
      const worst = hits[hits.length - 1]!;
      if (score < worst.score || (score === worst.score && id > worst.id)) return;
    }
    const hit = { score, id, slot };
    let index = hits.length;
    while (index > 0 && compareHits(hit, hits[index - 1]!) < 0) index -= 1;
    hits.splice(index, 0, hit);
    if (hits.length > this.capacity) hits.pop();
  }

  sorted(): SlotHit[] {
    return this.hits;
  }
}
