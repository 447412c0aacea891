import type { ExternalId } from '../kit/records';
export type { ExternalId } from '../kit/records';

/** The documents the community subgraph stores. Field names are the stored shape, not the API. */

export const POST_TYPES = ['QUESTION', 'DISCUSSION', 'IDEA', 'CUSTOMER_STORY'] as const;
export type PostType = (typeof POST_TYPES)[number];

export const POST_VISIBILITIES = ['PUBLIC', 'ACCOUNT'] as const;
export type PostVisibility = (typeof POST_VISIBILITIES)[number];

export const BADGE_KINDS = ['FIRST_POST', 'FIRST_REPLY', 'ACCEPTED_ANSWER', 'STORYTELLER', 'EARLY_MEMBER', 'EVENT_GOER'] as const;
export type BadgeKind = (typeof BADGE_KINDS)[number];

export const EVENT_KINDS = ['MEETUP', 'WEBINAR'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const REGISTRATION_STATUSES = ['REGISTERED', 'ATTENDED', 'MISSED'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export interface Badge {
  kind: BadgeKind;
  earnedAt: Date;
}

/** Where a record was imported from and when, stored the same way in every subgraph. */
export interface ImportStamps {
  externalIds: ExternalId[];
  /** `source:id` strings, present only when non-empty: a sparse unique index keeps imports idempotent. */
  externalKeys?: string[];
  syncedAt: Date | null;
}

export interface MemberDocument extends ImportStamps {
  /** Opaque (`mem_…`): it appears on public posts and must not reveal the user or account id. */
  _id: string;
  /** The accounts subgraph's user; one profile per user. */
  userId: string;
  /** The user's account, kept so that access to the profile's private parts can be decided here. */
  accountId: string;
  displayName: string;
  /** May be before the company became a customer (the user's `firstSeenAt` for early members). */
  joinedAt: Date;
  points: number;
  badges: Badge[];
  /** Set once the member wrote a public post or replied to one: from then on the profile is public. */
  hasPublicContent: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface PostDocument extends ImportStamps {
  _id: string;
  type: PostType;
  title: string;
  body: string;
  /** Lower-cased, unique. */
  tags: string[];
  locale: string;
  /** The author's member id. */
  authorId: string;
  authorUserId: string;
  /** The author's account: decides who reads ACCOUNT posts and whose activity the post counts for. */
  accountId: string;
  visibility: PostVisibility;
  views: number;
  votes: number;
  /** Set only on questions, once an answer is accepted. */
  acceptedReplyId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ReplyDocument {
  _id: string;
  postId: string;
  /** The author's member id. */
  authorId: string;
  authorUserId: string;
  /** The reply author's account (not the post's): answers count for the account that gave them. */
  accountId: string;
  body: string;
  votes: number;
  acceptedAt: Date | null;
  /** Ids of the reply in another community platform; absent on replies written before imports. */
  externalIds?: ExternalId[];
  externalKeys?: string[];
  syncedAt?: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface EventDocument {
  _id: string;
  title: string;
  description: string;
  kind: EventKind;
  locale: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  onlineUrl: string | null;
  /** Null: unlimited. */
  capacity: number | null;
  /** Kept on the event so a seat is taken with one conditional update, never beyond capacity. */
  registeredCount: number;
  /**
   * Set when staff cancel the event; the event and its registrations stay as history. Absent on
   * events stored before cancelling existed, which reads as null in queries.
   */
  cancelledAt?: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface RegistrationDocument {
  _id: string;
  eventId: string;
  userId: string;
  accountId: string;
  /** The registrant's member id; null when they have no community profile. */
  memberId: string | null;
  status: RegistrationStatus;
  registeredAt: Date;
  attendedAt: Date | null;
}
