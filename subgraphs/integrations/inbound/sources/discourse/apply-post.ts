import type { GraphClient } from '../../../../kit/graph-client';
import { bodyOf, displayNameOf, externalIdOfPost, externalIdOfTopic, reasonToSkip, titleOf } from './post-content';
import { parsePayload, postPayload, UnmappableDiscourseEvent, type DiscoursePost } from './payloads';

const TARGETS = `query DiscoursePostTargets($topic: String!, $post: String!) {
  topicPost: postByExternalId(source: "discourse", id: $topic) { id }
  reply: replyByExternalId(source: "discourse", id: $post) { id }
}`;
const AUTHOR = `query DiscourseAuthor($user: String!) { userByExternalId(source: "discourse", id: $user) { id account { id } } }`;
const CREATE_POST = `mutation DiscourseTopic($input: CreatePostInput!) { createPost(input: $input) { id } }`;
const UPDATE_POST = `mutation DiscourseTopicEdit($id: ID!, $input: UpdatePostInput!) { updatePost(id: $id, input: $input) { id } }`;
const DELETE_POST = `mutation DiscourseTopicRemoval($id: ID!) { deletePost(id: $id) }`;
const CREATE_REPLY = `mutation DiscourseReply($input: ReplyInput!) { reply(input: $input) { id } }`;
const UPDATE_REPLY = `mutation DiscourseReplyEdit($id: ID!, $input: UpdateReplyInput!) { updateReply(id: $id, input: $input) { id } }`;
const DELETE_REPLY = `mutation DiscourseReplyRemoval($id: ID!) { deleteReply(id: $id) }`;

interface Targets {
  topicPost: { id: string } | null;
  reply: { id: string } | null;
}

function targetsOf(post: DiscoursePost, graph: GraphClient): Promise<Targets> {
  return graph.request<Targets>(TARGETS, { topic: externalIdOfTopic(post.topic_id).id, post: externalIdOfPost(post.id).id });
}

/** The hub user and account behind a Discourse author; throws (the event is retried) until a user event links them. */
async function authorOf(post: DiscoursePost, graph: GraphClient): Promise<{ authorUserId: string; accountId: string }> {
  const { userByExternalId: user } = await graph.request<{ userByExternalId: { id: string; account: { id: string } } | null }>(AUTHOR, {
    user: String(post.user_id),
  });
  if (!user) {
    throw new UnmappableDiscourseEvent(
      `no user has the Discourse user id ${post.user_id} (${post.username}): a user_created event, or the external id {source: "discourse", id: "${post.user_id}"} on the user, links them; then replay`,
    );
  }
  return { authorUserId: user.id, accountId: user.account.id };
}

/**
 * A created, edited or recovered post, written as it now reads: the first post of a topic is a
 * community post (titled after the topic), later ones are replies to it. Found again by their
 * Discourse ids, so a repeat or an edit changes the same record.
 */
export async function upsertPostOrReply(payload: unknown, graph: GraphClient): Promise<string> {
  const { post } = parsePayload(postPayload, payload);
  const skip = reasonToSkip(post);
  if (skip) return `ignored: ${skip}`;
  const body = bodyOf(post);
  const { topicPost, reply } = await targetsOf(post, graph);
  if (post.post_number === 1) {
    const title = titleOf(post.topic_title, post.topic_id);
    if (topicPost) {
      await graph.request(UPDATE_POST, { id: topicPost.id, input: { title, body } });
      return `post ${topicPost.id} updated from topic ${post.topic_id}`;
    }
    const author = await authorOf(post, graph);
    const input = { type: 'DISCUSSION', title, body, displayName: displayNameOf(post), ...author, externalIds: [externalIdOfTopic(post.topic_id), externalIdOfPost(post.id)] };
    const { createPost } = await graph.request<{ createPost: { id: string } }>(CREATE_POST, { input });
    return `post ${createPost.id} created from topic ${post.topic_id}`;
  }
  if (reply) {
    await graph.request(UPDATE_REPLY, { id: reply.id, input: { body } });
    return `reply ${reply.id} updated from post ${post.id}`;
  }
  if (!topicPost) throw new UnmappableDiscourseEvent(`topic ${post.topic_id} of post ${post.id} has no community post yet: its first post comes first`);
  const author = await authorOf(post, graph);
  const input = { postId: topicPost.id, body, displayName: displayNameOf(post), ...author, externalIds: [externalIdOfPost(post.id)] };
  const { reply: created } = await graph.request<{ reply: { id: string } }>(CREATE_REPLY, { input });
  return `reply ${created.id} to post ${topicPost.id} created from post ${post.id}`;
}

/** A destroyed post: a topic's first post takes the community post (and its replies) with it; a later one its reply. */
export async function removePostOrReply(payload: unknown, graph: GraphClient): Promise<string> {
  const { post } = parsePayload(postPayload, payload);
  const { topicPost, reply } = await targetsOf(post, graph);
  if (post.post_number === 1 && topicPost) {
    await graph.request(DELETE_POST, { id: topicPost.id });
    return `post ${topicPost.id} deleted with topic ${post.topic_id}`;
  }
  if (post.post_number > 1 && reply) {
    await graph.request(DELETE_REPLY, { id: reply.id });
    return `reply ${reply.id} deleted`;
  }
  return `ignored: nothing came from post ${post.id}`;
}
