import type { HitPosition } from './search-index';

/** Best first: higher score, then id, so equal scores keep one order on every page. */
export function compareHits(a: HitPosition, b: HitPosition): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Whether a hit ranks after the given position (the previous page's last hit). */
export function isAfter(hit: HitPosition, position: HitPosition): boolean {
  return compareHits(hit, position) > 0;
}

/**
 * The `count` best hits, best first, without sorting them all: a page is at most a hundred, a
 * search may match a hundred thousand, and most of them lose to the current worst at once.
 */
export function takeBest<T extends HitPosition>(hits: readonly T[], count: number): T[] {
  if (count <= 0) return [];
  const best: T[] = [];
  for (const hit of hits) {
    if (best.length === count && compareHits(hit, best[count - 1]!) >= 0) continue;
    let index = best.length;
    while (index > 0 && compareHits(hit, best[index - 1]!) < 0) index -= 1;
    best.splice(index, 0, hit);
    if (best.length > count) best.pop();
  }
  return best;
}
