import { z } from 'zod';
import { date, externalIdInput, id, locale, optional, tags, text } from '../kit/input-fields';
import { POST_TYPES, POST_VISIBILITIES } from './model';

/** Who a post or reply is written for: staff and integrations name the user, customers are the user. */
const onBehalfOf = {
  displayName: optional(text(80)),
  authorUserId: optional(id),
  accountId: optional(id),
};

/** What a post says and who reads it: the same rules when it is written and when it is edited. */
const postContent = {
  title: text(200),
  body: text(20_000),
  tags: optional(tags(10)),
  visibility: optional(z.enum(POST_VISIBILITIES)),
};

export const createPostInput = z.strictObject({
  type: z.enum(POST_TYPES),
  ...postContent,
  locale: optional(locale),
  ...onBehalfOf,
  externalIds: optional(z.array(externalIdInput).max(20)),
});
export type CreatePostInput = z.output<typeof createPostInput>;

export const replyInput = z.strictObject({
  postId: id,
  body: text(20_000),
  ...onBehalfOf,
  externalIds: optional(z.array(externalIdInput).max(20)),
});
export type ReplyInput = z.output<typeof replyInput>;

/** An edit names at least one field; `null` leaves a field as it is, and `tags: []` clears the tags. */
export const updatePostInput = z
  .strictObject({
    title: optional(postContent.title),
    body: optional(postContent.body),
    tags: postContent.tags,
    visibility: postContent.visibility,
  })
  .refine((fields) => Object.values(fields).some((value) => value !== undefined), {
    message: 'must change at least one of title, body, tags, visibility',
  });
export type UpdatePostInput = z.output<typeof updatePostInput>;

export const updateReplyInput = z.strictObject({ body: text(20_000) });

/** A member profile made for someone who joined on another platform: the user is named, never inferred. */
export const upsertCommunityMemberInput = z.strictObject({
  userId: id,
  accountId: id,
  displayName: optional(text(80)),
  joinedAt: optional(date),
  externalIds: optional(z.array(externalIdInput).max(20)),
});
export type UpsertCommunityMemberInput = z.output<typeof upsertCommunityMemberInput>;

/** The arguments of `postByExternalId` and `replyByExternalId`. */
export const externalIdLookupArgs = externalIdInput;

/** The `id` argument of a mutation on one post or event. */
export const idArgument = z.strictObject({ id });

export const acceptAnswerArguments = z.strictObject({ postId: id, replyId: id });

export const eventIdArgument = z.strictObject({ eventId: id });

export const postFilterInput = z.strictObject({
  types: optional(z.array(z.enum(POST_TYPES)).max(POST_TYPES.length)),
  tags: optional(tags(10)),
  locale: optional(locale),
  authorId: optional(id),
});
export type PostFilterInput = z.output<typeof postFilterInput>;
