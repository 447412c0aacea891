import type { GraphClient } from '../../../../kit/graph-client';
import { externalIdOfTopic, tagsOf, titleOf } from './post-content';
import { parsePayload, topicPayload, UnmappableDiscourseEvent } from './payloads';

const TOPIC_POST = `query DiscourseTopicPost($topic: String!) { postByExternalId(source: "discourse", id: $topic) { id } }`;
const UPDATE_POST = `mutation DiscourseTopicRetitle($id: ID!, $input: UpdatePostInput!) { updatePost(id: $id, input: $input) { id } }`;
const DELETE_POST = `mutation DiscourseTopicRemoval($id: ID!) { deletePost(id: $id) }`;

async function topicPostOf(topicId: number, graph: GraphClient): Promise<string | null> {
  const { postByExternalId } = await graph.request<{ postByExternalId: { id: string } | null }>(TOPIC_POST, { topic: externalIdOfTopic(topicId).id });
  return postByExternalId?.id ?? null;
}

/**
 * A created, edited or recovered topic: its title and tags on the community post of its first
 * post. The topic carries no text, so the post itself comes from the first post's event. Discourse
 * sends `topic_created` just before that one, so it waits (is retried) until the post exists;
 * an edit of a topic that never reached the hub changes nothing.
 */
export async function updateTopicPost(eventType: string, payload: unknown, graph: GraphClient): Promise<string> {
  const { topic } = parsePayload(topicPayload, payload);
  if (topic.archetype === 'private_message') return `ignored: topic ${topic.id} is a personal message`;
  const postId = await topicPostOf(topic.id, graph);
  if (!postId) {
    if (eventType === 'topic_created') throw new UnmappableDiscourseEvent(`topic ${topic.id} waits for its first post`);
    return `ignored: topic ${topic.id} has no community post`;
  }
  await graph.request(UPDATE_POST, { id: postId, input: { title: titleOf(topic.title, topic.id), tags: tagsOf(topic.tags ?? []) } });
  return `post ${postId} retitled and tagged from topic ${topic.id}`;
}

/** A destroyed topic takes its community post and the replies with it. */
export async function removeTopicPost(payload: unknown, graph: GraphClient): Promise<string> {
  const { topic } = parsePayload(topicPayload, payload);
  const postId = await topicPostOf(topic.id, graph);
  if (!postId) return `ignored: topic ${topic.id} has no community post`;
  await graph.request(DELETE_POST, { id: postId });
  return `post ${postId} deleted with topic ${topic.id}`;
}
