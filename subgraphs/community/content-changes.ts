import type { ContentChange, ContentType } from '../kit/content-feed';
import type { EventDocument, PostDocument } from './model';
import { plainText } from './plain-text';

/** What an accepted answer adds to a question's popularity: a solved question is worth finding. */
export const ACCEPTED_ANSWER_POPULARITY = 5;

/** Customer stories are their own kind in search; questions, discussions and ideas are posts. */
export function postContentType(post: Pick<PostDocument, 'type'>): ContentType {
  return post.type === 'CUSTOMER_STORY' ? 'CUSTOMER_STORY' : 'POST';
}

/**
 * A post as search sees it. An account-only post is found only by that account's users; every
 * post names its author's account.
 */
export function postChange(post: PostDocument): ContentChange {
  const popularity = post.views + post.votes + (post.acceptedReplyId ? ACCEPTED_ANSWER_POPULARITY : 0);
  return {
    id: post._id,
    type: postContentType(post),
    removed: false,
    title: post.title,
    body: plainText(post.body),
    tags: post.tags,
    locale: post.locale,
    audience: post.visibility === 'PUBLIC' ? 'PUBLIC' : 'ACCOUNT',
    accountId: post.accountId,
    // Down-votes can outweigh views; a ranking tie-breaker has no use for negative numbers.
    popularity: Math.max(0, popularity),
    publishedAt: post.createdAt,
    updatedAt: post.updatedAt,
  };
}

/**
 * An event as search sees it: public, found by its place as well as its description. The link to
 * join a webinar stays out, since only registrants may see it. A cancelled event is removed.
 */
export function eventChange(event: EventDocument): ContentChange {
  return {
    id: event._id,
    type: 'EVENT',
    removed: Boolean(event.cancelledAt),
    title: event.title,
    body: event.place ? `${event.description}\n\n${event.place}` : event.description,
    tags: [event.kind.toLowerCase()],
    locale: event.locale,
    audience: 'PUBLIC',
    accountId: null,
    popularity: event.registeredCount,
    publishedAt: event.createdAt,
    updatedAt: event.updatedAt,
  };
}
