// The search box: typeahead from `searchSuggestions`, results from `search` (one query per
// page of results), filtered by content type with the counts the search returns.
import { el, fill, formatDate, highlightedSnippet, humanize } from './dom.js';
import { SEARCH, SEARCH_SUGGESTIONS } from './queries.js';

const SUGGEST_DELAY_MS = 150;
const PAGE_SIZE = 10;

/** The item's title and, when it has a web address, its link. */
function itemHeading(item) {
  if (!item) return el('span', { class: 'hit-title' }, 'No longer available');
  const title = item.title ?? item.subject ?? item.id;
  const url = item.articleUrl ?? item.documentUrl ?? item.onlineUrl ?? null;
  return url
    ? el('a', { class: 'hit-title', href: url, rel: 'noopener noreferrer', target: '_blank' }, title)
    : el('span', { class: 'hit-title' }, title);
}

function itemMeta(type, item) {
  const details = [humanize(type)];
  if (item?.__typename === 'Article') details.push(item.section);
  if (item?.__typename === 'Course') details.push(humanize(item.level));
  if (item?.__typename === 'Event') details.push(formatDate(item.startsAt));
  if (item?.__typename === 'Ticket') details.push(humanize(item.status));
  if (item?.__typename === 'ExternalDocument') details.push(item.source);
  return details.filter(Boolean).join(' · ');
}

function hitItem({ type, item, highlights }) {
  // The title highlight repeats the heading; the body passage shows where the words matched.
  const passages = highlights.filter((highlight) => highlight.field !== 'TITLE');
  return el(
    'li',
    { class: 'hit', dataset: { testid: 'search-hit', type } },
    el('div', { class: 'hit-heading' }, el('span', { class: `badge badge-type` }, humanize(type)), itemHeading(item)),
    el('span', { class: 'meta' }, itemMeta(type, item)),
    passages.map((highlight) => highlightedSnippet('p', highlight.snippet, { class: 'snippet', dataset: { testid: 'search-snippet' } })),
    passages.length === 0 && highlights[0] ? highlightedSnippet('p', highlights[0].snippet, { class: 'snippet', dataset: { testid: 'search-snippet' } }) : null,
  );
}

/**
 * Wires the search form. `request` is the signed-in user's GraphQL client; `onError` shows a
 * failure. Returns `reset()` for a change of user.
 */
export function mountSearch({ form, input, suggestionsList, results, request, onError }) {
  let suggestTimer = 0;
  let suggestSequence = 0;
  let activeIndex = -1;
  let current = { query: '', types: null, edges: [], pageInfo: null };

  const suggestionOptions = () => [...suggestionsList.querySelectorAll('[role="option"]')];

  function closeSuggestions() {
    suggestSequence += 1;
    activeIndex = -1;
    suggestionsList.hidden = true;
    suggestionsList.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function markActive(index) {
    const options = suggestionOptions();
    activeIndex = options.length ? (index + options.length) % options.length : -1;
    options.forEach((option, position) => option.setAttribute('aria-selected', String(position === activeIndex)));
    if (activeIndex >= 0) input.setAttribute('aria-activedescendant', options[activeIndex].id);
  }

  async function suggest(prefix) {
    const sequence = ++suggestSequence;
    try {
      const { data } = await request(SEARCH_SUGGESTIONS, { prefix });
      // A slower answer to an older prefix must not replace a newer one.
      if (sequence !== suggestSequence) return;
      const suggestions = data.searchSuggestions ?? [];
      fill(suggestionsList, suggestions.map((suggestion, index) =>
        el('li', { id: `suggestion-${index}`, role: 'option', class: 'suggestion', 'aria-selected': 'false', onmousedown: (event) => {
          event.preventDefault();
          choose(suggestion.text);
        } }, el('span', {}, suggestion.text), el('span', { class: 'meta' }, humanize(suggestion.type)))));
      suggestionsList.hidden = suggestions.length === 0;
      input.setAttribute('aria-expanded', String(suggestions.length > 0));
      activeIndex = -1;
    } catch {
      // Typeahead is a convenience: a failed suggestion request leaves the box as it is.
    }
  }

  function choose(text) {
    input.value = text;
    closeSuggestions();
    void runSearch(text, null);
  }

  function renderResults() {
    const { edges, pageInfo, totalCount, countsByType, query, types } = current;
    const filters = countsByType.map(({ type, count }) =>
      el('button', {
        type: 'button',
        class: types?.includes(type) ? 'chip chip-on' : 'chip',
        'aria-pressed': String(Boolean(types?.includes(type))),
        onclick: () => void runSearch(query, types?.includes(type) ? null : [type]),
      }, `${humanize(type)} ${count}`));
    fill(
      results,
      el('p', { class: 'meta', dataset: { testid: 'search-count' } }, totalCount === 1 ? '1 result' : `${totalCount} results`),
      filters.length ? el('div', { class: 'chips' }, filters) : null,
      el('ol', { class: 'hits' }, edges.map(({ node }) => hitItem(node))),
      pageInfo.hasNextPage ? el('button', { type: 'button', class: 'button button-quiet', onclick: () => void runSearch(query, types, pageInfo.endCursor) }, 'More results') : null,
    );
  }

  async function runSearch(query, types, after = null) {
    const text = query.trim();
    if (!text) return;
    try {
      const { data, errors } = await request(SEARCH, { query: text, filter: types ? { types } : null, first: PAGE_SIZE, after });
      if (errors.length) onError(errors[0].message);
      const page = data.search;
      // While a type is picked, the chips keep the unfiltered counts, so the others stay offered.
      const keepsCounts = types !== null && current.query === text && current.countsByType;
      current = {
        query: text,
        types,
        edges: after ? [...current.edges, ...page.edges] : page.edges,
        pageInfo: page.pageInfo,
        totalCount: page.totalCount,
        countsByType: keepsCounts ? current.countsByType : page.countsByType,
      };
      renderResults();
    } catch (error) {
      onError(error.message);
    }
  }

  input.addEventListener('input', () => {
    window.clearTimeout(suggestTimer);
    const prefix = input.value.trim();
    if (prefix.length < 2) {
      closeSuggestions();
      return;
    }
    suggestTimer = window.setTimeout(() => void suggest(prefix), SUGGEST_DELAY_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (suggestionsList.hidden) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      markActive(activeIndex + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter' && activeIndex >= 0) {
      event.preventDefault();
      choose(suggestionOptions()[activeIndex].firstChild.textContent);
    } else if (event.key === 'Escape') {
      closeSuggestions();
    }
  });
  input.addEventListener('blur', () => closeSuggestions());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.clearTimeout(suggestTimer);
    closeSuggestions();
    void runSearch(input.value, null);
  });

  return {
    reset() {
      window.clearTimeout(suggestTimer);
      closeSuggestions();
      input.value = '';
      current = { query: '', types: null, edges: [], pageInfo: null };
      results.replaceChildren();
    },
  };
}
