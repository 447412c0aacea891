import { z } from 'zod';

/**
 * Discourse's webhook payloads (`{"post": …}`, `{"topic": …}`, `{"user": …}`) in the shape of its
 * web-hook serializers. Objects are loose: Discourse adds fields over time, and a field the hub
 * does not read must never make an event invalid.
 */

const isoTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).transform((value) => new Date(value));
/** Discourse's own users (system, bots) have ids of 0 and below. */
const userId = z.number().int();
const recordId = z.number().int().positive();

/** Discourse's `post_type`: only regular posts are community content; the rest are staff notes and notices. */
export const POST_TYPES = { regular: 1, moderatorAction: 2, smallAction: 3, whisper: 4 } as const;

export const discoursePost = z.looseObject({
  id: recordId,
  username: z.string().min(1),
  name: z.string().nullish(),
  created_at: isoTime,
  /** The Markdown the author wrote; web hooks include it. */
  raw: z.string().nullish(),
  /** The rendered HTML. */
  cooked: z.string().nullish(),
  post_number: z.number().int().positive(),
  post_type: z.number().int(),
  topic_id: recordId,
  topic_title: z.string().nullish(),
  /** `regular` for forum topics, `private_message` for personal messages. */
  topic_archetype: z.string().nullish(),
  user_id: userId,
});
export type DiscoursePost = z.output<typeof discoursePost>;

/** Tags are names in older versions and `{id, name, slug}` objects in newer ones. */
const tag = z.union([z.string(), z.looseObject({ name: z.string() })]).transform((value) => (typeof value === 'string' ? value : value.name));

export const discourseTopic = z.looseObject({
  id: recordId,
  title: z.string().min(1),
  archetype: z.string().nullish(),
  tags: z.array(tag).nullish(),
  created_at: isoTime.nullish(),
});
export type DiscourseTopic = z.output<typeof discourseTopic>;

export const discourseUser = z.looseObject({
  id: userId,
  username: z.string().min(1),
  name: z.string().nullish(),
  /** Sent to web hooks, which Discourse serializes as an administrator. */
  email: z.string().nullish(),
  created_at: isoTime.nullish(),
});
export type DiscourseUser = z.output<typeof discourseUser>;

export const postPayload = z.looseObject({ post: discoursePost });
export const topicPayload = z.looseObject({ topic: discourseTopic });
export const userPayload = z.looseObject({ user: discourseUser });

/** Why an event cannot be applied (yet); it is kept, retried, and can be replayed. */
export class UnmappableDiscourseEvent extends Error {
  override name = 'UnmappableDiscourseEvent';
}

/** The payload parsed with `schema`; an error naming the first bad field otherwise. */
export function parsePayload<S extends z.ZodType>(schema: S, payload: unknown): z.output<S> {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  throw new UnmappableDiscourseEvent(`${issue?.path.join('.') || 'payload'}: ${issue?.message ?? 'invalid'}`);
}
