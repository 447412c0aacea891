import { z } from 'zod';
import { POST_TYPES, POST_VISIBILITIES } from './model';

/** GraphQL lets a client send `null` for an optional field; here that means "not given". */
export const optional = <S extends z.ZodType>(schema: S) => schema.nullish().transform((value) => value ?? undefined);

export const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, _ or -');
export const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
export const locale = z.string().regex(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2}|-\d{3})?$/, 'must be a BCP 47 locale such as ja-JP');
const tag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_+.#-]{0,39}$/u, 'must be 1–40 letters or digits (also _ + . # -), starting with a letter or digit');
const tags = z
  .array(tag)
  .max(10, 'must be at most 10 tags')
  .transform((values) => [...new Set(values)]);

export const externalIdInput = z.strictObject({
  source: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'must be 1–40 lower-case letters, digits, _ or -'),
  id: text(200),
});

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
  tags: optional(tags),
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

/** The `id` argument of a mutation on one post or event. */
export const idArgument = z.strictObject({ id });

export const acceptAnswerArguments = z.strictObject({ postId: id, replyId: id });

export const eventIdArgument = z.strictObject({ eventId: id });

export const postFilterInput = z.strictObject({
  types: optional(z.array(z.enum(POST_TYPES)).max(POST_TYPES.length)),
  tags: optional(tags),
  locale: optional(locale),
  authorId: optional(id),
});
export type PostFilterInput = z.output<typeof postFilterInput>;
