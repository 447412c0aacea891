import { htmlToMarkdown } from './html-markdown';
import type { HelpCenterArticle } from './payloads';
import { ZENDESK } from './ticket-mapping';

/** Support's limits on what an article upsert may carry (see `subgraphs/support/inputs.ts`). */
const MAX_TITLE_LENGTH = 300;
const MAX_BODY_LENGTH = 100_000;
const MAX_LABELS = 30;
const SUPPORT_LABEL = /^[\p{L}\p{N}_:.-]{1,50}$/u;
const BCP47 = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2}|-\d{3})?$/;

/** The fields of support's `UpsertArticleInput` a Help Center article fills, as GraphQL variables. */
export interface ArticleFields {
  externalIds: Array<{ source: string; id: string }>;
  title: string;
  body: string;
  locale: string;
  section: string;
  labels: string[];
  url?: string;
  visibility: 'PUBLIC' | 'INTERNAL';
  createdAt?: string;
  updatedAt: string;
}

/**
 * Help Center locales are lower-case (`en-us`, `ja`, `zh-tw`); BCP 47 writes the region in upper
 * case and a script in title case. A locale that still does not fit is reported as null.
 */
export function bcp47Of(zendeskLocale: string): string | null {
  const [language = '', ...subtags] = zendeskLocale.trim().replace(/_/g, '-').split('-');
  const parts = [language.toLowerCase()];
  for (const subtag of subtags) {
    if (subtag.length === 4) parts.push(subtag[0]!.toUpperCase() + subtag.slice(1).toLowerCase());
    else parts.push(subtag.toUpperCase());
  }
  const locale = parts.join('-');
  return BCP47.test(locale) ? locale : null;
}

/** Help Center labels may hold spaces ("getting started"); support's labels may not. */
export function labelsOf(labelNames: readonly string[]): string[] {
  const labels = labelNames.map((name) => name.trim().toLowerCase().replace(/\s+/g, '-')).filter((label) => SUPPORT_LABEL.test(label));
  return [...new Set(labels)].slice(0, MAX_LABELS);
}

/** A section id as support's section slug: the id itself, which is digits. */
export function sectionOf(sectionId: string | null | undefined): string {
  return sectionId ?? 'general';
}

/**
 * An article as support stores it. An article restricted to a user segment (signed-in users,
 * agents only) is INTERNAL: it must never be shown to every customer.
 */
export function articleFieldsOf(article: HelpCenterArticle): ArticleFields {
  const locale = bcp47Of(article.locale);
  if (!locale) throw new Error(`Zendesk article ${article.id} has a locale support cannot store: ${article.locale}`);
  const title = article.title.trim() || `Zendesk article ${article.id}`;
  const body = htmlToMarkdown(article.body ?? '') || title;
  const url = article.html_url && /^https?:\/\//.test(article.html_url) ? article.html_url : undefined;
  return {
    externalIds: [{ source: ZENDESK, id: article.id }],
    title: title.slice(0, MAX_TITLE_LENGTH),
    body: body.slice(0, MAX_BODY_LENGTH),
    locale,
    section: sectionOf(article.section_id),
    labels: labelsOf(article.label_names ?? []),
    ...(url ? { url } : {}),
    visibility: article.user_segment_id ? 'INTERNAL' : 'PUBLIC',
    ...(article.created_at ? { createdAt: article.created_at.toISOString() } : {}),
    updatedAt: article.updated_at.toISOString(),
  };
}
