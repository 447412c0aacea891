import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import type { ContentAudience } from '../../kit/content-feed';
import { indexTerms, isLatinTerm, normalizeTerm, segmentWords } from '../text/analyzer';
import { rankingBoost } from './ranking';
import { isInScope, type HitPosition, type IndexHit, type IndexQuery, type IndexSearchResult, type IndexedDocument, type SearchIndex, type SearchScope, type Suggestion } from './search-index';
import { isAfter, takeBest } from './top-hits';

/** Title above tags above body: a word in the title says more about what an item is. */
const FIELD_BOOSTS = { title: 3, tags: 2, body: 1 };
/** Typo tolerance: one edit from five letters on, two from ten (0.2 × length, capped). */
const FUZZY_RATIO = 0.2;
const FUZZY_MIN_LENGTH = 5;
const MAX_FUZZY_EDITS = 2;
const DAY_MS = 86_400_000;

/** A term this short would expand to too much of the vocabulary as a prefix. */
function isPrefixWorthy(term: string): boolean {
  return isLatinTerm(term) ? term.length >= 3 : term.length >= 2;
}

function fuzziness(term: string): number | false {
  return isLatinTerm(term) && term.length >= FUZZY_MIN_LENGTH ? FUZZY_RATIO : false;
}

/**
 * Whether the scope may see an item, judged from the fields MiniSearch stores beside its terms
 * (the stored copy of a null account id is the empty string).
 */
function isStoredInScope(scope: SearchScope, stored: Record<string, unknown> | undefined): boolean {
  if (!stored) return false;
  return isInScope(scope, { audience: stored['audience'] as ContentAudience, accountId: (stored['accountId'] as string) || null });
}

function matchesLocale(locale: string, wanted: readonly string[]): boolean {
  const lower = locale.toLowerCase();
  return wanted.some((candidate) => lower === candidate || lower.startsWith(`${candidate}-`));
}

/**
 * The embedded index: MiniSearch (BM25+ over an in-memory radix tree) with the hub's analyzer.
 * Documents are kept beside it, because highlighting needs their text and MiniSearch only keeps
 * terms. One index per search process, rebuilt from the content feeds at start.
 */
export class MiniSearchIndex implements SearchIndex {
  private readonly engine = new MiniSearch<IndexedDocument>({
    idField: 'id',
    fields: ['title', 'tags', 'body'],
    extractField: (document, field) => (field === 'tags' ? document.tags.join(' ') : String(document[field as keyof IndexedDocument] ?? '')),
    // Whom each item is for, at hand while scoring: see matchingHits.
    storeFields: ['audience', 'accountId'],
    tokenize: segmentWords,
    processTerm: (term) => indexTerms(term),
    searchOptions: { processTerm: (term) => normalizeTerm(term) },
  });
  private readonly documents = new Map<string, IndexedDocument>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  get size(): number {
    return this.documents.size;
  }

  upsert(document: IndexedDocument): void {
    if (this.documents.has(document.id)) this.engine.replace(document);
    else this.engine.add(document);
    this.documents.set(document.id, document);
  }

  remove(id: string): void {
    if (!this.documents.delete(id)) return;
    this.engine.discard(id);
  }

  get(id: string): IndexedDocument | undefined {
    return this.documents.get(id);
  }

  search(query: IndexQuery, page: { limit: number; after?: HitPosition | null }): IndexSearchResult {
    const visible = this.matchingHits(query.text, (document) => this.passesFilters(document, query), {
      prefix: (term) => isPrefixWorthy(term),
    }, query.scope);
    const counts = new Map<IndexHit['type'], number>();
    for (const hit of visible) counts.set(hit.type, (counts.get(hit.type) ?? 0) + 1);
    const after = page.after;
    const remaining = after ? visible.filter((hit) => isAfter(hit, after)) : visible;
    const best = takeBest(remaining, page.limit + 1);
    return {
      hits: best.slice(0, page.limit),
      hasMore: best.length > page.limit,
      total: visible.length,
      countsByType: [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
    };
  }

  suggest(prefix: string, scope: SearchScope, limit: number): Suggestion[] {
    // The last word is still being typed, so it always counts as a prefix once it has two letters.
    const hits = this.matchingHits(prefix, (document) => isInScope(scope, document), {
      prefix: (term, index, terms) => (index === terms.length - 1 ? term.length >= 2 : isPrefixWorthy(term)),
    }, scope);
    const suggestions: Suggestion[] = [];
    const seen = new Set<string>();
    for (const hit of takeBest(hits, limit * 3)) {
      const document = this.documents.get(hit.id);
      const key = document?.title.trim().toLowerCase();
      if (!document || !key || seen.has(key)) continue;
      seen.add(key);
      suggestions.push({ text: document.title.trim(), type: document.type, score: hit.score });
      if (suggestions.length === limit) break;
    }
    return suggestions;
  }

  private passesFilters(document: IndexedDocument, query: IndexQuery): boolean {
    if (!isInScope(query.scope, document)) return false;
    if (query.types?.length && !query.types.includes(document.type)) return false;
    if (query.locales?.length && !matchesLocale(document.locale, query.locales)) return false;
    if (query.tags?.length && !document.tags.some((tag) => query.tags?.includes(tag))) return false;
    return true;
  }

  /**
   * Every visible match with its final score. Matches are collected in MiniSearch's `filter`
   * callback, which sees each scored match once, and rejected there: MiniSearch then has nothing
   * to copy or sort, and only the page is ranked (`takeBest`) instead of every match.
   *
   * A customer may see only a small part of what matches, since other accounts' tickets are most
   * of the index: their items get a document boost of 0, which makes MiniSearch skip them while
   * scoring instead of building a result for each. Every other item's boost is 1, so scores are
   * unchanged, and `filter` still decides on the document itself.
   */
  private matchingHits(text: string, isVisible: (document: IndexedDocument) => boolean, options: Pick<SearchOptions, 'prefix'>, scope: SearchScope): IndexHit[] {
    const hits: IndexHit[] = [];
    // Freshness is measured from the start of the day, not this instant: scores then stay the same
    // between the requests of one paging session, and cursors (score, id) stay valid.
    const today = Math.floor(this.now().getTime() / DAY_MS) * DAY_MS;
    this.engine.search(text, {
      ...options,
      combineWith: 'AND',
      fuzzy: fuzziness,
      maxFuzzy: MAX_FUZZY_EDITS,
      boost: FIELD_BOOSTS,
      boostDocument: scope.everything ? undefined : (_id: unknown, _term: string, stored?: Record<string, unknown>) => (isStoredInScope(scope, stored) ? 1 : 0),
      filter: (result: SearchResult) => {
        const document = this.documents.get(result.id as string);
        if (document && isVisible(document)) {
          hits.push({ id: document.id, type: document.type, score: result.score * rankingBoost(document, today), matchedTerms: result.terms });
        }
        return false;
      },
    });
    return hits;
  }
}
