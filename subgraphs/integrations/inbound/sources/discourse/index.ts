import type { InboundSource, StoredInboundEvent } from '../../inbound-source';
import type { GraphClient } from '../../../../kit/graph-client';
import { removePostOrReply, upsertPostOrReply } from './apply-post';
import { removeTopicPost, updateTopicPost } from './apply-topic';
import { upsertMember } from './apply-user';
import { receiveDiscourse } from './receive';

/** Applies one stored event by its name (`X-Discourse-Event`); events the hub does not map are kept and say so. */
function applyDiscourseEvent(event: StoredInboundEvent, graph: GraphClient): Promise<string> {
  switch (event.eventType) {
    case 'post_created':
    case 'post_edited':
    case 'post_recovered':
      return upsertPostOrReply(event.payload, graph);
    case 'post_destroyed':
      return removePostOrReply(event.payload, graph);
    case 'topic_created':
    case 'topic_edited':
    case 'topic_revised':
    case 'topic_recovered':
      return updateTopicPost(event.eventType, event.payload, graph);
    case 'topic_destroyed':
      return removeTopicPost(event.payload, graph);
    case 'user_created':
    case 'user_updated':
      return upsertMember(event.payload, graph);
    default:
      return Promise.resolve(`ignored: ${event.eventType} is not mapped`);
  }
}

/**
 * A Discourse forum's webhooks (`POST /webhooks/discourse`): topics and their posts become
 * community posts and replies, users become the hub's users with community profiles.
 */
export const discourseSource: InboundSource = {
  name: 'discourse',
  routes: ['POST /webhooks/discourse'],
  receive: receiveDiscourse,
  apply: applyDiscourseEvent,
};
