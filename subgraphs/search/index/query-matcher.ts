import type { DocumentSlots } from './document-slots';
import { FIELD_COUNT, PostingStore, type PostingList } from './posting-lists';
import type { SearchScope } from './search-index';
import type { TermDictionary, TermExpansion } from './term-dictionary';

/** Title above tags above body: a word in the title says more about what an item is. */
const FIELD_BOOSTS = [3, 2, 1];
/** BM25+ (the variant MiniSearch uses): term frequency saturation, length normalization, floor. */
const K1 = 1.2;
const B = 0.7;
const DELTA = 0.5;

interface ListWalk {
  list: PostingList;
  field: number;
  /** Expansion weight × field boost × idf. */
  factor: number;
}

interface TermPlan {
  walks: ListWalk[];
  /** Postings to walk: the cheapest term goes first and decides the candidates. */
  cost: number;
}

/** What a query term becomes, and whether it may also match words it begins. */
export interface MatchRequest {
  terms: readonly string[];
  isPrefix: (term: string, index: number, terms: readonly string[]) => boolean;
  scope: SearchScope;
}

export interface MatchResult {
  /** Every index term the query matched through: what highlighting marks. */
  matchedTerms: string[];
}

/**
 * Finds the documents that contain every query term (or one of its expansions) and the scope may
 * see, scoring them with BM25+ summed over fields and expansions. Term at a time over flat posting
 * arrays: the rarest term picks the candidates, later terms only add to those, and the scope is
 * checked once per candidate. Scores accumulate in arrays reused between searches (a search runs
 * to its end without yielding, so no two overlap).
 */
export class QueryMatcher {
  private scores = new Float64Array(0);
  private termsMatched = new Uint16Array(0);
  private candidates = new Int32Array(0);

  constructor(
    private readonly dictionary: TermDictionary,
    private readonly postings: PostingStore,
    private readonly slots: DocumentSlots,
  ) {}

  /** Calls `visit` for each match with its text score; returns null when nothing can match. */
  match(request: MatchRequest, visit: (slot: number, textScore: number) => void): MatchResult | null {
    const expansions = request.terms.map((term, index) => this.dictionary.expand(term, request.isPrefix(term, index, request.terms)));
    if (expansions.length === 0 || expansions.some((termExpansions) => termExpansions.length === 0)) return null;
    const plans = expansions.map((termExpansions) => this.planOf(termExpansions)).sort((a, b) => a.cost - b.cost);
    this.ensureCapacity();
    const candidateCount = this.collect(plans, request.scope);
    const required = plans.length;
    for (let index = 0; index < candidateCount; index += 1) {
      const slot = this.candidates[index]!;
      if (this.termsMatched[slot] === required) visit(slot, this.scores[slot]!);
      this.scores[slot] = 0;
      this.termsMatched[slot] = 0;
    }
    return { matchedTerms: expansions.flat().map((expansion) => expansion.term) };
  }

  private planOf(termExpansions: readonly TermExpansion[]): TermPlan {
    const documentCount = Math.max(1, this.slots.liveCount);
    const walks: ListWalk[] = [];
    let cost = 0;
    for (const expansion of termExpansions) {
      for (let field = 0; field < FIELD_COUNT; field += 1) {
        const list = this.postings.get(PostingStore.keyOf(expansion.termId, field));
        if (!list || list.liveCount === 0) continue;
        const idf = Math.log(1 + (documentCount - list.liveCount + 0.5) / (list.liveCount + 0.5));
        walks.push({ list, field, factor: expansion.weight * FIELD_BOOSTS[field]! * idf });
        cost += list.length;
      }
    }
    return { walks, cost };
  }

  /** Scores every posting of every plan; returns how many candidates the first plan found. */
  private collect(plans: readonly TermPlan[], scope: SearchScope): number {
    const { isLive, fieldLengths, totalFieldLengths } = this.slots;
    const documentCount = Math.max(1, this.slots.liveCount);
    const accountCode = this.slots.accountCodeOf(scope);
    let candidateCount = 0;
    plans.forEach((plan, planIndex) => {
      for (const { list, field, factor } of plan.walks) {
        const averageLength = totalFieldLengths[field]! / documentCount || 1;
        const { slots, termFrequencies, length } = list;
        for (let entry = 0; entry < length; entry += 1) {
          const slot = slots[entry]!;
          if (!isLive[slot]) continue;
          const matchedSoFar = this.termsMatched[slot]!;
          if (planIndex === 0) {
            if (matchedSoFar === 0) {
              if (!scope.everything && !this.slots.isVisibleTo(slot, accountCode)) continue;
              this.candidates[candidateCount] = slot;
              candidateCount += 1;
              this.termsMatched[slot] = 1;
            }
          } else if (matchedSoFar < planIndex) {
            continue;
          } else if (matchedSoFar === planIndex) {
            this.termsMatched[slot] = planIndex + 1;
          }
          const termFrequency = termFrequencies[entry]!;
          const lengthRatio = fieldLengths[slot * FIELD_COUNT + field]! / averageLength;
          this.scores[slot] = this.scores[slot]! + factor * (DELTA + (termFrequency * (K1 + 1)) / (termFrequency + K1 * (1 - B + B * lengthRatio)));
        }
      }
    });
    return candidateCount;
  }

  private ensureCapacity(): void {
    const capacity = this.slots.capacity;
    if (this.scores.length >= capacity) return;
    this.scores = new Float64Array(capacity);
    this.termsMatched = new Uint16Array(capacity);
    this.candidates = new Int32Array(capacity);
  }
}
