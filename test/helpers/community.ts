import type { UserDocument } from '../../subgraphs/accounts/model';
import type { EventDocument, MemberDocument, PostDocument, RegistrationDocument, ReplyDocument } from '../../subgraphs/community/model';
import { CommunityRepository } from '../../subgraphs/community/repository';
import { COMMUNITY_SUBGRAPH } from '../../subgraphs/community/server';
import { subgraphDatabase } from '../../subgraphs/kit/subgraph-service';
import type { Stack } from './stack';
import { nextSequence } from './factories';
import { DAY_MS, daysAgo } from './time';

/** The community subgraph's repository on the stack's store, for arranging and checking data. */
export function communityRepository(stack: Pick<Stack, 'store' | 'config'>): CommunityRepository {
  return new CommunityRepository(subgraphDatabase(stack, COMMUNITY_SUBGRAPH));
}

export function buildMember(user: UserDocument, overrides: Partial<MemberDocument> = {}): MemberDocument {
  const n = nextSequence();
  return {
    _id: `mem_t${n}`,
    userId: user._id,
    accountId: user.accountId,
    displayName: `Member ${n}`,
    joinedAt: daysAgo(200),
    points: 0,
    badges: [],
    hasPublicContent: true,
    externalIds: [],
    syncedAt: null,
    createdAt: daysAgo(200),
    updatedAt: daysAgo(200),
    ...overrides,
  };
}

export function buildPost(author: MemberDocument, overrides: Partial<PostDocument> = {}): PostDocument {
  const n = nextSequence();
  const createdAt = overrides.createdAt ?? daysAgo(n / 1000 + 1);
  return {
    _id: `pst_t${n}`,
    type: 'QUESTION',
    title: `Post ${n}`,
    body: `Body of post ${n}`,
    tags: [],
    locale: 'en-US',
    authorId: author._id,
    authorUserId: author.userId,
    accountId: author.accountId,
    visibility: 'PUBLIC',
    views: 0,
    votes: 0,
    acceptedReplyId: null,
    externalIds: [],
    syncedAt: null,
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  };
}

export function buildReply(post: PostDocument, author: MemberDocument, overrides: Partial<ReplyDocument> = {}): ReplyDocument {
  const n = nextSequence();
  const createdAt = overrides.createdAt ?? new Date(post.createdAt.getTime() + n * 1000);
  return {
    _id: `rpl_t${n}`,
    postId: post._id,
    authorId: author._id,
    authorUserId: author.userId,
    accountId: author.accountId,
    body: `Reply ${n}`,
    votes: 0,
    acceptedAt: null,
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  };
}

export function buildEvent(overrides: Partial<EventDocument> = {}): EventDocument {
  const n = nextSequence();
  const startsAt = overrides.startsAt ?? daysAgo(-10);
  return {
    _id: `evt_t${n}`,
    title: `Event ${n}`,
    description: `About event ${n}`,
    kind: 'WEBINAR',
    locale: 'en-US',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3_600_000),
    place: null,
    onlineUrl: `https://events.example.com/${n}`,
    capacity: null,
    registeredCount: 0,
    cancelledAt: null,
    createdAt: daysAgo(30),
    updatedAt: daysAgo(30),
    ...overrides,
  };
}

export function buildRegistration(
  event: EventDocument,
  user: UserDocument,
  member: MemberDocument | null,
  overrides: Partial<RegistrationDocument> = {},
): RegistrationDocument {
  const n = nextSequence();
  return {
    _id: `reg_t${n}`,
    eventId: event._id,
    userId: user._id,
    accountId: user.accountId,
    memberId: member?._id ?? null,
    status: 'REGISTERED',
    registeredAt: new Date(event.startsAt.getTime() - 5 * DAY_MS),
    attendedAt: null,
    ...overrides,
  };
}

export interface CommunitySeed {
  members?: MemberDocument[];
  posts?: PostDocument[];
  replies?: ReplyDocument[];
  events?: EventDocument[];
  registrations?: RegistrationDocument[];
}

export async function seedCommunity(stack: Pick<Stack, 'store' | 'config'>, seed: CommunitySeed): Promise<void> {
  const repository = communityRepository(stack);
  if (seed.members?.length) await repository.members.insertMany(seed.members);
  if (seed.posts?.length) await repository.posts.insertMany(seed.posts);
  if (seed.replies?.length) await repository.replies.insertMany(seed.replies);
  if (seed.events?.length) await repository.events.insertMany(seed.events);
  if (seed.registrations?.length) await repository.registrations.insertMany(seed.registrations);
}

/** How many documents each community collection holds: compare before and after a refused write. */
export async function communityCounts(stack: Pick<Stack, 'store' | 'config'>) {
  const repository = communityRepository(stack);
  return {
    members: await repository.members.countDocuments(),
    posts: await repository.posts.countDocuments(),
    replies: await repository.replies.countDocuments(),
    registrations: await repository.registrations.countDocuments(),
    events: await repository.events.countDocuments(),
    removals: await repository.removals.countDocuments(),
  };
}

/** Every stored member, for checking that a refused write changed no points. */
export async function storedMembers(stack: Pick<Stack, 'store' | 'config'>): Promise<MemberDocument[]> {
  return communityRepository(stack).members.find({}, { sort: { _id: 1 } }).toArray();
}

export { daysAgo } from './time';
