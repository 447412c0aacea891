import DataLoader from 'dataloader';
import type { Document, Filter, UpdateFilter } from 'mongodb';
import { ensureContentFeedIndexes, readContentChanges, REMOVALS_COLLECTION, type ContentFeedArgs, type RemovalDocument } from '../kit/content-feed';
import { createByIdLoader, createChildConnectionLoader, createGroupLoader } from '../kit/loaders';
import type { KeysetSort, PageArgs } from '../kit/pagination';
import { paginate } from '../kit/pagination';
import type { HubCollection, HubDatabase } from '../kit/store/types';
import { createAccountSummaryLoader } from './account-summaries';
import { postChange } from './content-changes';
import { createEventLoaders } from './event-repository';
import type { BadgeKind, EventDocument, MemberDocument, PostDocument, RegistrationDocument, ReplyDocument } from './model';
import type { PostAudience } from './policy';

export const POST_ORDER: KeysetSort = [
  ['createdAt', -1],
  ['_id', -1],
];
export const REPLY_ORDER: KeysetSort = [
  ['createdAt', 1],
  ['_id', 1],
];

export interface PostListFilter {
  types?: readonly string[] | undefined;
  tags?: readonly string[] | undefined;
  locale?: string | undefined;
  authorId?: string | undefined;
}

/** The posts an audience may see, as a filter that lists and counts apply before anything else. */
function audienceFilter(audience: PostAudience): Filter<PostDocument> {
  if (audience.everything) return {};
  return { $or: [{ visibility: 'PUBLIC' }, { visibility: 'ACCOUNT', accountId: audience.accountId }] };
}

/** The community subgraph's collections, indexes, list queries and per-request loaders. */
export class CommunityRepository {
  readonly members: HubCollection<MemberDocument>;
  readonly posts: HubCollection<PostDocument>;
  readonly replies: HubCollection<ReplyDocument>;
  readonly events: HubCollection<EventDocument>;
  readonly registrations: HubCollection<RegistrationDocument>;
  /** Tombstones of deleted posts, which the change feed reports. */
  readonly removals: HubCollection<RemovalDocument>;

  constructor(db: HubDatabase) {
    this.members = db.collection<MemberDocument>('members');
    this.posts = db.collection<PostDocument>('posts');
    this.replies = db.collection<ReplyDocument>('replies');
    this.events = db.collection<EventDocument>('events');
    this.registrations = db.collection<RegistrationDocument>('registrations');
    this.removals = db.collection<RemovalDocument>(REMOVALS_COLLECTION);
  }

  /** Indexes for every query path of this subgraph; created at start-up, idempotent. */
  async ensureIndexes(): Promise<void> {
    await Promise.all([
      this.members.createIndex({ userId: 1 }, { unique: true }),
      this.members.createIndex({ accountId: 1 }),
      this.members.createIndex({ externalKeys: 1 }, { unique: true, sparse: true }),
      this.posts.createIndex({ createdAt: -1, _id: -1 }),
      this.posts.createIndex({ visibility: 1, createdAt: -1, _id: -1 }),
      this.posts.createIndex({ accountId: 1, createdAt: -1, _id: -1 }),
      this.posts.createIndex({ authorId: 1, createdAt: -1, _id: -1 }),
      this.posts.createIndex({ type: 1, createdAt: -1, _id: -1 }),
      this.posts.createIndex({ tags: 1, createdAt: -1, _id: -1 }),
      this.posts.createIndex({ externalKeys: 1 }, { unique: true, sparse: true }),
      this.replies.createIndex({ postId: 1, createdAt: 1, _id: 1 }),
      this.replies.createIndex({ accountId: 1, createdAt: -1 }),
      this.replies.createIndex({ authorId: 1, acceptedAt: 1 }),
      this.replies.createIndex({ externalKeys: 1 }, { unique: true, sparse: true }),
      this.events.createIndex({ startsAt: 1, _id: 1 }),
      this.events.createIndex({ endsAt: 1, startsAt: 1, _id: 1 }),
      this.registrations.createIndex({ eventId: 1, userId: 1 }, { unique: true }),
      this.registrations.createIndex({ eventId: 1, registeredAt: 1, _id: 1 }),
      this.registrations.createIndex({ userId: 1, eventId: 1 }),
      this.registrations.createIndex({ accountId: 1, attendedAt: -1 }),
    ]);
    // One after the other: both create the same index on the tombstones.
    await ensureContentFeedIndexes(this.posts, this.removals);
    await ensureContentFeedIndexes(this.events, this.removals);
  }

  /** Changes to posts since a time, oldest first, deleted posts included. */
  readPostChanges(args: ContentFeedArgs) {
    return readContentChanges({ items: this.posts, source: this.posts.collectionName, removals: this.removals, toChange: postChange }, args);
  }

  /** A page of the posts the audience may see; the audience is part of the filter, so counts match. */
  listPosts(audience: PostAudience, filter: PostListFilter, page: PageArgs) {
    const conditions: Array<Filter<PostDocument>> = [audienceFilter(audience)];
    if (filter.types?.length) conditions.push({ type: { $in: [...filter.types] } } as Filter<PostDocument>);
    if (filter.tags?.length) conditions.push({ tags: { $all: [...filter.tags] } });
    if (filter.locale) conditions.push({ locale: filter.locale });
    if (filter.authorId) conditions.push({ authorId: filter.authorId });
    const query = conditions.filter((condition) => Object.keys(condition).length > 0);
    return paginate(this.posts, { filter: query.length ? { $and: query } : {}, sort: POST_ORDER, page });
  }

  /** Per-request loaders: create them in the request context, never share them between requests. */
  createLoaders(now: () => Date) {
    return {
      memberById: createByIdLoader(this.members),
      membersByUserId: createGroupLoader(this.members, 'userId'),
      postById: createByIdLoader(this.posts),
      replyById: createByIdLoader(this.replies),
      repliesOfPost: createChildConnectionLoader(this.replies, 'postId', REPLY_ORDER),
      accountSummary: createAccountSummaryLoader(this, now),
      acceptedAnswersOfMember: this.createAcceptedAnswersLoader(),
      ...createEventLoaders(this),
    };
  }

  /** Accepted answers per member: one `$group` over the replies of every member asked for in one tick. */
  private createAcceptedAnswersLoader(): DataLoader<string, number> {
    return new DataLoader<string, number>(async (memberIds) => {
      const rows = await this.replies
        .aggregate<{ _id: string; count: number }>([
          { $match: { authorId: { $in: [...memberIds] }, acceptedAt: { $ne: null } } },
          { $group: { _id: '$authorId', count: { $sum: 1 } } },
        ])
        .toArray();
      const counts = new Map(rows.map((row) => [row._id, row.count]));
      return memberIds.map((memberId) => counts.get(memberId) ?? 0);
    });
  }

  findMemberByUserId(userId: string) {
    return this.members.findOne({ userId });
  }

  findPostById(id: string) {
    return this.posts.findOne({ _id: id });
  }

  findPostByExternalKeys(keys: readonly string[]) {
    return keys.length ? this.posts.findOne({ externalKeys: { $in: [...keys] } }) : Promise.resolve(null);
  }

  findReplyById(id: string) {
    return this.replies.findOne({ _id: id });
  }

  findReplyByExternalKeys(keys: readonly string[]) {
    return keys.length ? this.replies.findOne({ externalKeys: { $in: [...keys] } }) : Promise.resolve(null);
  }

  findMemberByExternalKeys(keys: readonly string[]) {
    return keys.length ? this.members.findOne({ externalKeys: { $in: [...keys] } }) : Promise.resolve(null);
  }

  insertMember(member: MemberDocument) {
    return this.members.insertOne(member);
  }

  updateMember(id: string, update: UpdateFilter<MemberDocument>) {
    return this.members.findOneAndUpdate({ _id: id }, update, { returnDocument: 'after' });
  }

  insertPost(post: PostDocument) {
    return this.posts.insertOne(post);
  }

  insertReply(reply: ReplyDocument) {
    return this.replies.insertOne(reply);
  }

  /**
   * Adds points and badges in one call. Each badge is pushed only if the member does not hold it
   * yet, so a badge keeps the date it was first earned.
   */
  async rewardMember(memberId: string, reward: { points: number; badges: readonly BadgeKind[]; at: Date; makePublic: boolean }): Promise<void> {
    const set: Document = { updatedAt: reward.at, ...(reward.makePublic ? { hasPublicContent: true } : {}) };
    await this.members.bulkWrite([
      { updateOne: { filter: { _id: memberId }, update: { $inc: { points: reward.points }, $set: set } } },
      ...reward.badges.map((kind) => ({
        updateOne: {
          filter: { _id: memberId, 'badges.kind': { $ne: kind } } as Filter<MemberDocument>,
          update: { $push: { badges: { kind, earnedAt: reward.at } } } as Document,
        },
      })),
    ]);
  }

  /**
   * Records the accepted answer only while the question has none: two concurrent accepts cannot
   * both win. Returns the updated question, or null when the guard did not match.
   */
  setAcceptedReply(postId: string, replyId: string, at: Date) {
    return this.posts.findOneAndUpdate(
      { _id: postId, type: 'QUESTION', acceptedReplyId: null },
      { $set: { acceptedReplyId: replyId, updatedAt: at } },
      { returnDocument: 'after' },
    );
  }

  markReplyAccepted(replyId: string, at: Date) {
    return this.replies.findOneAndUpdate({ _id: replyId }, { $set: { acceptedAt: at, updatedAt: at } }, { returnDocument: 'after' });
  }

  countPosts() {
    return this.posts.countDocuments();
  }
}
