import type { GraphClient } from '../../../../kit/graph-client';
import { articleFieldsOf, bcp47Of, sectionOf } from './article-mapping';
import type { HelpCenterArticle } from './payloads';
import { UnlinkedZendeskRecordError } from './ticket-apply';
import { ZENDESK } from './ticket-mapping';

/** Writes Help Center articles to support through the graph; never an older version over a newer one. */

const STORED_ARTICLE = `query StoredZendeskArticle($id: String!) { articleByExternalId(source: "${ZENDESK}", id: $id) { id updatedAt } }`;
const UPSERT_ARTICLE = `mutation UpsertZendeskArticle($input: UpsertArticleInput!) { upsertArticle(input: $input) { id } }`;
const DELETE_ARTICLE = `mutation DeleteZendeskArticle($id: ID!) { deleteArticle(id: $id) }`;

interface StoredArticle {
  id: string;
  updatedAt: string;
}

async function storedArticle(graph: GraphClient, zendeskId: string): Promise<StoredArticle | null> {
  const { articleByExternalId } = await graph.request<{ articleByExternalId: StoredArticle | null }>(STORED_ARTICLE, { id: zendeskId });
  return articleByExternalId;
}

/** Removes the article of a Zendesk id, unless the hub's copy changed after `at`. */
export async function removeZendeskArticle(graph: GraphClient, zendeskId: string, at: Date): Promise<string> {
  const stored = await storedArticle(graph, zendeskId);
  if (!stored) return `Zendesk article ${zendeskId} is not in the hub: nothing to remove`;
  if (new Date(stored.updatedAt) > at) return `skipped: article ${stored.id} changed at ${stored.updatedAt}, after its removal (${at.toISOString()})`;
  await graph.request(DELETE_ARTICLE, { id: stored.id });
  return `article ${stored.id} removed (Zendesk article ${zendeskId})`;
}

/** Creates or updates an article from a Help Center article object; a draft is removed instead. */
export async function applyHelpCenterArticle(graph: GraphClient, article: HelpCenterArticle): Promise<string> {
  if (article.draft) return removeZendeskArticle(graph, article.id, article.updated_at);
  const fields = articleFieldsOf(article);
  const stored = await storedArticle(graph, article.id);
  if (stored && new Date(stored.updatedAt) > article.updated_at) {
    return `skipped: article ${stored.id} changed at ${stored.updatedAt}, after this version (${fields.updatedAt})`;
  }
  const { upsertArticle } = await graph.request<{ upsertArticle: { id: string } }>(UPSERT_ARTICLE, { input: fields });
  return `article ${upsertArticle.id} ${stored ? 'updated' : 'created'} from Zendesk article ${article.id}`;
}

/** What an `article.published` event tells of the article; its body is not among it. */
export interface PublishedArticleSummary {
  id: string;
  title?: string | undefined;
  locale?: string | undefined;
  sectionId?: string | undefined;
  at: Date;
}

/**
 * Applies an `article.published` event. The event carries the title, locale and section but not
 * the body, so it updates an article the hub already holds; one the hub has never seen fails
 * (and is retried) until an import brings its body.
 */
export async function applyPublishedArticle(graph: GraphClient, summary: PublishedArticleSummary): Promise<string> {
  const stored = await storedArticle(graph, summary.id);
  if (!stored) {
    throw new UnlinkedZendeskRecordError(
      `Zendesk article ${summary.id} is not in the hub and its published event carries no body: import the article, then replay`,
    );
  }
  if (new Date(stored.updatedAt) > summary.at) return `skipped: article ${stored.id} changed at ${stored.updatedAt}, after this event`;
  const locale = summary.locale ? bcp47Of(summary.locale) : null;
  const input = {
    id: stored.id,
    ...(summary.title?.trim() ? { title: summary.title.trim().slice(0, 300) } : {}),
    ...(locale ? { locale } : {}),
    ...(summary.sectionId ? { section: sectionOf(summary.sectionId) } : {}),
    updatedAt: summary.at.toISOString(),
  };
  await graph.request(UPSERT_ARTICLE, { input });
  return `article ${stored.id} republished from Zendesk article ${summary.id}`;
}
