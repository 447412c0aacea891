import { htmlToText } from './html-text';
import { POST_TYPES, UnmappableDiscourseEvent, type DiscoursePost } from './payloads';

/** What the community subgraph accepts: titles of 200 characters, bodies of 20,000, names of 80, 10 tags. */
const MAX_TITLE = 200;
const MAX_BODY = 20_000;
const MAX_DISPLAY_NAME = 80;
const MAX_TAGS = 10;
const COMMUNITY_TAG = /^[\p{L}\p{N}][\p{L}\p{N}_+.#-]{0,39}$/u;

/** External ids in the community subgraph: topics and posts are numbered separately in Discourse. */
export const externalIdOfTopic = (topicId: number) => ({ source: 'discourse', id: `topic:${topicId}` });
export const externalIdOfPost = (postId: number) => ({ source: 'discourse', id: `post:${postId}` });
/** Users keep Discourse's plain id, as the accounts subgraph stores it. */
export const externalIdOfUser = (userId: number) => ({ source: 'discourse', id: String(userId) });

/**
 * Why a post is not community content, or null when it is: personal messages stay private,
 * and whispers, small actions and moderator notices are staff notes, not conversation.
 */
export function reasonToSkip(post: DiscoursePost): string | null {
  if (post.topic_archetype === 'private_message') return `post ${post.id} is a personal message`;
  if (post.post_type !== POST_TYPES.regular) return `post ${post.id} is not a regular post (post_type ${post.post_type})`;
  if (post.user_id <= 0) return `post ${post.id} was written by Discourse itself (user ${post.user_id})`;
  return null;
}

/** The post's text: the Markdown the author wrote, else the rendered HTML as text; long ones are cut. */
export function bodyOf(post: DiscoursePost): string {
  const body = (post.raw?.trim() || htmlToText(post.cooked ?? '')).slice(0, MAX_BODY).trim();
  if (!body) throw new UnmappableDiscourseEvent(`post ${post.id} has no text`);
  return body;
}

export function titleOf(title: string | null | undefined, topicId: number): string {
  return (title?.trim() || `Topic ${topicId}`).slice(0, MAX_TITLE).trim();
}

export function displayNameOf(post: Pick<DiscoursePost, 'name' | 'username'>): string {
  return (post.name?.trim() || post.username).slice(0, MAX_DISPLAY_NAME).trim();
}

/** The topic's tags the community can hold (lower-cased, letters and digits first), at most 10. */
export function tagsOf(tags: readonly string[]): string[] {
  const usable = tags.map((tag) => tag.trim().toLowerCase()).filter((tag) => COMMUNITY_TAG.test(tag));
  return [...new Set(usable)].slice(0, MAX_TAGS);
}
