import { BoundedCache } from './text/bounded-cache';
import { tokenize, type Token } from './text/analyzer';

/** How long a body passage may be, in characters, before the ellipses. */
export const SNIPPET_LENGTH = 200;
/** How much of the text before the first match a passage keeps, for context. */
const LEAD_IN = 50;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML: snippets carry users' own words next to our `<mark>` elements. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/**
 * A text's tokens depend on the text alone, and the same documents come up in search after
 * search: each is segmented once, not once per hit (segmenting is most of highlighting's cost).
 */
const tokensOfText = new BoundedCache<string, readonly Token[]>(2_000);
const tokensOfPassageText = new BoundedCache<string, readonly Token[]>(2_000);
/** Longer texts (whole articles) are rare among hits and would make the caches large. */
const MAX_CACHED_TEXT_LENGTH = 2_000;

function tokensOf(cache: BoundedCache<string, readonly Token[]>, text: string, segment: (text: string) => Token[]): readonly Token[] {
  return text.length <= MAX_CACHED_TEXT_LENGTH ? cache.get(text, segment) : segment(text);
}

const passageTokens = (text: string) => tokenize(text.replace(/\s+/g, ' ').trim());

function isMatch(token: Token, matchedTerms: ReadonlySet<string>): boolean {
  return token.terms.some((term) => matchedTerms.has(term));
}

function isBlank(token: Token): boolean {
  return token.text.trim() === '';
}

/**
 * The tokens as HTML, each run of matched words wrapped in one `<mark>`: blanks between two
 * matched words join the run, so a matched phrase is one highlight.
 */
function markUp(tokens: readonly Token[], matchedTerms: ReadonlySet<string>): { html: string; marked: boolean } {
  const matched = tokens.map((token) => isMatch(token, matchedTerms));
  const inRun = matched.map((isMatched, index) => isMatched || (isBlank(tokens[index]!) && matched[index - 1] === true && matched[index + 1] === true));
  let html = '';
  tokens.forEach((token, index) => {
    if (inRun[index] && !inRun[index - 1]) html += '<mark>';
    html += escapeHtml(token.text);
    if (inRun[index] && !inRun[index + 1]) html += '</mark>';
  });
  return { html, marked: matched.includes(true) };
}

/** The whole text marked up, or null when nothing in it matched (titles). */
export function highlightWhole(text: string, matchedTerms: ReadonlySet<string>): string | null {
  const { html, marked } = markUp(tokensOf(tokensOfText, text, tokenize), matchedTerms);
  return marked ? html : null;
}

/**
 * A passage of at most SNIPPET_LENGTH characters around the first match, marked up; the opening of
 * the text when nothing matched. Ellipses show where the text was cut.
 */
export function highlightPassage(text: string, matchedTerms: ReadonlySet<string>, length = SNIPPET_LENGTH): string {
  const tokens = tokensOf(tokensOfPassageText, text, passageTokens);
  const firstMatch = tokens.findIndex((token) => isMatch(token, matchedTerms));
  let first = 0;
  if (firstMatch > 0) {
    const wantedStart = tokens[firstMatch]!.start - LEAD_IN;
    while (first < firstMatch && tokens[first]!.start < wantedStart) first += 1;
  }
  const start = tokens[first]?.start ?? 0;
  let last = first;
  while (last < tokens.length && tokens[last]!.end - start <= length) last += 1;
  const passage = tokens.slice(first, last);
  const { html } = markUp(passage, matchedTerms);
  const isCutBefore = first > 0;
  const isCutAfter = last < tokens.length;
  return `${isCutBefore ? '…' : ''}${html.trim()}${isCutAfter ? '…' : ''}`;
}
