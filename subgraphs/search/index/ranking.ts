import type { IndexedDocument } from './search-index';

/**
 * Freshness and popularity nudge the text score by at most 15 %: enough to order items that
 * match about equally well, never enough to lift a weak match over a strong one.
 */
const POPULARITY_WEIGHT = 0.1;
const FRESHNESS_WEIGHT = 0.05;
/** Popularity saturates here: 1,000 views or votes count as much as a million. */
const POPULARITY_SATURATION_LOG10 = 3;
const FRESHNESS_HALF_LIFE_DAYS = 60;
const DAY_MS = 86_400_000;

/** The factor a document's text score is multiplied by. */
export function rankingBoost(document: Pick<IndexedDocument, 'popularity' | 'updatedAt'>, nowMs: number): number {
  const popularity = Math.min(1, Math.log10(1 + Math.max(0, document.popularity)) / POPULARITY_SATURATION_LOG10);
  const ageDays = Math.max(0, (nowMs - document.updatedAt.getTime()) / DAY_MS);
  const freshness = Math.pow(0.5, ageDays / FRESHNESS_HALF_LIFE_DAYS);
  return 1 + POPULARITY_WEIGHT * popularity + FRESHNESS_WEIGHT * freshness;
}
