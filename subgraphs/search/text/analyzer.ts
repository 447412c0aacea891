import stem from 'stemmer';
import { BoundedCache } from './bounded-cache';

/**
 * How text becomes index terms, the same for documents and queries so both meet: words are found
 * with ICU's word segmenter, which splits Japanese (written without spaces) at dictionary word
 * boundaries; then each word is normalized (NFKC folds full-width letters and half-width kana,
 * lower case), stop words are dropped, and English words are stemmed so that "exporting" and
 * "exported" meet "export".
 */

// The segmenter's dictionaries cover Japanese whatever its locale; one instance serves every call.
const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

const LATIN_WORD = /^[a-z0-9][a-z0-9'’_.-]*$/;
const SINGLE_HIRAGANA = /^[\u3041-\u309f]$/;

/** Words too common to tell documents apart; a query made only of them finds nothing. */
const ENGLISH_STOP_WORDS = new Set(
  'a an and are as at be by do does for from how i in is it its me my of on or our the this to we what when where which who why with you your'.split(' '),
);
const JAPANESE_STOP_WORDS = new Set(['する', 'した', 'して', 'です', 'ます', 'ました', 'こと', 'ため', 'これ', 'それ', 'もの', 'よう', 'から', 'まで', 'など']);

/** One segment of a text, where it stands, and the terms it is indexed under (none: not indexed). */
export interface Token {
  text: string;
  start: number;
  end: number;
  terms: readonly string[];
}

/** The word-like segments of a text, in order. */
export function segmentWords(text: string): string[] {
  const words: string[] = [];
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) words.push(segment.segment);
  return words;
}

/** Every segment of a text with its offsets and index terms: what highlighting walks. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const segment of segmenter.segment(text)) {
    const end = segment.index + segment.segment.length;
    tokens.push({ text: segment.segment, start: segment.index, end, terms: segment.isWordLike ? (indexTerms(segment.segment) ?? []) : [] });
  }
  return tokens;
}

/** A word folded for search (`surface`) and reduced to its stem; null when not worth indexing. */
function foldWord(word: string): { surface: string; stem: string } | null {
  const folded = word.normalize('NFKC').toLowerCase();
  if (LATIN_WORD.test(folded)) {
    const bare = folded.replace(/['’]s$/, '').replace(/['’]/g, '');
    if (!bare || ENGLISH_STOP_WORDS.has(bare)) return null;
    return { surface: bare, stem: /^[a-z]+$/.test(bare) ? stem(bare) : bare };
  }
  if (SINGLE_HIRAGANA.test(folded) || JAPANESE_STOP_WORDS.has(folded)) return null;
  return { surface: folded, stem: folded };
}

/** The term a query word searches for (its stem), or null when the word is not worth searching. */
export function normalizeTerm(word: string): string | null {
  return foldWord(word)?.stem ?? null;
}

/**
 * The terms a document word is indexed under: its stem, so word forms meet, and its folded
 * surface form too, so that a typo that breaks stemming ("configuraton") still lands within an
 * edit or two of the word as written.
 */
export function indexTerms(word: string): readonly string[] | null {
  return termsOfWord.get(word, computeIndexTerms);
}

function computeIndexTerms(word: string): readonly string[] | null {
  const folded = foldWord(word);
  if (!folded) return null;
  return folded.surface === folded.stem ? [folded.stem] : [folded.stem, folded.surface];
}

/**
 * Words repeat without end, in documents and in the text highlighted for every hit: folding and
 * stemming each once saves most of the analyzer's time. A vocabulary is rarely larger than this.
 */
const termsOfWord = new BoundedCache<string, readonly string[] | null>(200_000);

/** The query terms of a text, in order, duplicates kept. */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  for (const word of segmentWords(text)) {
    const term = normalizeTerm(word);
    if (term) terms.push(term);
  }
  return terms;
}

/** Whether a term is written in Latin letters or digits: only those get typo tolerance and prefixes. */
export function isLatinTerm(term: string): boolean {
  return LATIN_WORD.test(term);
}
