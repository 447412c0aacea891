import { z } from 'zod';
import { date, externalIdInput, id, locale, text, webUrl } from '../kit/input-fields';
import { ARTICLE_VISIBILITIES, COMMENT_AUTHOR_ROLES, SATISFACTION_RATINGS, TICKET_PRIORITIES, TICKET_STATUSES } from './model';

/** The most comments one ticket may hold: keeps a ticket document far below MongoDB's 16 MB. */
export const MAX_COMMENTS_PER_TICKET = 500;

// Help desks allow tags in any script (タグ too) but no spaces; they are compared lower-cased.
const label = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[\p{L}\p{N}_:.-]{1,50}$/u, 'must be 1–50 letters, digits, _, :, . or - without spaces');
const section = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single dashes').max(60, 'must be at most 60 characters');


export const ticketCommentInput = z.strictObject({
  id: id.optional(),
  authorName: text(200),
  authorRole: z.enum(COMMENT_AUTHOR_ROLES),
  body: text(20_000),
  isPublic: z.boolean('must be true or false').optional(),
  createdAt: date.optional(),
});
export type TicketCommentInput = z.output<typeof ticketCommentInput>;

export const upsertTicketInput = z.strictObject({
  id: id.optional(),
  externalIds: z.array(externalIdInput).max(20).optional(),
  subject: text(300).optional(),
  description: text(20_000).optional(),
  status: z.enum(TICKET_STATUSES).optional(),
  priority: z.enum(TICKET_PRIORITIES).optional(),
  requesterId: id.optional(),
  accountId: id.optional(),
  tags: z.array(label).max(50).optional(),
  satisfaction: z
    .strictObject({ rating: z.enum(SATISFACTION_RATINGS), comment: text(2_000).nullable().optional() })
    .nullable()
    .optional(),
  comments: z.array(ticketCommentInput).max(100).optional(),
  createdAt: date.optional(),
  updatedAt: date.optional(),
  firstResponseAt: date.optional(),
  solvedAt: date.optional(),
});
export type UpsertTicketInput = z.output<typeof upsertTicketInput>;

export const upsertArticleInput = z.strictObject({
  id: id.optional(),
  externalIds: z.array(externalIdInput).max(20).optional(),
  title: text(300).optional(),
  body: text(100_000).optional(),
  locale: locale.optional(),
  section: section.optional(),
  labels: z.array(label).max(30).optional(),
  url: webUrl.optional(),
  visibility: z.enum(ARTICLE_VISIBILITIES).optional(),
  createdAt: date.optional(),
  updatedAt: date.optional(),
});
export type UpsertArticleInput = z.output<typeof upsertArticleInput>;

export const recordArticleViewArguments = z.strictObject({ articleId: id });
export const deleteArticleArguments = z.strictObject({ id });


// Filters take null like an omitted condition: clients often pass unset variables as null.
export const ticketFilterInput = z.strictObject({
  status: z.enum(TICKET_STATUSES).nullish(),
  priority: z.enum(TICKET_PRIORITIES).nullish(),
  accountId: id.nullish(),
  requesterId: id.nullish(),
});
export type TicketFilterInput = z.output<typeof ticketFilterInput>;

export const articleFilterInput = z.strictObject({
  locale: locale.nullish(),
  section: section.nullish(),
  labels: z.array(label).max(10).nullish(),
});
export type ArticleFilterInput = z.output<typeof articleFilterInput>;

export const userTicketsArguments = z.strictObject({ status: z.enum(TICKET_STATUSES).nullish() });
export const accountTicketsArguments = z.strictObject({ status: z.enum(TICKET_STATUSES).nullish(), open: z.boolean().nullish() });
