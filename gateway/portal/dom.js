// Building the page from data. Every value from the graph goes in as text: `el()` appends
// strings as Text nodes and sets attributes one by one, so nothing from the data is parsed as
// HTML. The one exception is `highlightedSnippet()`, below.

/**
 * `el('a', { class: 'link', href }, 'text', childNode)`. Props: `class`, `dataset`, `on<event>`
 * listeners, `href` (kept only for http(s) URLs), `text`; anything else becomes an attribute
 * (`true` → present, `false`/`null`/`undefined` → left out).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'href') {
      const href = safeHref(value);
      if (href) node.setAttribute('href', href);
    } else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces a node's children. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/**
 * Links come from imported data (article and document URLs, event links): only http(s) ones are
 * followed, so a `javascript:` URL in the data can never run.
 */
export function safeHref(value) {
  try {
    const url = new URL(String(value), window.location.origin);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

// Search highlights are the only HTML the portal inserts. The search subgraph HTML-escapes the
// indexed text itself and adds nothing but `<mark>` elements around the matches, so its snippets
// can go in as HTML; that is the only reason they may. The policy checks it again (a snippet with
// any other tag is shown as plain text), and the page's CSP requires Trusted Types, so no other
// code can reach innerHTML with a plain string.
const MARKS_ONLY = /^(?:[^<]|<mark>|<\/mark>)*$/;
const highlightPolicy = window.trustedTypes
  ? window.trustedTypes.createPolicy('portal-highlight', {
      createHTML(snippet) {
        if (!MARKS_ONLY.test(snippet)) throw new TypeError('a highlight may hold <mark> elements only');
        return snippet;
      },
    })
  : { createHTML: (snippet) => snippet };

/** A search snippet (escaped by the server, matches in `<mark>`) as an element. */
export function highlightedSnippet(tag, snippet, props = {}) {
  const node = el(tag, props);
  if (MARKS_ONLY.test(snippet)) node.innerHTML = highlightPolicy.createHTML(snippet);
  else node.textContent = snippet;
  return node;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

export function formatDate(iso) {
  return iso ? dateFormat.format(new Date(iso)) : '—';
}

export function formatDateTime(iso) {
  return iso ? dateTimeFormat.format(new Date(iso)) : '—';
}

/** `1 day`, `12 days`, `1 year 3 months` (from 365 days on). */
export function formatDays(days) {
  if (days === null || days === undefined) return '—';
  if (days < 365) return days === 1 ? '1 day' : `${days} days`;
  const years = Math.floor(days / 365);
  const months = Math.floor(((days % 365) * 12) / 365);
  return `${years} year${years === 1 ? '' : 's'}${months ? ` ${months} month${months === 1 ? '' : 's'}` : ''}`;
}

/** `IN_PROGRESS` → `In progress`. */
export function humanize(enumValue) {
  if (!enumValue) return '';
  const words = String(enumValue).toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
