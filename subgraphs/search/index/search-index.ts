import type { ContentChange, ContentType } from '../../kit/content-feed';

/**
 * What search needs from an index, kept narrow so that the embedded index (MiniSearch, in this
 * process) can be swapped for a distributed engine (MongoDB Atlas Search, OpenSearch) without
 * touching the service: scopes and filters are structured data an engine can turn into a filter
 * clause, and paging is by position (score, id), which maps onto `search_after`.
 */

/** An item as the index holds it: the owner's `ContentChange` without the removal flag. */
export type IndexedDocument = Omit<ContentChange, 'removed'>;

/** Whose rights a search runs with: everything (staff), or public items plus one account's. */
export type SearchScope = { everything: true } | { everything: false; accountId: string | null };

export interface IndexQuery {
  text: string;
  scope: SearchScope;
  types?: readonly ContentType[] | undefined;
  /** Locales or bare languages (`ja` matches `ja-JP`), lower case. */
  locales?: readonly string[] | undefined;
  tags?: readonly string[] | undefined;
}

/** Where a hit stands in the ranking: the next page starts after it. */
export interface HitPosition {
  score: number;
  id: string;
}

export interface IndexHit extends HitPosition {
  type: ContentType;
  /** The index terms of the document that matched (after prefix and typo expansion), for highlighting. */
  matchedTerms: string[];
}

export interface IndexSearchResult {
  hits: IndexHit[];
  /** Every hit the scope may see, not only this page's. */
  total: number;
  countsByType: Array<{ type: ContentType; count: number }>;
  /** True when more hits follow this page. */
  hasMore: boolean;
}

export interface Suggestion {
  /** The title of a matching item. */
  text: string;
  type: ContentType;
  score: number;
}

export interface SearchIndex {
  /** How many documents the index holds. */
  readonly size: number;
  /** Adds a document or replaces the one with its id. */
  upsert(document: IndexedDocument): void;
  /** Drops a document; unknown ids are ignored. */
  remove(id: string): void;
  get(id: string): IndexedDocument | undefined;
  /** One page of hits, best first, filtered by scope and filters before ranking and counting. */
  search(query: IndexQuery, page: { limit: number; after?: HitPosition | null }): IndexSearchResult;
  /** Query completions built only from documents the scope may see. */
  suggest(prefix: string, scope: SearchScope, limit: number): Suggestion[];
}

/** Whether the scope may see a document: the one rule every index implementation applies. */
export function isInScope(scope: SearchScope, document: Pick<IndexedDocument, 'audience' | 'accountId'>): boolean {
  if (scope.everything) return true;
  if (document.audience === 'PUBLIC') return true;
  return document.audience === 'ACCOUNT' && scope.accountId !== null && document.accountId === scope.accountId;
}
