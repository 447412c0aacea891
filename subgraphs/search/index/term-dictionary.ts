import SearchableMap from 'minisearch/SearchableMap';
import { isLatinTerm } from '../text/analyzer';

/** Typo tolerance: one edit from five letters on, two from ten (0.2 × length, capped). */
const FUZZY_RATIO = 0.2;
const FUZZY_MIN_LENGTH = 5;
const MAX_FUZZY_EDITS = 2;
/**
 * A word that only begins like the query, or is a typo away from it, counts for less than the
 * word itself, and less the further it is (the weights MiniSearch uses, which rank well here).
 */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

/** One index term a query term stands for, and how much a match on it counts. */
export interface TermExpansion {
  termId: number;
  term: string;
  weight: number;
}

/** A term this short would expand to too much of the vocabulary as a prefix. */
export function isPrefixWorthy(term: string): boolean {
  return isLatinTerm(term) ? term.length >= 3 : term.length >= 2;
}

function maxFuzzyEdits(term: string): number {
  if (!isLatinTerm(term) || term.length < FUZZY_MIN_LENGTH) return 0;
  return Math.min(MAX_FUZZY_EDITS, Math.round(term.length * FUZZY_RATIO));
}

/**
 * Every term the index has seen, with a number that names its posting lists. Exact lookups use a
 * hash map; prefix and typo expansion walk MiniSearch's radix tree, which finds the terms within
 * an edit distance without visiting the whole vocabulary.
 */
export class TermDictionary {
  private readonly ids = new Map<string, number>();
  private readonly tree = new SearchableMap<number>();

  get size(): number {
    return this.ids.size;
  }

  /** The term's number, given one on first sight. */
  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(term, id);
      this.tree.set(term, id);
    }
    return id;
  }

  /**
   * The terms a query term matches: itself, words it begins (when `asPrefix`), and words within
   * its typo tolerance; each once, at its best weight.
   */
  expand(queryTerm: string, asPrefix: boolean): TermExpansion[] {
    const weights = new Map<string, { termId: number; weight: number }>();
    const offer = (term: string, termId: number, weight: number) => {
      const known = weights.get(term);
      if (!known || known.weight < weight) weights.set(term, { termId, weight });
    };
    const exact = this.ids.get(queryTerm);
    if (exact !== undefined) offer(queryTerm, exact, 1);
    if (asPrefix) {
      this.tree.atPrefix(queryTerm).forEach((term, termId) => {
        const extraLetters = term.length - queryTerm.length;
        if (extraLetters > 0) offer(term, termId, (PREFIX_WEIGHT * queryTerm.length) / (queryTerm.length + 0.3 * extraLetters));
      });
    }
    const edits = maxFuzzyEdits(queryTerm);
    if (edits > 0) {
      for (const [term, [termId, distance]] of this.tree.fuzzyGet(queryTerm, edits)) {
        if (distance > 0) offer(term, termId, (FUZZY_WEIGHT * queryTerm.length) / (queryTerm.length + distance));
      }
    }
    return [...weights].map(([term, { termId, weight }]) => ({ term, termId, weight }));
  }
}
