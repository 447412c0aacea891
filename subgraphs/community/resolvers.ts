import { contentFeedArguments } from '../kit/content-feed';
import { DateTimeScalar } from '../kit/scalars';
import type { RequestBase, ResolverMap } from '../kit/subgraph-service';
import { parseInput } from '../kit/validation';
import type { ChangeFeedService } from './change-feed';
import type { EventAdmin } from './event-admin';
import type { EventsService } from './events';
import { postFilterInput } from './inputs';
import type { Badge, EventDocument, ExternalId, MemberDocument, PostDocument, RegistrationDocument, ReplyDocument } from './model';
import type { PostEditor } from './post-editing';
import type { CommunityWriter } from './posting';
import { BADGE_NAMES, rankOf } from './rules';
import type { CommunityService, EntityReference } from './service';

export interface CommunityContext extends RequestBase {
  community: CommunityService;
  events: EventsService;
  writer: CommunityWriter;
  postEditor: PostEditor;
  eventAdmin: EventAdmin;
  changeFeed: ChangeFeedService;
}

interface PageArguments {
  first?: number | null;
  after?: string | null;
}

/** Fields that members and posts share and only staff and integrations may read. */
const staffOnlyFields = {
  externalIds: (record: { externalIds: ExternalId[] }, _args: unknown, { community }: CommunityContext) => {
    community.assertCanSeeInternalFields();
    return record.externalIds;
  },
  syncedAt: (record: { syncedAt: Date | null }, _args: unknown, { community }: CommunityContext) => {
    community.assertCanSeeInternalFields();
    return record.syncedAt;
  },
};

const byId = (document: { _id: string }) => document._id;

/** Thin: validate arguments, hand over to the services, which authorize. */
export const communityResolvers: ResolverMap<CommunityContext> = {
  DateTime: DateTimeScalar,
  Query: {
    post: (_parent, args: { id: string }, { community }) => community.post(args.id),
    posts: (_parent, args: PageArguments & { filter?: unknown }, { community }) =>
      community.listPosts(parseInput(postFilterInput, args.filter ?? {}, 'filter'), args),
    communityMember: (_parent, args: { id: string }, { community }) => community.member(args.id),
    event: (_parent, args: { id: string }, { events }) => events.event(args.id),
    events: (_parent, args: PageArguments & { upcoming?: boolean | null }, { events }) => events.listEvents(args.upcoming, args),
    postChanges: (_parent, args: unknown, { changeFeed }) => changeFeed.postChanges(parseInput(contentFeedArguments, args)),
    eventChanges: (_parent, args: unknown, { changeFeed }) => changeFeed.eventChanges(parseInput(contentFeedArguments, args)),
  },
  Mutation: {
    createPost: async (_parent, args: { input: unknown }, { writer, community }) => {
      const post = await writer.createPost(args.input);
      community.remember({ post });
      return post;
    },
    updatePost: async (_parent, args: { id: unknown; input: unknown }, { postEditor, community }) => {
      const post = await postEditor.updatePost(args.id, args.input);
      community.remember({ post });
      return post;
    },
    deletePost: (_parent, args: { id: unknown }, { postEditor }) => postEditor.deletePost(args.id),
    reply: async (_parent, args: { input: unknown }, { writer, community }) => {
      const reply = await writer.reply(args.input);
      community.remember({ reply });
      return reply;
    },
    acceptAnswer: async (_parent, args: { postId: unknown; replyId: unknown }, { writer, community }) => {
      const { post, reply } = await writer.acceptAnswer({ postId: args.postId, replyId: args.replyId });
      community.remember({ post, reply });
      return post;
    },
    registerForEvent: (_parent, args: { eventId: unknown }, { events }) => events.register(args.eventId),
    createEvent: (_parent, args: { input: unknown }, { eventAdmin }) => eventAdmin.createEvent(args.input),
    updateEvent: (_parent, args: { id: unknown; input: unknown }, { eventAdmin }) => eventAdmin.updateEvent(args.id, args.input),
    cancelEvent: (_parent, args: { id: unknown }, { eventAdmin }) => eventAdmin.cancelEvent(args.id),
  },
  CommunityMember: {
    __resolveReference: (reference: EntityReference, { community }: CommunityContext) => community.member(reference.id),
    id: byId,
    rank: (member: MemberDocument) => rankOf(member.points),
    acceptedAnswers: (member: MemberDocument, _args, { community }) => community.acceptedAnswersOf(member),
    badges: (member: MemberDocument) =>
      member.badges.map((badge: Badge) => ({ kind: badge.kind, name: BADGE_NAMES[badge.kind], earnedAt: badge.earnedAt })),
    user: (member: MemberDocument, _args, { community }) => community.userReference(member.userId, member.accountId),
    account: (member: MemberDocument, _args, { community }) => community.accountReference(member.accountId),
    ...staffOnlyFields,
  },
  Post: {
    __resolveReference: (reference: EntityReference, { community }: CommunityContext) => community.post(reference.id),
    id: byId,
    author: (post: PostDocument, _args, { community }) => community.authorOf(post),
    account: (post: PostDocument, _args, { community }) => community.accountReference(post.accountId),
    replies: (post: PostDocument, args: PageArguments, { community }) => community.repliesOf(post, args),
    acceptedAnswer: (post: PostDocument, _args, { community }) => community.acceptedAnswerOf(post),
    ...staffOnlyFields,
  },
  Reply: {
    id: byId,
    post: (reply: ReplyDocument, _args, { community }) => community.postOf(reply),
    author: (reply: ReplyDocument, _args, { community }) => community.authorOf(reply),
    isAccepted: (reply: ReplyDocument) => reply.acceptedAt !== null,
  },
  Event: {
    __resolveReference: (reference: EntityReference, { events }: CommunityContext) => events.event(reference.id),
    id: byId,
    onlineUrl: (event: EventDocument, _args, { events }) => events.onlineUrl(event),
    isFull: (event: EventDocument) => event.capacity !== null && event.registeredCount >= event.capacity,
    cancelledAt: (event: EventDocument) => event.cancelledAt ?? null,
    attendeeCount: (event: EventDocument, _args, { events }) => events.attendeeCount(event),
    viewerRegistration: (event: EventDocument, _args, { events }) => events.viewerRegistration(event),
    registrations: (event: EventDocument, args: PageArguments, { events }) => events.registrations(event, args),
  },
  EventRegistration: {
    id: byId,
    event: (registration: RegistrationDocument, _args, { events }) => events.eventOf(registration),
    member: (registration: RegistrationDocument, _args, { community }) =>
      registration.memberId ? community.member(registration.memberId) : null,
    user: (registration: RegistrationDocument, _args, { community }) => community.userReference(registration.userId, registration.accountId),
    account: (registration: RegistrationDocument, _args, { community }) => community.accountReference(registration.accountId),
  },
  User: {
    // Only the id is known here; `community` decides access from the member profile it finds.
    __resolveReference: (reference: EntityReference) => ({ id: reference.id }),
    community: (user: EntityReference, _args, { community }) => community.userCommunity(user.id),
  },
  Account: {
    __resolveReference: (reference: EntityReference, { community }: CommunityContext) => community.account(reference.id),
    community: (account: EntityReference, _args, { community }) => community.accountCommunity(account.id),
  },
};
