// What the journey recommends to the user now: a course, article, customer story or event, each
// with the reason the graph gives for it. Reasons are sentences built from the user's data, so
// they go in as text like everything else.
import { el, formatDate, humanize } from './dom.js';

/** The kind of item as a reader names it, and details that help choose it. */
function describeItem(item) {
  switch (item.__typename) {
    case 'Course':
      return { kind: 'Course', details: [humanize(item.level), `${item.estimatedMinutes} min`], url: null };
    case 'Article':
      return { kind: 'Article', details: [item.section], url: item.url };
    case 'Post':
      return { kind: humanize(item.type), details: [], url: null };
    case 'Event':
      return { kind: humanize(item.kind), details: [formatDate(item.startsAt)], url: item.onlineUrl };
    default:
      return { kind: humanize(item.__typename), details: [], url: null };
  }
}

function recommendationItem({ item, reason, reasonCode }) {
  // An item its owner no longer returns (deleted since the journey picked it) is left out: a reason without its item helps nobody.
  if (!item) return null;
  const { kind, details, url } = describeItem(item);
  const title = url
    ? el('a', { class: 'recommendation-title', href: url, rel: 'noopener noreferrer', target: '_blank' }, item.title)
    : el('span', { class: 'recommendation-title' }, item.title);
  return el(
    'li',
    { class: 'recommendation', dataset: { testid: 'recommendation', kind: item.__typename, reasonCode } },
    el('div', { class: 'recommendation-heading' }, el('span', { class: 'badge badge-type', dataset: { testid: 'recommendation-kind' } }, kind), title),
    el('p', { class: 'recommendation-reason', dataset: { testid: 'recommendation-reason' } }, reason),
    details.filter(Boolean).length ? el('span', { class: 'meta' }, details.filter(Boolean).join(' · ')) : null,
  );
}

/** The user's recommendations, best first; null when the served graph has none to offer. */
export function recommendationsSection(recommendations) {
  if (!recommendations) return null;
  const items = recommendations.map(recommendationItem).filter(Boolean);
  return el(
    'section',
    { class: 'card card-recommendations', dataset: { section: 'recommendations', testid: 'section-recommendations' } },
    el('h2', {}, 'Recommended for you'),
    items.length
      ? el('ol', { class: 'plain-list', dataset: { testid: 'recommendations' } }, items)
      : el('p', { class: 'hint', dataset: { testid: 'recommendations-empty' } }, 'Nothing to recommend right now.'),
  );
}
