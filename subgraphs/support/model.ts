import type { ExternalId } from '../kit/records';
export type { ExternalId } from '../kit/records';

/** The documents the support subgraph stores. Field names are the stored shape, not the API. */

export const TICKET_STATUSES = ['NEW', 'OPEN', 'PENDING', 'ON_HOLD', 'SOLVED', 'CLOSED'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses of tickets that still need work: what `openTickets` counts. */
export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = ['NEW', 'OPEN', 'PENDING', 'ON_HOLD'];
export const SOLVED_TICKET_STATUSES: readonly TicketStatus[] = ['SOLVED', 'CLOSED'];

export const TICKET_PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const SATISFACTION_RATINGS = ['GOOD', 'BAD'] as const;
export type SatisfactionRating = (typeof SATISFACTION_RATINGS)[number];

export const COMMENT_AUTHOR_ROLES = ['REQUESTER', 'AGENT'] as const;
export type CommentAuthorRole = (typeof COMMENT_AUTHOR_ROLES)[number];

export const ARTICLE_VISIBILITIES = ['PUBLIC', 'INTERNAL'] as const;
export type ArticleVisibility = (typeof ARTICLE_VISIBILITIES)[number];

export interface TicketComment {
  /** Unique within its ticket: the source system's comment id, or `tcm_…` for comments made here. */
  id: string;
  authorName: string;
  authorRole: CommentAuthorRole;
  body: string;
  /** False for internal notes: staff-only, never shown or counted for customers. */
  isPublic: boolean;
  createdAt: Date;
}

export interface TicketSatisfaction {
  rating: SatisfactionRating;
  comment: string | null;
}

/**
 * A ticket with its conversation embedded: comments are always read with their ticket, and a
 * help-desk ticket rarely has more than a few dozen.
 */
export interface TicketDocument {
  _id: string;
  subject: string;
  description: string;
  status: TicketStatus;
  priority: TicketPriority;
  /** A user of the accounts subgraph; also how `User.tickets` learns which account a user is in. */
  requesterId: string;
  accountId: string;
  tags: string[];
  /** Always present (null when unrated), so aggregations never meet a missing field. */
  satisfaction: TicketSatisfaction | null;
  /** Oldest first. */
  comments: TicketComment[];
  createdAt: Date;
  /** When this hub last wrote the ticket: the content feed's order (see `feed-times.ts`). */
  updatedAt: Date;
  /** `Ticket.updatedAt` when it is not `updatedAt`, e.g. the source's time of an imported change. */
  contentUpdatedAt?: Date | null;
  firstResponseAt: Date | null;
  solvedAt: Date | null;
  externalIds: ExternalId[];
  /** `source:id` strings, present only when non-empty (sparse unique index), as in accounts. */
  externalKeys?: string[];
  syncedAt: Date | null;
}

export interface ArticleDocument {
  _id: string;
  title: string;
  body: string;
  /** BCP 47 locale such as `ja-JP` or `en-US`. */
  locale: string;
  /** Slug of the help-center section, e.g. `billing`. */
  section: string;
  labels: string[];
  url: string | null;
  visibility: ArticleVisibility;
  viewCount: number;
  createdAt: Date;
  /** When this hub last wrote the article: the content feed's order (see `feed-times.ts`). */
  updatedAt: Date;
  /** `Article.updatedAt` when it is not `updatedAt`, e.g. the source's time of an imported change. */
  contentUpdatedAt?: Date | null;
  externalIds: ExternalId[];
  externalKeys?: string[];
  syncedAt: Date | null;
}

/**
 * Help-center article views by one account's users on one UTC day: what `selfServiceRate`
 * divides by. One document per account and day, so a view is one atomic `$inc`.
 */
export interface ArticleViewDayDocument {
  /** `<accountId>:<YYYY-MM-DD>`, which makes concurrent first views of a day meet on one document. */
  _id: string;
  accountId: string;
  /** Midnight UTC of the day. */
  day: Date;
  views: number;
}
