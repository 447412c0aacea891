import { CONTENT_TYPES, type ContentType } from '../../kit/content-feed';
import { analyze, indexTerms, segmentWords } from '../text/analyzer';
import { DocumentSlots } from './document-slots';
import { INDEXED_FIELDS, PostingStore } from './posting-lists';
import { QueryMatcher, type MatchRequest } from './query-matcher';
import type { HitPosition, IndexHit, IndexQuery, IndexSearchResult, IndexedDocument, SearchIndex, SearchScope, Suggestion } from './search-index';
import { BestHits } from './top-hits';
import { TermDictionary, isPrefixWorthy } from './term-dictionary';

const DAY_MS = 86_400_000;

export interface InvertedIndexOptions {
  now?: () => Date;
  /** Removed slots are reclaimed once there are this many and they are a fifth of all slots. */
  compactAfterRemovedSlots?: number;
}

function matchesLocale(locale: string, wanted: readonly string[]): boolean {
  const lower = locale.toLowerCase();
  return wanted.some((candidate) => lower === candidate || lower.startsWith(`${candidate}-`));
}

function fieldText(document: IndexedDocument, field: (typeof INDEXED_FIELDS)[number]): string {
  return field === 'tags' ? document.tags.join(' ') : document[field];
}

/**
 * The embedded index: an inverted index over typed arrays with the hub's analyzer, BM25+ scoring
 * and MiniSearch's radix tree for prefix and typo expansion. Written for the one thing a search
 * box does most, visiting every match of common words to count and rank them, without allocating
 * per match. One index per search process, rebuilt from the content feeds at start.
 */
export class InvertedIndex implements SearchIndex {
  private readonly dictionary = new TermDictionary();
  private readonly postings = new PostingStore();
  private readonly slots = new DocumentSlots();
  private readonly matcher = new QueryMatcher(this.dictionary, this.postings, this.slots);
  private readonly now: () => Date;
  private readonly compactAfterRemovedSlots: number;

  constructor(options: InvertedIndexOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.compactAfterRemovedSlots = options.compactAfterRemovedSlots ?? 10_000;
  }

  get size(): number {
    return this.slots.liveCount;
  }

  upsert(document: IndexedDocument): void {
    this.release(document.id);
    const termCounts = INDEXED_FIELDS.map((field) => this.countTerms(fieldText(document, field)));
    const postingKeys: number[] = [];
    const perField = termCounts.map(({ counts }, field) => [...counts].map(([termId, frequency]) => {
      const key = PostingStore.keyOf(termId, field);
      postingKeys.push(key);
      return [key, frequency] as const;
    }));
    const slot = this.slots.take(document, { postingKeys: Int32Array.from(postingKeys), fieldLengths: termCounts.map(({ words }) => words) });
    for (const entries of perField) for (const [key, frequency] of entries) this.postings.append(key, slot, frequency);
  }

  remove(id: string): void {
    this.release(id);
  }

  get(id: string): IndexedDocument | undefined {
    const slot = this.slots.slotOf(id);
    return slot === undefined ? undefined : this.slots.documents[slot];
  }

  search(query: IndexQuery, page: { limit: number; after?: HitPosition | null }): IndexSearchResult {
    const typeCounts = new Array<number>(CONTENT_TYPES.length).fill(0);
    const best = new BestHits(page.limit + 1);
    const wantedTypes = query.types?.length ? new Set(query.types.map((type) => CONTENT_TYPES.indexOf(type))) : null;
    const needsDocument = Boolean(query.locales?.length || query.tags?.length);
    const today = this.today();
    let total = 0;
    const matched = this.matcher.match({ terms: analyze(query.text), isPrefix: isPrefixWorthy, scope: query.scope }, (slot, textScore) => {
      const typeCode = this.slots.typeCodes[slot]!;
      if (wantedTypes && !wantedTypes.has(typeCode)) return;
      if (needsDocument && !this.passesDocumentFilters(this.slots.documents[slot]!, query)) return;
      total += 1;
      typeCounts[typeCode] = typeCounts[typeCode]! + 1;
      best.offer(textScore * this.slots.rankingBoostOf(slot, today), this.slots.documents[slot]!.id, slot, page.after);
    });
    const matchedTerms = matched?.matchedTerms ?? [];
    const hits: IndexHit[] = best.sorted().map(({ score, id, slot }) => ({ score, id, type: CONTENT_TYPES[this.slots.typeCodes[slot]!]!, matchedTerms }));
    return {
      hits: hits.slice(0, page.limit),
      hasMore: hits.length > page.limit,
      total,
      countsByType: typeCounts
        .map((count, typeCode) => ({ type: CONTENT_TYPES[typeCode]! as ContentType, count }))
        .filter(({ count }) => count > 0)
        .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
    };
  }

  suggest(prefix: string, scope: SearchScope, limit: number): Suggestion[] {
    // The last word is still being typed, so it always counts as a prefix once it has two letters.
    const request: MatchRequest = {
      terms: analyze(prefix),
      isPrefix: (term, index, terms) => (index === terms.length - 1 ? term.length >= 2 : isPrefixWorthy(term)),
      scope,
    };
    const best = new BestHits(limit * 3);
    const today = this.today();
    this.matcher.match(request, (slot, textScore) => best.offer(textScore * this.slots.rankingBoostOf(slot, today), this.slots.documents[slot]!.id, slot, null));
    const suggestions: Suggestion[] = [];
    const seen = new Set<string>();
    for (const { score, slot } of best.sorted()) {
      const document = this.slots.documents[slot]!;
      const key = document.title.trim().toLowerCase();
      if (!key || seen.has(key)) continue;
      seen.add(key);
      suggestions.push({ text: document.title.trim(), type: document.type, score });
      if (suggestions.length === limit) break;
    }
    return suggestions;
  }

  /** Freshness counts from the start of the day, so scores (and cursors) hold for a paging session. */
  private today(): number {
    return Math.floor(this.now().getTime() / DAY_MS) * DAY_MS;
  }

  private passesDocumentFilters(document: IndexedDocument, query: IndexQuery): boolean {
    if (query.locales?.length && !matchesLocale(document.locale, query.locales)) return false;
    if (query.tags?.length && !document.tags.some((tag) => query.tags?.includes(tag))) return false;
    return true;
  }

  /** The term ids of a field's text with their frequencies, and how many words were indexed. */
  private countTerms(text: string): { counts: Map<number, number>; words: number } {
    const counts = new Map<number, number>();
    let words = 0;
    for (const word of segmentWords(text)) {
      const terms = indexTerms(word);
      if (!terms) continue;
      words += 1;
      for (const term of terms) {
        const termId = this.dictionary.idOf(term);
        counts.set(termId, (counts.get(termId) ?? 0) + 1);
      }
    }
    return { counts, words };
  }

  private release(id: string): void {
    const slot = this.slots.slotOf(id);
    if (slot === undefined) return;
    for (const key of this.slots.postingKeys[slot] ?? []) this.postings.get(key)!.liveCount -= 1;
    this.slots.release(slot);
    const removedSlots = this.slots.count - this.slots.liveCount;
    if (removedSlots >= this.compactAfterRemovedSlots && removedSlots * 5 >= this.slots.count) this.postings.compact(this.slots.compact());
  }
}
