import type { ContentChange } from '../kit/content-feed';
import { markdownToPlainText } from './markdown-text';
import type { ArticleDocument, TicketDocument } from './model';

// Tickets carry no language; the hub's content is Japanese or English, and kana or kanji tell which.
const JAPANESE_SCRIPT = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/**
 * A help-center article as the search index sees it: public articles for everyone, internal ones
 * for staff only. Its section is one of its tags, so a search can narrow to `billing`.
 */
export function articleChange(article: ArticleDocument): ContentChange {
  return {
    id: article._id,
    type: 'ARTICLE',
    removed: false,
    title: article.title,
    body: markdownToPlainText(article.body),
    tags: [...new Set([...article.labels, article.section])],
    locale: article.locale,
    audience: article.visibility === 'PUBLIC' ? 'PUBLIC' : 'STAFF',
    accountId: null,
    popularity: article.viewCount,
    publishedAt: article.createdAt,
    updatedAt: article.updatedAt,
  };
}

/**
 * A ticket as the search index sees it: findable by its account's users. Only what those users
 * may read goes in, the description and public comments, never internal notes nor the tags, which
 * the API shows to staff only. Solved and closed tickets stay findable: a past answer is what a
 * customer searches for. Popularity is 0: a long conversation measures trouble, not usefulness.
 */
export function ticketChange(ticket: TicketDocument): ContentChange {
  const description = ticket.description.trim();
  // Help desks store the requester's opening message as the first comment too.
  const answers = ticket.comments.filter((comment) => comment.isPublic && comment.body.trim() !== description).map((comment) => comment.body.trim());
  const body = [description, ...answers].join('\n\n');
  return {
    id: ticket._id,
    type: 'TICKET',
    removed: false,
    title: ticket.subject,
    body,
    tags: [],
    locale: JAPANESE_SCRIPT.test(`${ticket.subject}\n${body}`) ? 'ja-JP' : 'en-US',
    audience: 'ACCOUNT',
    accountId: ticket.accountId,
    popularity: 0,
    publishedAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
  };
}
